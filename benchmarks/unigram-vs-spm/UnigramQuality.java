import io.subword.Tokenizer;
import io.subword.compare.LanguageGuesser;
import io.subword.normalize.NormalizedText;
import io.subword.sentencepiece.SentencePieceModel;
import io.subword.unigram.PieceType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Held-out quality of two SentencePiece Unigram models (ours and spm_train's) on the same text, per language:
 * tokens per word (words: runs of non-spaces in the line) with each model's SentencePiece encoder, and the
 * log-likelihood per sentence under each model's unigram language model (the forward sum over every
 * segmentation of the normalized sentence into its pieces, natural log; an unknown character costs the lowest
 * piece score minus 10, as in SentencePiece). Run with the CLI jar on the class path:
 * java -cp subword.jar UnigramQuality.java HELDOUT OURS.model SPM.model
 */
public class UnigramQuality {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Model ours = new Model(SentencePieceModel.read(Path.of(args[1])));
        Model spm = new Model(SentencePieceModel.read(Path.of(args[2])));
        Map<String, double[]> byLang = new TreeMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String lang = LanguageGuesser.guess(line);
            long words = line.strip().split("\\s+").length;
            for (String key : new String[] {"all", lang}) {
                double[] t = byLang.computeIfAbsent(key, k -> new double[5]);
                t[0] += 1;
                t[1] += words;
                t[2] += ours.tokens(line);
                t[3] += spm.tokens(line);
                t[4] += 0;
                t = byLang.computeIfAbsent(key + "#ll", k -> new double[2]);
                t[0] += ours.logLikelihood(line);
                t[1] += spm.logLikelihood(line);
            }
        }
        System.out.printf(Locale.ROOT, "%-5s %7s %9s %9s %8s %11s %11s %8s%n", "lang", "lines", "tok/w ours", "tok/w spm",
                "ours/spm", "LL/sent ours", "LL/sent spm", "ours-spm");
        for (Map.Entry<String, double[]> e : byLang.entrySet()) {
            if (e.getKey().endsWith("#ll")) {
                continue;
            }
            double[] t = e.getValue();
            double[] ll = byLang.get(e.getKey() + "#ll");
            System.out.printf(Locale.ROOT, "%-5s %7d %10.4f %9.4f %8.4f %12.2f %11.2f %7.2f%%%n", e.getKey(),
                    (long) t[0], t[2] / t[1], t[3] / t[1], t[2] / t[3], ll[0] / t[0], ll[1] / t[0],
                    100 * (ll[0] - ll[1]) / Math.abs(ll[1]));
        }
    }

    static final class Model {
        final Tokenizer tokenizer;
        final Map<String, Double> scores = new HashMap<>();
        final double unknown;
        final int maxLen;

        Model(SentencePieceModel m) {
            tokenizer = m.toTokenizer();
            double min = Double.POSITIVE_INFINITY;
            int max = 1;
            for (int i = 0; i < m.size(); i++) {
                if (m.type(i) == PieceType.NORMAL || m.type(i) == PieceType.USER_DEFINED) {
                    scores.put(m.piece(i), (double) m.score(i));
                    min = Math.min(min, m.score(i));
                    max = Math.max(max, m.piece(i).length());
                }
            }
            unknown = min - 10;
            maxLen = max;
        }

        int tokens(String line) {
            return tokenizer.encode(line, false).ids().length;
        }

        double logLikelihood(String line) {
            String s = tokenizer.normalizer().normalize(NormalizedText.of(line)).text();
            int n = s.length();
            double[] alpha = new double[n + 1];
            java.util.Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
            alpha[0] = 0;
            for (int i = 0; i < n; i++) {
                if (alpha[i] == Double.NEGATIVE_INFINITY || Character.isLowSurrogate(s.charAt(i))) {
                    continue;
                }
                boolean single = false;
                int oneChar = Character.charCount(s.codePointAt(i));
                for (int j = i + 1; j <= Math.min(n, i + 2 * maxLen); j++) {
                    Double sc = scores.get(s.substring(i, j));
                    if (sc != null) {
                        alpha[j] = add(alpha[j], alpha[i] + sc);
                        single |= j == i + oneChar;
                    }
                }
                if (!single) {
                    alpha[i + oneChar] = add(alpha[i + oneChar], alpha[i] + unknown);
                }
            }
            return alpha[n];
        }

        static double add(double x, double y) {
            if (x == Double.NEGATIVE_INFINITY) {
                return y;
            }
            return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
        }
    }
}
