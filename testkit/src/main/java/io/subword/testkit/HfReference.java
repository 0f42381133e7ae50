package io.subword.testkit;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.util.PairList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reference peer: Hugging Face tokenizers (the Rust library) through DJL's JNI binding
 * ({@code ai.djl.huggingface:tokenizers}), loaded from a {@code tokenizer.json}, fully offline.
 *
 * <h2>What DJL does on top of Hugging Face, and how this class undoes it</h2>
 * <ul>
 *   <li><b>Truncation and padding.</b> DJL does <em>not</em> keep the JSON's settings: unless told otherwise it
 *       truncates longest-first and pads to the longest of the batch, at the JSON's {@code max_length} or, when
 *       the JSON has none, at a "model max length" of 512. This class always passes explicit settings:
 *       {@link Limits#NONE} (the default of {@link #load(Path, boolean)}) turns both off, so an encoding is
 *       the tokenization of the whole text, and {@link #loadAsConfigured(Path, boolean)} reads the JSON's own
 *       settings and passes them on. {@code HfReferenceTest} checks both.</li>
 *   <li><b>Text rewriting.</b> DJL can lower-case, strip accents or add a prefix space in Java before calling
 *       Rust, and clean up spaces after decoding, when given a {@code tokenizer_config.json}; this class loads
 *       the JSON from a stream with no such config, so all of that is off and the text reaches Rust as
 *       given.</li>
 *   <li><b>Network.</b> DJL "calls home" (an HTTP request to the EC2 metadata address and a telemetry URL) when
 *       a tokenizer is created, and extracts its native library to a cache directory. Before touching DJL this
 *       class sets the system properties {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} (which
 *       stop every request), and, unless already set, {@code ENGINE_CACHE_DIR} to
 *       {@code ${java.io.tmpdir}/subword-testkit-djl} (where the bundled {@code libtokenizers.so} is
 *       extracted, atomically by DJL). Nothing is downloaded: the native library ships in the jar.</li>
 * </ul>
 *
 * <h2>Offsets</h2>
 * DJL calls Rust's {@code encode_char_offsets}, so {@link RefEncoding#starts()}/{@link RefEncoding#ends()} are
 * <b>Unicode code point</b> indices (Rust {@code char}s, as Python's {@code str} indices), not UTF-16 indices and
 * not bytes; compare them with {@code Encoding.offsets(OffsetUnit.CODE_POINT)}. For a pair, each token's offsets
 * are into its own text. Special and padding tokens have no span in DJL; they are reported as {@code (0, 0)},
 * which is what Hugging Face's {@code Encoding.offsets} holds for them.
 *
 * <h2>Strings DJL cannot pass</h2>
 * The JNI layer converts a Java string to a Rust string; a lone surrogate has no UTF-8 form and comes out as
 * U+FFFD (see {@code HfReferenceTest}), so the reference sees a different text than the caller for such input.
 *
 * <p>Instances hold a native handle: close them. Encoding is thread-safe in the Rust library; batch encodes
 * run in Rust's own thread pool.
 */
public final class HfReference implements AutoCloseable {
    static {
        DjlEnvironment.init();
    }

    private final HuggingFaceTokenizer tokenizer;
    private final boolean addSpecialTokens;
    private final Limits limits;

    private HfReference(HuggingFaceTokenizer tokenizer, boolean addSpecialTokens, Limits limits) {
        this.tokenizer = tokenizer;
        this.addSpecialTokens = addSpecialTokens;
        this.limits = limits;
    }

    /**
     * Truncation and padding settings as DJL can express them: one {@code maxLength} serves both.
     *
     * @param truncate        how to truncate, or {@link Truncate#NONE}
     * @param maxLength       the truncation length, and the padded length for {@link Pad#FIXED}; ignored when
     *                        neither truncates nor pads to a fixed length
     * @param stride          overlap of overflowing parts
     * @param pad             how to pad, or {@link Pad#NONE}
     * @param padToMultipleOf round the padded length up to a multiple of this, 0 for none
     */
    public record Limits(Truncate truncate, int maxLength, int stride, Pad pad, int padToMultipleOf) {
        public enum Truncate { NONE, LONGEST_FIRST, ONLY_FIRST, ONLY_SECOND }

        public enum Pad { NONE, BATCH_LONGEST, FIXED }

        /** No truncation, no padding: every token of the text. */
        public static final Limits NONE = new Limits(Truncate.NONE, 0, 0, Pad.NONE, 0);

        public Limits {
            Objects.requireNonNull(truncate, "truncate");
            Objects.requireNonNull(pad, "pad");
            if ((truncate != Truncate.NONE || pad == Pad.FIXED) && maxLength <= 0) {
                throw new IllegalArgumentException("maxLength must be > 0 to truncate or pad to a fixed length, got "
                        + maxLength);
            }
            if (stride < 0 || padToMultipleOf < 0) {
                throw new IllegalArgumentException("stride and padToMultipleOf must be >= 0, got " + stride + ", "
                        + padToMultipleOf);
            }
        }

        /** Truncate longest-first to {@code maxLength}, no padding. */
        public static Limits truncate(int maxLength) {
            return new Limits(Truncate.LONGEST_FIRST, maxLength, 0, Pad.NONE, 0);
        }

        /** The same truncation, padded to {@code maxLength}. */
        public Limits padFixed() {
            return new Limits(truncate, maxLength, stride, Pad.FIXED, padToMultipleOf);
        }

        /** The same truncation, padded to the longest of each batch. */
        public Limits padLongest() {
            return new Limits(truncate, maxLength, stride, Pad.BATCH_LONGEST, padToMultipleOf);
        }

        /**
         * The settings that a tokenizer.json's {@code "truncation"} and {@code "padding"} hold.
         *
         * @throws IllegalArgumentException when DJL cannot express them (truncation and fixed padding at two
         *                                  different lengths)
         */
        public static Limits fromJson(Path tokenizerJson) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(tokenizerJson.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + tokenizerJson, e);
            }
            Truncate truncate = Truncate.NONE;
            int maxLength = 0;
            int stride = 0;
            JsonNode t = root.path("truncation");
            if (t.isObject()) {
                truncate = switch (t.path("strategy").asText("LongestFirst")) {
                    case "LongestFirst" -> Truncate.LONGEST_FIRST;
                    case "OnlyFirst" -> Truncate.ONLY_FIRST;
                    case "OnlySecond" -> Truncate.ONLY_SECOND;
                    default -> throw new IllegalArgumentException("unknown truncation strategy "
                            + t.path("strategy") + " in " + tokenizerJson);
                };
                maxLength = t.path("max_length").asInt();
                stride = t.path("stride").asInt(0);
            }
            Pad pad = Pad.NONE;
            int multiple = 0;
            JsonNode p = root.path("padding");
            if (p.isObject()) {
                JsonNode s = p.path("strategy");
                if (s.isObject() && s.has("Fixed")) {
                    pad = Pad.FIXED;
                    int fixed = s.get("Fixed").asInt();
                    if (truncate != Truncate.NONE && fixed != maxLength) {
                        throw new IllegalArgumentException("DJL cannot truncate at " + maxLength + " and pad to "
                                + fixed + " (" + tokenizerJson + ")");
                    }
                    maxLength = fixed;
                } else {
                    pad = Pad.BATCH_LONGEST;
                }
                multiple = p.path("pad_to_multiple_of").asInt(0);
            }
            return new Limits(truncate, maxLength, stride, pad, multiple);
        }

        Map<String, String> djlOptions() {
            Map<String, String> o = new HashMap<>();
            o.put("truncation", truncate == Truncate.NONE ? "false" : truncate.name());
            o.put("padding", switch (pad) {
                case NONE -> "false";
                case BATCH_LONGEST -> "LONGEST";
                case FIXED -> "MAX_LENGTH";
            });
            if (maxLength > 0) {
                o.put("maxLength", Integer.toString(maxLength));
            }
            // DJL clamps maxLength to this "model max length" (default 512); never let it change ours.
            o.put("modelMaxLength", Integer.toString(Math.max(512, maxLength)));
            o.put("stride", Integer.toString(stride));
            o.put("padToMultipleOf", Integer.toString(padToMultipleOf));
            return o;
        }
    }

    /** The tokenizer with truncation and padding off, whatever the JSON says. */
    public static HfReference load(Path tokenizerJson, boolean addSpecialTokens) {
        return load(tokenizerJson, addSpecialTokens, Limits.NONE);
    }

    /** The tokenizer with the truncation and padding that the JSON itself configures. */
    public static HfReference loadAsConfigured(Path tokenizerJson, boolean addSpecialTokens) {
        return load(tokenizerJson, addSpecialTokens, Limits.fromJson(tokenizerJson));
    }

    /** The tokenizer with the given truncation and padding, whatever the JSON says. */
    public static HfReference load(Path tokenizerJson, boolean addSpecialTokens, Limits limits) {
        Map<String, String> options = limits.djlOptions();
        options.put("addSpecialTokens", Boolean.toString(addSpecialTokens));
        options.put("withOverflowingTokens", "true");
        HuggingFaceTokenizer tok;
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            tok = HuggingFaceTokenizer.newInstance(in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + tokenizerJson, e);
        }
        String expectedTruncation = limits.truncate() == Limits.Truncate.NONE ? "DO_NOT_TRUNCATE"
                : limits.truncate().name();
        if (!tok.getTruncation().equals(expectedTruncation)) {
            tok.close();
            throw new IllegalStateException("DJL truncation is " + tok.getTruncation() + ", wanted "
                    + expectedTruncation);
        }
        return new HfReference(tok, addSpecialTokens, limits);
    }

    public boolean addSpecialTokens() {
        return addSpecialTokens;
    }

    public Limits limits() {
        return limits;
    }

    /** The DJL tokenizer itself, for benchmarks that must measure DJL's own call path. */
    public HuggingFaceTokenizer raw() {
        return tokenizer;
    }

    /** Encodes one text. */
    public RefEncoding encode(String text) {
        return convert(tokenizer.encode(text, addSpecialTokens, true));
    }

    /** Encodes a pair of texts ({@code [CLS] a [SEP] b [SEP]} for BERT). */
    public RefEncoding encodePair(String first, String second) {
        return convert(tokenizer.encode(first, second, addSpecialTokens, true));
    }

    /** Encodes the texts in one native batch call (Rust's thread pool); padding applies across the batch. */
    public List<RefEncoding> encodeBatch(List<String> texts) {
        Encoding[] out = tokenizer.batchEncode(texts.toArray(new String[0]), addSpecialTokens, true);
        return convertAll(out);
    }

    /**
     * Encodes the texts in one native batch call, adding special tokens or not whatever this reference was
     * loaded with (so one load serves both).
     */
    public List<RefEncoding> encodeBatch(List<String> texts, boolean addSpecialTokens) {
        return convertAll(tokenizer.batchEncode(texts.toArray(new String[0]), addSpecialTokens, true));
    }

    /** Encodes {@code first.get(i)} with {@code second.get(i)} for each i, in one native batch call. */
    public List<RefEncoding> encodePairBatch(List<String> first, List<String> second) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("pair lists differ in size: " + first.size() + " vs "
                    + second.size());
        }
        PairList<String, String> pairs = new PairList<>(first, second);
        return convertAll(tokenizer.batchEncode(pairs, addSpecialTokens, true));
    }

    /** Decodes with the JSON's decoder. */
    public String decode(long[] ids, boolean skipSpecialTokens) {
        return tokenizer.decode(ids, skipSpecialTokens);
    }

    /** Decodes with the JSON's decoder. */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return decode(l, skipSpecialTokens);
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static List<RefEncoding> convertAll(Encoding[] encodings) {
        List<RefEncoding> list = new ArrayList<>(encodings.length);
        for (Encoding e : encodings) {
            list.add(convert(e));
        }
        return list;
    }

    static RefEncoding convert(Encoding e) {
        int n = e.getIds().length;
        CharSpan[] spans = e.getCharTokenSpans();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            if (spans[i] != null) {
                starts[i] = spans[i].getStart();
                ends[i] = spans[i].getEnd();
            }
        }
        List<RefEncoding> overflowing = new ArrayList<>();
        for (Encoding o : e.getOverflowing()) {
            overflowing.add(convert(o));
        }
        return new RefEncoding(toInts(e.getIds()), e.getTokens(), toInts(e.getTypeIds()), starts, ends,
                toInts(e.getAttentionMask()), toInts(e.getSpecialTokenMask()), toInts(e.getWordIds()),
                toInts(e.getSequenceIds()), List.copyOf(overflowing));
    }

    private static int[] toInts(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.toIntExact(a[i]);
        }
        return out;
    }
}
