// Trains a tokenizer with Hugging Face tokenizers (npm package `tokenizers`) on one corpus file, with the pipeline
// `subword train FAMILY` uses:
//   bytelevel: ByteLevel pre-tokenizer (GPT-2 regex, no prefix space), an empty BPE model;
//   wordpiece: BertNormalizer (lowercase), BertPreTokenizer, an empty WordPiece model (##, [UNK]);
// and the Node binding's trainer, which is the model's default trainer (vocabulary 30000, minimum frequency 0, no
// special tokens: 5 fewer than `subword train wordpiece`'s BERT specials). Prints one line of JSON: training time
// and peak RSS. Usage: node train-hf.js CORPUS OUT_JSON [bytelevel|wordpiece]
const { Tokenizer } = require('tokenizers');

const [, , corpus, out, family = 'bytelevel'] = process.argv;
if (!corpus || !out) {
  console.error('usage: node train-hf.js CORPUS OUT_JSON [bytelevel|wordpiece]');
  process.exit(2);
}
const wordpiece = {
  version: '1.0', truncation: null, padding: null, added_tokens: [],
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null,
                lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: null,
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100,
           vocab: { '[UNK]': 0 } },
};
const bytelevel = {
  version: '1.0', truncation: null, padding: null, added_tokens: [],
  normalizer: null,
  pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
  post_processor: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
  decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null,
           fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab: {}, merges: [] },
};
const tok = Tokenizer.fromString(JSON.stringify(family === 'wordpiece' ? wordpiece : bytelevel));
const start = process.hrtime.bigint();
tok.train([corpus]);
const trainMs = Number(process.hrtime.bigint() - start) / 1e6;
tok.save(out, true);
// resourceUsage().maxRSS is in kilobytes
console.log(JSON.stringify({ trainMs, vocab: tok.getVocabSize(true), maxRssKb: process.resourceUsage().maxRSS }));
