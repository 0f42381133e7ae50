// Trains a byte-level BPE tokenizer with Hugging Face tokenizers (npm package `tokenizers`) on one corpus file,
// with the same pipeline `subword train bytelevel` uses: ByteLevel pre-tokenizer (GPT-2 regex, no prefix space),
// an empty BPE model, and the Node binding's trainer, which is the default BpeTrainer (vocabulary 30000, minimum
// frequency 0, no special tokens, no initial alphabet). Prints one line of JSON: training time and peak RSS.
// Usage: node train-hf.js CORPUS OUT_JSON
const { Tokenizer } = require('tokenizers');

const [, , corpus, out] = process.argv;
if (!corpus || !out) {
  console.error('usage: node train-hf.js CORPUS OUT_JSON');
  process.exit(2);
}
const json = {
  version: '1.0', truncation: null, padding: null, added_tokens: [],
  normalizer: null,
  pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
  post_processor: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
  decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null,
           fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab: {}, merges: [] },
};
const tok = Tokenizer.fromString(JSON.stringify(json));
const start = process.hrtime.bigint();
tok.train([corpus]);
const trainMs = Number(process.hrtime.bigint() - start) / 1e6;
tok.save(out, true);
// resourceUsage().maxRSS is in kilobytes
console.log(JSON.stringify({ trainMs, vocab: tok.getVocabSize(true), maxRssKb: process.resourceUsage().maxRSS }));
