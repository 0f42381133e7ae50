package io.subword.compare;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.pretokenize.ByteLevelAlphabet;
import io.subword.train.WordCounts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The choice of example words of a {@link Comparison}: the words given explicitly first, then the rarest
 * held-out words: words of letters only, at least {@value #MIN_EXAMPLE_LENGTH} characters long, least often seen
 * in training first (unseen ones first of all), then most often seen in the held-out text, then longest, then in
 * code point order; taken in turn from each language group (most lines first) so that every language shows. Each
 * example word is encoded on its own.
 */
final class ExampleChooser {
    /** The fewest code points an automatically chosen example word has. */
    static final int MIN_EXAMPLE_LENGTH = 6;

    private final int exampleCount;
    private final List<String> exampleWords;

    ExampleChooser(int exampleCount, List<String> exampleWords) {
        this.exampleCount = exampleCount;
        this.exampleWords = List.copyOf(exampleWords);
    }

    /** The example words, each split by every candidate. */
    List<Example> choose(List<Candidate> candidates, HeldOutText text, List<String> groups,
                         ToLongFunction<String> trainingCount) {
        List<String> words = new ArrayList<>(exampleWords);
        if (exampleCount > 0) {
            // candidates per group, rarest first
            Map<Integer, List<Integer>> byGroup = new LinkedHashMap<>();
            long[] trainCounts = new long[text.typeNames.size()];
            for (int id = 0; id < text.typeNames.size(); id++) {
                String word = text.typeNames.get(id);
                if (isExampleWord(word) && !words.contains(word)) {
                    trainCounts[id] = trainingCount.applyAsLong(word);
                    byGroup.computeIfAbsent(text.typeGroups.getInt(id), g -> new ArrayList<>()).add(id);
                }
            }
            Comparator<Integer> rarest = Comparator.<Integer>comparingLong(id -> trainCounts[id])
                    .thenComparingInt(id -> -text.typeCounts.getInt(id))
                    .thenComparingInt(id -> -text.typeNames.get(id).codePointCount(0, text.typeNames.get(id).length()))
                    .thenComparing(id -> text.typeNames.get(id), WordCounts.CODE_POINT_ORDER);
            List<List<Integer>> queues = new ArrayList<>();
            for (String g : groups) {
                List<Integer> ids = byGroup.get(text.groupIndex.getInt(g));
                if (ids != null) {
                    ids.sort(rarest);
                    queues.add(ids);
                }
            }
            int added = 0;
            for (int round = 0; added < exampleCount; round++) {
                boolean any = false;
                for (List<Integer> q : queues) {
                    if (round < q.size() && added < exampleCount) {
                        words.add(text.typeNames.get(q.get(round)));
                        added++;
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
        }
        List<Example> out = new ArrayList<>(words.size());
        for (String word : words) {
            int id = text.typeIds.getInt(word);
            String group = id < 0 ? LanguageGuesser.UNKNOWN : text.groupNames.get(text.typeGroups.getInt(id));
            long heldOutCount = id < 0 ? 0 : text.typeCounts.getInt(id);
            List<Example.Split> splits = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                splits.add(new Example.Split(c.model(), c.vocabSize(), pieces(c.tokenizer(), word)));
            }
            out.add(new Example(word, group, trainingCount.applyAsLong(word), heldOutCount, splits));
        }
        return out;
    }

    static boolean isExampleWord(String word) {
        return word.codePointCount(0, word.length()) >= MIN_EXAMPLE_LENGTH && word.codePoints().allMatch(Character::isLetter);
    }

    /** The pieces {@code tokenizer} makes of {@code word} on its own, as a reader should see them. */
    static List<Example.Piece> pieces(Tokenizer tokenizer, String word) {
        Encoding e = tokenizer.encode(word, false);
        int unkId = CandidateRun.unknownId(tokenizer);
        boolean byteLevel = tokenizer.model().isByteLevel();
        List<String> tokens = e.tokens();
        List<Example.Piece> pieces = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            pieces.add(new Example.Piece(byteLevel ? byteLevelText(t) : t, e.id(i) == unkId));
        }
        return pieces;
    }

    /**
     * The text the byte-level characters of {@code token} spell; bytes of a character that is cut between
     * tokens are written {@code <0xC3>}.
     */
    static String byteLevelText(String token) {
        if (!ByteLevelAlphabet.isByteLevel(token)) {
            return token; // an added token, such as <|endoftext|>
        }
        byte[] bytes = ByteLevelAlphabet.toBytes(token);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 8);
        StringBuilder sb = new StringBuilder();
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            out.flip();
            sb.append(out);
            out.clear();
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    sb.append(String.format(Locale.ROOT, "<0x%02X>", in.get() & 0xff));
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        return sb.toString();
    }
}
