package io.subword;

import io.subword.json.TokenizerJson;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a 1,000,000-token BERT vocabulary and loads it back from vocab.txt and vocab.json (and, when the fuzz
 * scale is above 1, tokenizer.json), encoding a probe each time; run by {@link ResourceLimitsTest} in its own JVM.
 */
public final class MillionTokenVocabMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean longRun = Integer.parseInt(args[1]) > 1;
        int n = 1_000_000;
        List<String> tokens = new ArrayList<>(n);
        tokens.addAll(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (int i = tokens.size(); i < n; i++) {
            String t = Integer.toString(i, 36);
            tokens.add(i % 2 == 0 ? t : "##" + t);
        }
        Vocabulary vocab = Vocabulary.of(tokens);
        Path txt = dir.resolve("vocab.txt");
        VocabTxt.write(vocab, txt);
        Tokenizer bert = Tokenizers.fromVocabTxt(txt);
        check(bert.vocabulary().size() == n, "vocab.txt size");
        String probe = Integer.toString(999_998, 36) + " zz";
        List<String> expected = List.of("[CLS]", Integer.toString(999_998, 36), "[UNK]", "[SEP]");
        check(bert.encode(probe).tokens().equals(expected), "probe through vocab.txt");
        Path json = dir.resolve("vocab.json");
        VocabJson.write(vocab, json);
        check(VocabJson.read(json).tokenCount() == n, "vocab.json size");
        String formats = "vocab.txt and vocab.json";
        if (longRun) {
            Path tokenizerJson = dir.resolve("tokenizer.json");
            TokenizerJson.write(bert, tokenizerJson);
            Tokenizer reloaded = TokenizerJson.read(tokenizerJson);
            check(reloaded.vocabulary().size() == n, "tokenizer.json size");
            check(reloaded.encode(probe).tokens().equals(expected), "probe through tokenizer.json");
            formats = "vocab.txt, vocab.json and tokenizer.json";
        }
        System.out.println("a 1,000,000-token vocabulary loaded from " + formats + " and encodes");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
