package io.subword.parity;

import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.pretokenize.ByteLevelAlphabet;
import io.subword.testkit.HfReference;
import io.subword.testkit.RefEncoding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tokenizer.json that shows what one component does, character by character: the component under test,
 * then a byte-level BPE over the 256 byte characters with no merges, so each token is one byte of the
 * normalized (and pre-tokenized) text and its offsets are that character's alignment. Our tokenizer and
 * Hugging Face's load the same file; identical ids and offsets mean identical text, alignments and splits.
 */
final class ComponentProbe implements AutoCloseable {
    final Path file;
    final Tokenizer ours;
    final HfReference reference;

    private ComponentProbe(Path file, Tokenizer ours, HfReference reference) {
        this.file = file;
        this.ours = ours;
        this.reference = reference;
    }

    /**
     * @param normalizer   JSON of the normalizer, or {@code null}
     * @param preTokenizer JSON of a pre-tokenizer to run before the byte-level one, or {@code null}
     * @param decoder      JSON of the decoder, or {@code null} for byte-level decoding
     */
    static ComponentProbe of(Path dir, String name, String normalizer, String preTokenizer, String decoder) {
        try {
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, json(normalizer, preTokenizer, decoder));
            return new ComponentProbe(file, TokenizerJson.read(file), HfReference.load(file, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.subword.vocab.io.InputFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(String normalizer, String preTokenizer, String decoder) {
        StringBuilder vocab = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            if (b > 0) {
                vocab.append(',');
            }
            char c = ByteLevelAlphabet.toChar(b);
            String s = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : String.valueOf(c);
            vocab.append('"').append(s).append("\":").append(b);
        }
        String bl = "{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":false,\"use_regex\":false}";
        String pre = preTokenizer == null ? bl : "{\"type\":\"Sequence\",\"pretokenizers\":[" + preTokenizer + "," + bl
                + "]}";
        return "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
                + "\"normalizer\":" + (normalizer == null ? "null" : normalizer) + ","
                + "\"pre_tokenizer\":" + pre + ",\"post_processor\":null,"
                + "\"decoder\":" + (decoder == null ? bl.replace("\"use_regex\":false", "\"use_regex\":true") : decoder)
                + ",\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,\"continuing_subword_prefix\":null,"
                + "\"end_of_word_suffix\":null,\"fuse_unk\":false,\"byte_fallback\":false,\"vocab\":{" + vocab
                + "},\"merges\":[]}}";
    }

    /** Compares ids and offsets on every text, batch-encoded on both sides. */
    void compareAll(String what, List<String> texts, Mismatches m) {
        List<RefEncoding> ref = reference.encodeBatch(texts);
        List<io.subword.Encoding> got = ours.encodeBatch(texts, false);
        for (int i = 0; i < texts.size(); i++) {
            m.compare(what + " #" + i, texts.get(i), ref.get(i), got.get(i), Mismatches.Field.OFFSETS);
        }
    }

    @Override
    public void close() {
        reference.close();
    }
}
