package io.subword.train;

import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.vocab.Merge;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.JsonStrings;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trained BPE or WordPiece {@code tokenizer.json} without a JSON tree of the whole vocabulary: the same
 * bytes as {@link TokenizerJson#write}, in a fraction of the time (the tree of 30,000 vocabulary entries and
 * 30,000 merges was the slowest step of writing, a tenth of a whole training run on 10 MB).
 *
 * <p>Everything but the vocabulary and the merges comes from {@link TokenizerJson} itself, run on a
 * <em>skeleton</em>: the same pipeline around a model with the first ids of the vocabulary (the special tokens and
 * the alphabet) and no merges. In that text the model's {@code "vocab"} object and {@code "merges"} array (the model
 * is the last key of the file) are replaced by the whole vocabulary and merge list, written here in the same
 * format: serde_json's pretty layout, Jackson's string escapes.
 */
final class StreamedTokenizerJson {
    private static final String VOCAB_OPEN = "\n    \"vocab\": {\n";
    private static final String OBJECT_CLOSE = "\n    }";
    private static final String NO_MERGES = "\n    \"merges\": []";
    private StreamedTokenizerJson() {
    }

    /**
     * Writes {@code tokenizer.json} of the tokenizer whose pipeline is {@code skeleton}'s and whose model holds
     * {@code vocab} and {@code merges}, atomically.
     *
     * @return {@code false}, having written nothing, if the skeleton's text does not have the expected shape (the
     *         caller then writes the file the slow way)
     */
    static boolean write(Tokenizer skeleton, Vocabulary vocab, List<Merge> merges, Path file) throws IOException {
        Frame frame = Frame.of(skeleton, !merges.isEmpty());
        if (frame == null) {
            return false;
        }
        AtomicFiles.writeText(file, out -> frame.write(vocab, merges, out));
        return true;
    }

    /**
     * The skeleton's text around its model's vocabulary ({@code head} ends before it, {@code middle} starts after
     * it) and, with merges, around its empty merge list ({@code middle} ends before it, {@code tail} starts after).
     */
    private record Frame(String head, String middle, String tail) {
        /** The frame of {@code skeleton}'s text; {@code null} if that text does not have the expected shape. */
        static Frame of(Tokenizer skeleton, boolean withMerges) {
            String text = TokenizerJson.toJson(skeleton);
            int model = text.indexOf("\n  \"model\": {\n");
            int vocabAt = model < 0 ? -1 : text.indexOf(VOCAB_OPEN, model);
            if (vocabAt < 0 || text.indexOf(VOCAB_OPEN, vocabAt + 1) >= 0) {
                return null;
            }
            int vocabBody = vocabAt + VOCAB_OPEN.length() - 2; // at the '{'
            int vocabEnd = text.indexOf(OBJECT_CLOSE, vocabBody);
            if (vocabEnd < 0) {
                return null;
            }
            vocabEnd += OBJECT_CLOSE.length(); // after the '}'
            int mergesAt = text.indexOf(NO_MERGES, vocabEnd);
            if (withMerges && mergesAt < 0) {
                return null;
            }
            String head = text.substring(0, vocabBody);
            if (!withMerges) {
                return new Frame(head, text.substring(vocabEnd), null);
            }
            int mergesBody = mergesAt + NO_MERGES.length() - 2; // at the '['
            return new Frame(head, text.substring(vocabEnd, mergesBody), text.substring(mergesBody + 2));
        }

        void write(Vocabulary vocab, List<Merge> merges, Writer out) throws IOException {
            out.write(head);
            writeVocab(vocab, out);
            out.write(middle);
            if (tail != null) {
                writeMerges(merges, out);
                out.write(tail);
            }
        }
    }

    /** The {@code token: id} object, ids in order, as Hugging Face writes it. */
    private static void writeVocab(Vocabulary vocab, Writer out) throws IOException {
        List<String> tokens = vocab.tokens();
        out.write('{');
        boolean first = true;
        for (int id = 0; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token == null) {
                continue;
            }
            out.write(first ? "\n      " : ",\n      ");
            first = false;
            JsonStrings.writeJackson(token, out);
            out.write(": ");
            out.write(Integer.toString(id));
        }
        out.write(first ? "}" : "\n    }");
    }

    /** The merges as {@code [left, right]} arrays, one element per line. */
    private static void writeMerges(List<Merge> merges, Writer out) throws IOException {
        out.write('[');
        for (int i = 0; i < merges.size(); i++) {
            Merge m = merges.get(i);
            out.write(i == 0 ? "\n      [\n        " : ",\n      [\n        ");
            JsonStrings.writeJackson(m.left(), out);
            out.write(",\n        ");
            JsonStrings.writeJackson(m.right(), out);
            out.write("\n      ]");
        }
        out.write("\n    ]");
    }
}
