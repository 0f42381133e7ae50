import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

/** Scratch probe: runs HF normalizers / pre-tokenizers through DJL, printing normalized chars with alignment. */
public class Probe {
    static final char[] BYTE_TO_CHAR = new char[256];
    static final int[] CHAR_TO_BYTE = new int[512];
    static {
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174);
            BYTE_TO_CHAR[b] = printable ? (char) b : (char) (256 + n++);
            CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = b;
        }
    }

    static String json(String normalizer, String preTok) {
        StringBuilder vocab = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            if (b > 0) vocab.append(',');
            char c = BYTE_TO_CHAR[b];
            String s = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : String.valueOf(c);
            vocab.append('"').append(s).append("\":").append(b);
        }
        String bl = "{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":false,\"use_regex\":false}";
        String pre = preTok == null ? bl : "{\"type\":\"Sequence\",\"pretokenizers\":[" + preTok + "," + bl + "]}";
        return "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
                + "\"normalizer\":" + (normalizer == null ? "null" : normalizer) + ","
                + "\"pre_tokenizer\":" + pre + ",\"post_processor\":null,\"decoder\":null,"
                + "\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,\"continuing_subword_prefix\":null,"
                + "\"end_of_word_suffix\":null,\"fuse_unk\":false,\"byte_fallback\":false,\"vocab\":{" + vocab
                + "},\"merges\":[]}}";
    }

    static HuggingFaceTokenizer load(String normalizer, String preTok) throws IOException {
        Map<String, String> opts = new HashMap<>();
        opts.put("addSpecialTokens", "false");
        opts.put("truncation", "false");
        opts.put("padding", "false");
        opts.put("maxLength", "1000000");
        return HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(json(normalizer, preTok).getBytes(StandardCharsets.UTF_8)), opts);
    }

    /** words separated by '|', chars as HEX:start-end separated by ','. */
    static String describe(Encoding e) {
        String[] toks = e.getTokens();
        long[] words = e.getWordIds();
        CharSpan[] spans = e.getCharTokenSpans();
        StringBuilder sb = new StringBuilder();
        long prevWord = Long.MIN_VALUE;
        int i = 0;
        while (i < toks.length) {
            int b0 = CHAR_TO_BYTE[toks[i].charAt(0)];
            int len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
            byte[] bytes = new byte[len];
            for (int k = 0; k < len; k++) bytes[k] = (byte) CHAR_TO_BYTE[toks[i + k].charAt(0)];
            int cp = new String(bytes, StandardCharsets.UTF_8).codePointAt(0);
            if (words[i] != prevWord) {
                if (sb.length() > 0) sb.append('|');
                prevWord = words[i];
            } else {
                sb.append(',');
            }
            sb.append(Integer.toHexString(cp).toUpperCase()).append(':')
                    .append(spans[i] == null ? -1 : spans[i].getStart()).append('-')
                    .append(spans[i] == null ? -1 : spans[i].getEnd());
            i += len;
        }
        return sb.toString();
    }

    /** args: mode normalizerJson|null pretokJson|null out-file [prefix suffix] ; mode=all (every code point) or file:path (lines) */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String norm = args[1].equals("null") ? null : args[1];
        String pre = args[2].equals("null") ? null : args[2];
        String prefix = args.length > 4 ? args[4] : "";
        String suffix = args.length > 5 ? args[5] : "";
        try (HuggingFaceTokenizer tok = load(norm, pre);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            if (mode.equals("all")) {
                List<String> batch = new ArrayList<>();
                List<Integer> cps = new ArrayList<>();
                for (int cp = 0; cp <= 0x10FFFF; cp++) {
                    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
                    batch.add(prefix + new String(Character.toChars(cp)) + suffix);
                    cps.add(cp);
                    if (batch.size() == 20000 || cp == 0x10FFFF) {
                        Encoding[] es = tok.batchEncode(batch);
                        for (int k = 0; k < es.length; k++) {
                            out.println(Integer.toHexString(cps.get(k)).toUpperCase() + "\t" + describe(es[k]));
                        }
                        batch.clear();
                        cps.clear();
                    }
                }
            } else {
                for (String line : Files.readAllLines(Path.of(mode.substring(5)))) {
                    String text = unescape(line);
                    out.println(line + "\t" + describe(tok.encode(text)));
                }
            }
        }
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                int j = s.indexOf('}', i);
                sb.appendCodePoint(Integer.parseInt(s.substring(i + 3, j), 16));
                i = j;
            } else sb.append(c);
        }
        return sb.toString();
    }
}
