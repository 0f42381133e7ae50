import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.progress.TrainingListener;
import io.subword.train.Corpus;
import io.subword.train.Family;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounts;
import io.subword.train.WordPieceTrainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Held-out tokens per word of WordPiece vocabularies trained in each mode: the words of the training file are
 * counted once (WordPiece's normalizer and pre-tokenizer), a vocabulary is trained per size and mode, and each
 * trained tokenizer (the pipeline its tokenizer.json holds) encodes every held-out line without special tokens.
 * A word is a run of non-spaces. With DETAIL=1 it also prints tokens per word by how often the held-out word
 * occurs in the training file, and how many pieces the two vocabularies share. Run with the CLI jar on the
 * class path: java -cp subword.jar WordPieceModes.java NAME TRAIN HELDOUT SIZES MODES
 * (SIZES like 8000,30000; MODES like hf,likelihood; the first mode is the one the ratios divide by).
 */
public class WordPieceModes {
    static final long[] BANDS = {0, 1, 10, 100, 1000};

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path train = Path.of(args[1]);
        List<String> heldout = Files.readAllLines(Path.of(args[2]));
        boolean detail = "1".equals(System.getenv("DETAIL"));
        int threads = Integer.parseInt(System.getenv().getOrDefault("THREADS", "2"));
        TrainingOptions base = TrainingOptions.builder().threads(threads)
                .minFrequency(Long.parseLong(System.getenv().getOrDefault("MIN_FREQUENCY", "0"))).build();
        WordCounts counts = Trainer.of(Family.WORD_PIECE, base).wordCounter()
                .count(Corpus.of(train), TrainingListener.NONE);
        Map<String, Long> trainWords = detail ? whitespaceWords(train) : Map.of();
        for (String size : args[3].split(",")) {
            Map<String, Tokenizer> byMode = new LinkedHashMap<>();
            for (String mode : args[4].split(",")) {
                TrainingOptions options = base.toBuilder().vocabSize(Integer.parseInt(size))
                        .mode(WordPieceTrainer.Mode.valueOf(mode.toUpperCase(Locale.ROOT))).build();
                long start = System.nanoTime();
                Tokenizer tok = Trainer.of(Family.WORD_PIECE, options).train(counts, TrainingListener.NONE)
                        .tokenizer();
                long ms = (System.nanoTime() - start) / 1_000_000;
                byMode.put(mode, tok);
                System.err.printf(Locale.ROOT, "%s %s %s trained in %d ms%n", name, size, mode, ms);
            }
            report(name, size, heldout, byMode, trainWords, detail);
            trainingTokens(name, size, counts, byMode);
        }
    }

    static void report(String name, String size, List<String> heldout, Map<String, Tokenizer> byMode,
                       Map<String, Long> trainWords, boolean detail) {
        List<String> modes = new ArrayList<>(byMode.keySet());
        long words = 0;
        long[] tokens = new long[modes.size()];
        long[][] bandWords = new long[BANDS.length][1];
        long[][] bandTokens = new long[BANDS.length][modes.size()];
        Map<String, long[]> byScript = new java.util.TreeMap<>(); // script -> words, then tokens per mode
        for (String line : heldout) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            String[] ws = stripped.split("\\s+");
            words += ws.length;
            for (int m = 0; m < modes.size(); m++) {
                tokens[m] += byMode.get(modes.get(m)).encode(line, false).ids().length;
            }
            if (detail) {
                for (String w : ws) {
                    int band = band(trainWords.getOrDefault(w, 0L));
                    bandWords[band][0]++;
                    long[] sc = byScript.computeIfAbsent(script(w), k -> new long[1 + modes.size()]);
                    sc[0]++;
                    for (int m = 0; m < modes.size(); m++) {
                        int n = byMode.get(modes.get(m)).encode(w, false).ids().length;
                        bandTokens[band][m] += n;
                        sc[1 + m] += n;
                    }
                }
            }
        }
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-12s %6s %8d words", name, size, words));
        for (int m = 0; m < modes.size(); m++) {
            row.append(String.format(Locale.ROOT, "  %s %.4f", modes.get(m), tokens[m] / (double) words));
        }
        for (int m = 1; m < modes.size(); m++) {
            row.append(String.format(Locale.ROOT, "  %s/%s %.3f", modes.get(m), modes.get(0),
                    tokens[m] / (double) tokens[0]));
        }
        System.out.println(row);
        if (!detail) {
            return;
        }
        for (int b = 0; b < BANDS.length; b++) {
            StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "    train count %s: %7d words",
                    b == 0 ? "0 (unseen)" : b == BANDS.length - 1 ? ">= " + BANDS[b] : BANDS[b] + "-" + (BANDS[b + 1] - 1),
                    bandWords[b][0]));
            for (int m = 0; m < modes.size(); m++) {
                r.append(String.format(Locale.ROOT, "  %s %.4f", modes.get(m),
                        bandTokens[b][m] / (double) Math.max(1, bandWords[b][0])));
            }
            System.out.println(r);
        }
        for (Map.Entry<String, long[]> e : byScript.entrySet()) {
            long[] sc = e.getValue();
            StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "    script %-10s %7d words", e.getKey(), sc[0]));
            for (int m = 0; m < modes.size(); m++) {
                r.append(String.format(Locale.ROOT, "  %s %.4f", modes.get(m), sc[1 + m] / (double) sc[0]));
            }
            System.out.println(r);
        }
        List<Set<String>> vocabs = new ArrayList<>();
        for (String m : modes) {
            vocabs.add(new HashSet<>(byMode.get(m).vocabulary().tokens()));
        }
        for (int m = 1; m < modes.size(); m++) {
            Set<String> shared = new HashSet<>(vocabs.get(0));
            shared.retainAll(vocabs.get(m));
            long contA = vocabs.get(0).stream().filter(t -> t.startsWith("##")).count();
            long contB = vocabs.get(m).stream().filter(t -> t.startsWith("##")).count();
            Set<String> alphabetA = new HashSet<>();
            Set<String> alphabetB = new HashSet<>();
            vocabs.get(0).stream().filter(WordPieceModes::isCharacter).forEach(alphabetA::add);
            vocabs.get(m).stream().filter(WordPieceModes::isCharacter).forEach(alphabetB::add);
            System.out.printf(Locale.ROOT, "    pieces shared %s/%s: %d of %d (%d vs %d tokens); ## pieces %d vs %d;"
                            + " alphabets (single characters and their ## forms) %d vs %d, %s%n", modes.get(0),
                    modes.get(m), shared.size(), vocabs.get(0).size(), vocabs.get(0).size(), vocabs.get(m).size(),
                    contA, contB, alphabetA.size(), alphabetB.size(), alphabetA.equals(alphabetB) ? "equal" : "DIFFERENT");
        }
    }

    /**
     * Tokens per word on the training words themselves (each counted word encoded once, weighted by its count):
     * Hugging Face's mode greedily minimises this, which bounds what a likelihood criterion can reach.
     */
    static void trainingTokens(String name, String size, WordCounts counts, Map<String, Tokenizer> byMode) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-12s %6s %8d training words", name, size,
                counts.total()));
        double first = 0;
        for (Map.Entry<String, Tokenizer> e : byMode.entrySet()) {
            long[] tokens = {0};
            Tokenizer tok = e.getValue();
            counts.forEach((word, c) -> tokens[0] += c * tok.encode(word, false).ids().length);
            double perWord = tokens[0] / (double) counts.total();
            row.append(String.format(Locale.ROOT, "  %s %.4f", e.getKey(), perWord));
            if (first == 0) {
                first = perWord;
            } else {
                row.append(String.format(Locale.ROOT, " (%.3f)", perWord / first));
            }
        }
        System.out.println(row);
    }

    /** The Unicode script of a word's first letter ("OTHER" if it has none). */
    static String script(String word) {
        return word.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of).findFirst()
                .map(Enum::name).orElse("OTHER");
    }

    static boolean isCharacter(String token) {
        String t = token.startsWith("##") ? token.substring(2) : token;
        return !t.isEmpty() && t.codePointCount(0, t.length()) == 1;
    }

    static int band(long count) {
        int b = 0;
        while (b + 1 < BANDS.length && count >= BANDS[b + 1]) {
            b++;
        }
        return b;
    }

    static Map<String, Long> whitespaceWords(Path train) throws Exception {
        Map<String, Long> m = new HashMap<>();
        for (String line : Files.readAllLines(train)) {
            for (String w : line.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    m.merge(w, 1L, Long::sum);
                }
            }
        }
        return m;
    }
}
