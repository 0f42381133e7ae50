package io.subword;

import io.subword.decode.Decoder;
import io.subword.model.Model;
import io.subword.model.SubwordSampling;
import io.subword.model.TokenBuffer;
import io.subword.normalize.NormalizedText;
import io.subword.normalize.Normalizer;
import io.subword.post.Padding;
import io.subword.post.PostProcessor;
import io.subword.post.Truncation;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.pretokenize.SequencePreTokenizer;
import io.subword.pretokenize.Spans;
import io.subword.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The tokenization pipeline: {@code added tokens -> Normalizer -> PreTokenizer -> Model -> truncation ->
 * PostProcessor -> padding}, and back with the {@link Decoder}. Immutable and thread-safe; options are
 * changed on a copy ({@link #withTruncation}, {@link #withPadding}, {@link #toBuilder}).
 *
 * <pre>{@code
 * Tokenizer tok = Tokenizers.fromFile(Path.of("tokenizer.json"));
 * Encoding e = tok.encode("amigos inimagináveis");
 * String text = tok.decode(e.ids());
 * }</pre>
 */
public final class Tokenizer {
    private final Normalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final Model model;
    /** The model that encodes: {@link #model} itself, or a copy that samples as {@link #sampling} says. */
    private final Model encoder;
    private final PostProcessor postProcessor;
    private final Decoder decoder;
    private final List<AddedToken> addedTokens;
    private final AddedVocabulary added;
    private final Truncation truncation;
    private final Padding padding;
    private final SpecialTokenPolicy specialTokenPolicy;
    private final SubwordSampling sampling;
    private final Vocabulary vocabulary;
    private final boolean[] specialIds;
    /*
     * Shared by every copy derived with withTruncation/withPadding/withSpecialTokenPolicy: a copy that only
     * changes those options reuses the vocabulary, the added-token matcher and the per-thread scratch, so
     * deriving many short-lived copies neither copies a 200k-token vocabulary nor leaves a scratch per copy on
     * every thread that used it.
     */
    private final ThreadLocal<Scratch> scratch;
    /** What the post-processor puts around one text, without and with special tokens, or null (see there). */
    private final SingleTextFrame plainFrame;
    private final SingleTextFrame specialFrame;
    /** A thread keeps its scratch buffers after an encode of at most this many tokens; larger ones are dropped. */
    private static final int SCRATCH_KEEP_TOKENS = 1 << 16;

    private Tokenizer(Builder b, Model model, PreTokenizer preTokenizer) {
        this.sampling = b.sampling;
        this.model = Objects.requireNonNull(model, "a tokenizer needs a model");
        this.encoder = model.withSampling(b.sampling);
        this.normalizer = b.normalizer;
        this.preTokenizer = preTokenizer;
        this.postProcessor = b.postProcessor;
        this.decoder = b.decoder;
        this.addedTokens = List.copyOf(b.addedTokens);
        this.added = new AddedVocabulary(addedTokens, normalizer);
        this.truncation = b.truncation;
        this.padding = b.padding;
        this.specialTokenPolicy = b.specialTokenPolicy;
        this.scratch = ThreadLocal.withInitial(Scratch::new);
        this.vocabulary = withAddedTokens(model.vocabulary(), addedTokens);
        this.specialIds = new boolean[vocabulary.size()];
        this.plainFrame = SingleTextFrame.of(postProcessor, vocabulary, false);
        this.specialFrame = SingleTextFrame.of(postProcessor, vocabulary, true);
        for (AddedToken t : addedTokens) {
            if (t.special()) {
                specialIds[t.id()] = true;
            }
        }
    }

    /** A copy of {@code base} with other options, sharing all that the options do not change. */
    private Tokenizer(Tokenizer base, Truncation truncation, Padding padding, SpecialTokenPolicy policy) {
        this.model = base.model;
        this.normalizer = base.normalizer;
        this.preTokenizer = base.preTokenizer;
        this.postProcessor = base.postProcessor;
        this.decoder = base.decoder;
        this.addedTokens = base.addedTokens;
        this.added = base.added;
        this.vocabulary = base.vocabulary;
        this.specialIds = base.specialIds;
        this.scratch = base.scratch;
        this.plainFrame = base.plainFrame;
        this.specialFrame = base.specialFrame;
        this.encoder = base.encoder;
        this.sampling = base.sampling;
        this.truncation = truncation;
        this.padding = padding;
        this.specialTokenPolicy = Objects.requireNonNull(policy, "policy");
    }

    private static Vocabulary withAddedTokens(Vocabulary base, List<AddedToken> addedTokens) {
        boolean allPresent = true;
        for (AddedToken t : addedTokens) {
            String existing = base.token(t.id());
            if (existing == null) {
                allPresent = false;
            } else if (!existing.equals(t.content())) {
                throw new IllegalArgumentException("added token " + Vocabulary.quote(t.content()) + " has id "
                        + t.id() + ", which the model gives to " + Vocabulary.quote(existing));
            }
        }
        if (allPresent) {
            return base;
        }
        // By id, not through a token -> id map: boxing cl100k's 100,256 ids was a third of loading it.
        List<String> tokens = base.tokens();
        int size = tokens.size();
        for (AddedToken t : addedTokens) {
            size = Math.max(size, t.id() + 1);
        }
        String[] byId = tokens.toArray(new String[size]);
        for (AddedToken t : addedTokens) {
            int previous = base.id(t.content());
            if (previous >= 0 && previous != t.id()) {
                throw new IllegalArgumentException("added token " + Vocabulary.quote(t.content()) + " has id "
                        + t.id() + " but the model has it as " + previous);
            }
            if (byId[t.id()] != null && !byId[t.id()].equals(t.content())) {
                throw new IllegalArgumentException("added tokens " + Vocabulary.quote(byId[t.id()]) + " and "
                        + Vocabulary.quote(t.content()) + " have the same id " + t.id());
            }
            byId[t.id()] = t.content();
        }
        return Vocabulary.ofIdsWithGaps(byId);
    }

    public static Builder builder(Model model) {
        return new Builder(model);
    }

    public Builder toBuilder() {
        Builder b = new Builder(model);
        b.normalizer = normalizer;
        b.preTokenizer = preTokenizer;
        b.postProcessor = postProcessor;
        b.decoder = decoder;
        b.addedTokens = new ArrayList<>(addedTokens);
        b.truncation = truncation;
        b.padding = padding;
        b.specialTokenPolicy = specialTokenPolicy;
        b.sampling = sampling;
        return b;
    }

    /** A copy that truncates as {@code truncation} says, or not at all for {@code null}. */
    public Tokenizer withTruncation(Truncation truncation) {
        return new Tokenizer(this, truncation, padding, specialTokenPolicy);
    }

    /** A copy that pads as {@code padding} says, or not at all for {@code null}. */
    public Tokenizer withPadding(Padding padding) {
        return new Tokenizer(this, truncation, padding, specialTokenPolicy);
    }

    /**
     * A copy that matches special tokens in the text as {@code policy} says (see {@link SpecialTokenPolicy}).
     */
    public Tokenizer withSpecialTokenPolicy(SpecialTokenPolicy policy) {
        return new Tokenizer(this, truncation, padding, policy);
    }

    /**
     * A copy that samples segmentations (subword regularization, for model code that trains with it), or that
     * does not for {@code null}: e.g. {@code tok.withSampling(SubwordSampling.unigram(0.1, -1, epoch))} on a
     * Unigram model, {@code SubwordSampling.bpeDropout(0.1, epoch)} on a BPE model. Each encode is
     * deterministic for the seed and the text.
     *
     * @throws IllegalArgumentException if the model does not support that kind of sampling
     */
    public Tokenizer withSampling(SubwordSampling sampling) {
        return toBuilder().sampling(sampling).build();
    }

    /** The sampling in effect, or {@code null} (the default: the best segmentation). */
    public SubwordSampling sampling() {
        return sampling;
    }

    /** Encodes one text with special tokens, as Hugging Face's {@code encode(text)} does. */
    public Encoding encode(String text) {
        return encode(text, null, true);
    }

    /**
     * Encodes one text with special tokens, matching special tokens in the text as {@code policy} says rather
     * than as {@link #specialTokenPolicy()} does.
     *
     * @throws IllegalArgumentException naming the first special token in {@code text} that {@code policy}
     *                                  disallows
     */
    public Encoding encode(String text, SpecialTokenPolicy policy) {
        Encoding e = encodeUnpadded(text, null, true, Objects.requireNonNull(policy, "policy"));
        return padding == null ? e : padding.apply(List.of(e)).get(0);
    }

    /** Encodes one text, with or without the post-processor's special tokens. */
    public Encoding encode(String text, boolean addSpecialTokens) {
        return encode(text, null, addSpecialTokens);
    }

    /** Encodes a pair of texts ({@code [CLS] A [SEP] B [SEP]} for BERT) with special tokens. */
    public Encoding encodePair(String first, String second) {
        return encode(first, second, true);
    }

    /**
     * Encodes {@code first} and, unless {@code null}, {@code second} as a pair; truncates, post-processes and
     * pads as configured. Never throws on any string, unless the {@linkplain #specialTokenPolicy() special token
     * policy} disallows a special token found in the text ({@link IllegalArgumentException} naming it; the
     * policy of tokenizers from tiktoken files by default).
     */
    public Encoding encode(String first, String second, boolean addSpecialTokens) {
        Encoding e = encodeUnpadded(first, second, addSpecialTokens, specialTokenPolicy);
        return padding == null ? e : padding.apply(List.of(e)).get(0);
    }

    /**
     * Encodes the texts in parallel; the result is identical to encoding them one by one, except that padding
     * to the longest pads to the longest of the batch.
     */
    public List<Encoding> encodeBatch(List<String> texts) {
        return encodeBatch(texts, true);
    }

    public List<Encoding> encodeBatch(List<String> texts, boolean addSpecialTokens) {
        Encoding[] out = new Encoding[texts.size()];
        IntStream.range(0, out.length).parallel()
                .forEach(i -> out[i] = encodeUnpadded(texts.get(i), null, addSpecialTokens, specialTokenPolicy));
        List<Encoding> list = Arrays.asList(out);
        return padding == null ? List.copyOf(list) : padding.apply(list);
    }

    /**
     * The ids of {@code text}, as {@code encode(text, false).ids()} gives them (the model's tokens and the added
     * tokens found in the text, no post-processor tokens), with this tokenizer's {@linkplain #specialTokenPolicy()
     * special-token policy}: what tiktoken's and jtokkit's {@code encode} return. Faster than {@link #encode}: without
     * truncation and padding it builds no {@link Encoding}, offsets or word ids.
     *
     * @throws IllegalArgumentException naming the first special token in {@code text} that the policy disallows
     */
    public int[] encodeIds(String text) {
        if (truncation != null || padding != null) {
            return encode(text, false).ids();
        }
        Scratch s = scratch.get();
        encodeTokens(text, specialTokenPolicy, s, false);
        int[] ids = s.out.idsCopy();
        releaseIfHuge(s);
        return ids;
    }

    /** The number of {@link #encodeIds} of {@code text}, without building them. */
    public int countTokens(String text) {
        if (truncation != null || padding != null) {
            return encode(text, false).size();
        }
        Scratch s = scratch.get();
        encodeTokens(text, specialTokenPolicy, s, false);
        int n = s.out.size();
        releaseIfHuge(s);
        return n;
    }

    /**
     * The ids of {@code encode(text, addSpecialTokens)}, without building the {@link Encoding} when the tokenizer
     * neither truncates nor pads and its post-processor only frames the text ({@code [CLS] ... [SEP]}): what
     * {@code subword encode} writes, at the cost of {@link #encodeIds}.
     *
     * @throws IllegalArgumentException naming the first special token in {@code text} that the policy disallows
     */
    public int[] encodeIds(String text, boolean addSpecialTokens) {
        SingleTextFrame frame = addSpecialTokens ? specialFrame : plainFrame;
        if (postProcessor == null && truncation == null && padding == null) {
            return encodeIds(text);
        }
        if (frame == null || truncation != null || padding != null) {
            return encode(text, addSpecialTokens).ids();
        }
        Scratch s = scratch.get();
        encodeTokens(text, specialTokenPolicy, s, false);
        int[] ids = frame.wrapIds(s.out, s.out.size());
        releaseIfHuge(s);
        return ids;
    }

    /** {@link #encodeIds} of each text, in parallel; the same as one by one. */
    public List<int[]> encodeIdsBatch(List<String> texts) {
        int[][] out = new int[texts.size()][];
        IntStream.range(0, out.length).parallel().forEach(i -> out[i] = encodeIds(texts.get(i)));
        return List.of(out);
    }

    private Encoding encodeUnpadded(String first, String second, boolean addSpecialTokens,
                                    SpecialTokenPolicy policy) {
        SingleTextFrame frame = addSpecialTokens ? specialFrame : plainFrame;
        if (second == null && truncation == null && frame != null) {
            // one text, nothing to cut: the post-processor's frame around the scratch buffers, in one step
            Scratch s = scratch.get();
            encodeTokens(first, policy, s, true);
            Encoding framed = frame.wrap(vocabulary, first, s.out, s.wordIds, s.out.size());
            releaseIfHuge(s);
            return framed;
        }
        Encoding a = encodeSequence(first, policy);
        // As in Hugging Face, the second text is encoded with type id 1 even before post-processing.
        Encoding b = second == null ? null : encodeSequence(second, policy).withSequenceId(1).withTypeId(1);
        if (truncation != null) {
            int n = addSpecialTokens && postProcessor != null ? postProcessor.addedTokens(b != null) : 0;
            Encoding[] cut = truncation.apply(a, b, n);
            a = cut[0];
            b = cut[1];
        }
        if (postProcessor != null) {
            return postProcessor.process(a, b, addSpecialTokens);
        }
        return b == null ? a : Encoding.mergePair(a, b);
    }

    /** Per-thread buffers, so that the hot path allocates only the result. */
    private static final class Scratch {
        final TokenBuffer out = new TokenBuffer(256);
        final TokenBuffer matches = new TokenBuffer(8);
        final TokenBuffer normalizedMatches = new TokenBuffer(8);
        final Spans words = new Spans();
        int[] wordIds = new int[256];
        /** Per word of the current piece, the token count after it (the model fills it). */
        int[] wordEnds = new int[64];
        int wordCount;
        SpecialTokenPolicy policy;
        SplittableRandom random;
        /** Whether this encode keeps offsets and word ids (not for {@link #encodeIds}). */
        boolean offsets;

        void addWordId(int at, int word) {
            if (at >= wordIds.length) {
                wordIds = Arrays.copyOf(wordIds, Math.max(at + 1, wordIds.length * 2));
            }
            wordIds[at] = word;
        }

        int[] wordEnds(int words) {
            if (wordEnds.length < words) {
                wordEnds = new int[Math.max(words, wordEnds.length * 2)];
            }
            return wordEnds;
        }
    }

    private Encoding encodeSequence(String text, SpecialTokenPolicy policy) {
        Scratch s = scratch.get();
        encodeTokens(text, policy, s, true);
        int size = s.out.size();
        Encoding e = Encoding.owningSequence(vocabulary, text, s.out.idsCopy(), s.out.startsCopy(), s.out.endsCopy(),
                Arrays.copyOf(s.wordIds, size));
        releaseIfHuge(s);
        return e;
    }

    private void releaseIfHuge(Scratch s) {
        if (s.out.size() > SCRATCH_KEEP_TOKENS) {
            // the buffers grew to this input; drop them rather than pin them to the thread for its lifetime
            scratch.remove();
        }
    }

    /**
     * Runs the pipeline up to the model on {@code text} into {@code s.out}: ids, and with {@code offsets} the
     * tokens' ranges in {@code text} and their word ids ({@code s.wordIds}); without, the ranges are left in the
     * coordinates of whatever text the model saw.
     */
    private void encodeTokens(String text, SpecialTokenPolicy policy, Scratch s, boolean offsets) {
        AddedToken disallowed = added.firstDisallowed(text, policy);
        if (disallowed != null) {
            throw new IllegalArgumentException("the text contains the special token "
                    + Vocabulary.quote(disallowed.content()) + ", which is disallowed; allow it to encode it as"
                    + " a special token, or encode it as ordinary text (SpecialTokenPolicy.ORDINARY)");
        }
        s.out.clear();
        s.matches.clear();
        s.offsets = offsets;
        s.wordCount = 0;
        s.policy = policy;
        s.random = sampling == null ? null : sampling.randomFor(text);
        int n = text.length();
        added.find(text, 0, n, false, policy, s.matches);
        int at = 0;
        int matchCount = s.matches.size();
        for (int m = 0; m < matchCount; m++) {
            if (s.matches.start(m) > at) {
                encodeSegment(text, at, s.matches.start(m), s);
            }
            emitWord(s, s.matches.id(m), s.matches.start(m), s.matches.end(m));
            at = s.matches.end(m);
        }
        if (at < n) {
            encodeSegment(text, at, n, s);
        }
    }

    private void emitWord(Scratch s, int id, int start, int end) {
        if (s.offsets) {
            s.addWordId(s.out.size(), s.wordCount++);
        }
        s.out.add(id, start, end);
    }

    /**
     * Normalizes, pre-tokenizes and tokenizes {@code text[from, to)}, which holds no unnormalized added token.
     * As in Hugging Face, normalized added tokens are found after normalization, and the pre-tokenizer (with
     * its {@link PreTokenizer#prepare} step, e.g. a prefix space) runs on each piece between them.
     */
    private void encodeSegment(String text, int from, int to, Scratch s) {
        // the whole text (no added token in it) is not copied
        NormalizedText normalized = from == 0 && to == text.length() ? NormalizedText.of(text)
                : NormalizedText.of(text, from, to);
        if (normalizer != null) {
            normalized = normalizer.normalize(normalized);
        }
        int len = normalized.length();
        if (len == 0) {
            return;
        }
        TokenBuffer found = s.normalizedMatches;
        found.clear();
        added.find(normalized.text(), 0, len, true, s.policy, found);
        int at = 0;
        int matchCount = found.size();
        for (int m = 0; m < matchCount; m++) {
            if (found.start(m) > at) {
                tokenizeWords(normalized.slice(at, found.start(m)), s);
            }
            emitWord(s, found.id(m), normalized.originalStart(found.start(m)),
                    normalized.originalEnd(found.end(m) - 1));
            at = found.end(m);
        }
        if (at < len) {
            tokenizeWords(normalized.slice(at, len), s);
        }
    }

    private void tokenizeWords(NormalizedText piece, Scratch s) {
        NormalizedText normalized = preTokenizer == null ? piece : preTokenizer.prepare(piece);
        String norm = normalized.text();
        Spans words = s.words;
        words.clear();
        if (preTokenizer == null) {
            words.add(0, norm.length());
        } else {
            preTokenizer.split(norm, 0, norm.length(), words);
        }
        // The model appends straight to the result; its ranges are mapped back to the caller's text after it.
        TokenBuffer out = s.out;
        int first = out.size();
        int count = words.size();
        int[] ends = s.offsets ? s.wordEnds(count) : null;
        if (s.random == null) {
            encoder.tokenize(norm, words, out, ends);
        } else {
            for (int w = 0; w < count; w++) {
                encoder.tokenize(norm, words.start(w), words.end(w), out, s.random);
                if (ends != null) {
                    ends[w] = out.size();
                }
            }
        }
        if (!s.offsets) {
            return;
        }
        int t = first;
        int word = s.wordCount;
        for (int w = 0; w < count; w++, word++) {
            for (int e = ends[w]; t < e; t++) {
                s.addWordId(t, word);
            }
        }
        s.wordCount = word;
        int last = out.size();
        if (normalized.hasIdentityAlignment()) {
            int base = normalized.originalStart(0); // unit i stands for base + i
            if (base != 0) {
                for (int k = first; k < last; k++) {
                    out.setRange(k, out.start(k) + base, out.end(k) + base);
                }
            }
        } else {
            for (int k = first; k < last; k++) {
                out.setRange(k, normalized.originalStart(out.start(k)), normalized.originalEnd(out.end(k) - 1));
            }
        }
    }

    /** Decodes ids to text, keeping special tokens. */
    public String decode(int[] ids) {
        return decode(ids, false);
    }

    /**
     * Decodes ids to text with the decoder.
     *
     * @throws IllegalArgumentException naming the first id that is not in the vocabulary
     */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            String token = vocabulary.token(id);
            if (token == null) {
                throw new IllegalArgumentException("id " + id + " is not in the vocabulary (size "
                        + vocabulary.size() + ")");
            }
            if (skipSpecialTokens && specialIds[id]) {
                continue;
            }
            tokens.add(token);
        }
        return decoder == null ? String.join(" ", tokens) : decoder.decode(tokens);
    }

    /** Decodes each list of ids. */
    public List<String> decodeBatch(List<int[]> batch, boolean skipSpecialTokens) {
        return batch.parallelStream().map(ids -> decode(ids, skipSpecialTokens)).toList();
    }

    /** The model's vocabulary with the added tokens. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Whether {@code id} is a special added token. */
    public boolean isSpecial(int id) {
        return id >= 0 && id < specialIds.length && specialIds[id];
    }

    /** The id of {@code token}, or -1. */
    public int tokenToId(String token) {
        return vocabulary.id(token);
    }

    /** The token of {@code id}, or {@code null}. */
    public String idToToken(int id) {
        return vocabulary.token(id);
    }

    public Model model() {
        return model;
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    public PreTokenizer preTokenizer() {
        return preTokenizer;
    }

    public PostProcessor postProcessor() {
        return postProcessor;
    }

    public Decoder decoder() {
        return decoder;
    }

    public List<AddedToken> addedTokens() {
        return addedTokens;
    }

    public Truncation truncation() {
        return truncation;
    }

    public Padding padding() {
        return padding;
    }

    /** Which special tokens {@link #encode} matches in the text; {@link SpecialTokenPolicy#ALLOW_ALL} unless set. */
    public SpecialTokenPolicy specialTokenPolicy() {
        return specialTokenPolicy;
    }

    /** Sets the stages and options of a {@link Tokenizer}; any stage but the model may be left out. */
    public static final class Builder {
        private final Model model;
        private Normalizer normalizer;
        private PreTokenizer preTokenizer;
        private PostProcessor postProcessor;
        private Decoder decoder;
        private List<AddedToken> addedTokens = new ArrayList<>();
        private Truncation truncation;
        private Padding padding;
        private SpecialTokenPolicy specialTokenPolicy = SpecialTokenPolicy.ALLOW_ALL;
        private SubwordSampling sampling;

        private Builder(Model model) {
            this.model = Objects.requireNonNull(model, "a tokenizer needs a model");
        }

        public Builder normalizer(Normalizer normalizer) {
            this.normalizer = normalizer;
            return this;
        }

        public Builder preTokenizer(PreTokenizer preTokenizer) {
            this.preTokenizer = preTokenizer;
            return this;
        }

        public Builder postProcessor(PostProcessor postProcessor) {
            this.postProcessor = postProcessor;
            return this;
        }

        public Builder decoder(Decoder decoder) {
            this.decoder = decoder;
            return this;
        }

        public Builder addedTokens(List<AddedToken> tokens) {
            this.addedTokens = new ArrayList<>(tokens);
            return this;
        }

        public Builder addToken(AddedToken token) {
            this.addedTokens.add(token);
            return this;
        }

        public Builder truncation(Truncation truncation) {
            this.truncation = truncation;
            return this;
        }

        public Builder padding(Padding padding) {
            this.padding = padding;
            return this;
        }

        /** How special tokens in the text are treated (default {@link SpecialTokenPolicy#ALLOW_ALL}). */
        public Builder specialTokenPolicy(SpecialTokenPolicy policy) {
            this.specialTokenPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Subword regularization, or {@code null} for none (the default); see {@link Tokenizer#withSampling}. */
        public Builder sampling(SubwordSampling sampling) {
            this.sampling = sampling;
            return this;
        }

        /**
         * The tokenizer, with one rule of the pipeline applied so that it means the same built here as loaded from
         * (or written to) a tokenizer.json: Hugging Face's ByteLevel pre-tokenizer turns the text into bytes, while
         * here a byte-level model reads the bytes itself. So a model behind a ByteLevel step becomes its byte-level
         * copy ({@link Model#readingBytes}), and a byte-level model behind no ByteLevel step gets one that only maps
         * to bytes (no prefix space, no split), which changes nothing here and tells Hugging Face to read bytes.
         *
         * @throws IllegalArgumentException if an added token's id belongs to another token of the model
         */
        public Tokenizer build() {
            boolean bytesIn = preTokenizer != null && preTokenizer.isByteLevel();
            Model model = bytesIn ? this.model.readingBytes() : this.model;
            PreTokenizer preTokenizer = this.preTokenizer;
            if (model.isByteLevel() && !bytesIn) {
                preTokenizer = preTokenizer == null ? ByteLevelPreTokenizer.afterSplit()
                        : new SequencePreTokenizer(List.of(preTokenizer, ByteLevelPreTokenizer.afterSplit()));
            }
            return new Tokenizer(this, model, preTokenizer);
        }
    }
}
