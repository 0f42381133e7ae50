package io.subword.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cheap guess at the language of a line, for grouping metrics by language, that answers only when it is sure.
 * Lines carry no language tag, so the guess comes from the text: every lowercased run of letters that is one of
 * the most frequent function words of one of the 21 languages of the European Parliament (bg cs da de el en es
 * et fi fr hu it lt lv nl pl pt ro sk sl sv) gives that language one vote; a word frequent in {@code k} of them,
 * such as "de" or "a", gives each of them {@code 1/k}, so that such words alone decide nothing.
 *
 * <p>A guess is <em>confident</em> when the line has at least {@value #MIN_LETTERS} letters, the best
 * language has at least {@value #MIN_VOTES} votes, and it has at least {@value #MARGIN} times the votes of the
 * runner-up. Only a confident guess names a language; every other line is {@link #UNSURE}
 * ({@code "short/unknown"}): too short to tell, a language outside the 21, or a close call. So Portuguese text
 * is reported as Portuguese and "short/unknown", never as a scatter of Czech, Slovene and Danish lines that
 * happened to hold a "se", "je" or "de" too many.
 *
 * <p>On Europarl (lines of about 200 words) nearly every line is confident; close pairs such as Czech and
 * Slovak, Danish and Swedish, Spanish and Portuguese are told apart by the words they do not share. Stateless
 * and thread-safe.
 */
public final class LanguageGuesser {
    /** Votes the best language needs. */
    public static final int MIN_VOTES = 3;
    /** Letters a line needs before its language is guessed at all. */
    public static final int MIN_LETTERS = 10;
    /** How many times the runner-up's votes the best language needs. */
    public static final int MARGIN = 2;

    private static final int MAX_WORD_CHARS = 12;

    /** The language shown for a word that the held-out text does not contain. */
    public static final String UNKNOWN = "?";

    /** The group of a line whose language is not guessed with confidence: short, unknown, or a close call. */
    public static final String UNSURE = "short/unknown";

    /** What {@link #assess} found in a line. */
    public record Guess(String best, int letters, double votes, double runnerUpVotes) {
        /** Whether {@link #best} is reported: enough letters, enough votes, a clear margin. */
        public boolean confident() {
            return best != null && letters >= MIN_LETTERS && votes >= MIN_VOTES && votes >= MARGIN * runnerUpVotes;
        }

        /** The language if {@link #confident}, else {@link #UNSURE}. */
        public String group() {
            return confident() ? best : UNSURE;
        }
    }

    private static final String[][] FUNCTION_WORDS = {
            {"bg", "на и да за се от че това не са по като които към при тези или много но този"},
            {"cs", "se je že které pro také není jsou byl tak jako což jsem bylo by jejich může této a v na"},
            {"da", "og det er at af til på ikke med vi som har den de kan skal også være meget en for i"},
            {"de", "der die und das ist nicht zu den von mit wir sich auf für dem ein eine auch werden in im es um"},
            {"el", "και το να η της την του σε που για με τα των είναι δεν οι στην από"},
            {"en", "the and of to is that for this we are it be on with have not which will in a as by"},
            {"es", "el los las y que en es por una del se con para no al lo como más de a un su"},
            {"et", "ja on et ei see mis ka kui seda oma ning aga ole nii peab selle meie"},
            {"fi", "ja on että ei se ovat myös tämä sen mutta kuin ole joka olisi tai jotka"},
            {"fr", "le la les et des est que une dans pour qui nous pas du sur au ce il de à en a un se"},
            {"hu", "az és hogy is nem egy ez meg van már kell mint csak ezt volt európai a"},
            {"it", "il di che è per non una del della sono con si gli dei nel alla questo a in un e la le da se"},
            {"lt", "ir kad yra tai su už bet kaip taip dėl jų buvo nėra šis turi mes"},
            {"lv", "un ir ka par no uz ar kas lai nav arī tas bet šo mēs savu"},
            {"nl", "het een van en is dat niet op te zijn voor wij met die ook wordt de in aan om"},
            {"pl", "i w nie się na jest to że z do jak oraz przez które tym są a"},
            {"pt", "o os do da em não para uma é dos das com no na que mais de a e se um ao por as pelo pela nem"},
            {"ro", "și şi în că la este pe nu care cu pentru mai din sunt să ca de a o un se"},
            {"sk", "sa je že ktoré pre aj nie sú bol ako ktorý tak som bolo by ich môže tejto a v na"},
            {"sl", "in je da se za so ki ne pa tudi bi kot to smo zelo"},
            {"sv", "och att det är som en av för på inte med vi till har om ett också de i så men"},
    };

    private static final List<String> LANGUAGES;
    /** word -> the indexes of the languages it votes for */
    private static final Map<String, int[]> VOTES;

    static {
        List<String> languages = new ArrayList<>();
        Map<String, List<Integer>> votes = new HashMap<>();
        for (int i = 0; i < FUNCTION_WORDS.length; i++) {
            languages.add(FUNCTION_WORDS[i][0]);
            for (String w : FUNCTION_WORDS[i][1].split(" ")) {
                assert w.length() <= MAX_WORD_CHARS && w.equals(w.toLowerCase(Locale.ROOT)) : w;
                List<Integer> list = votes.computeIfAbsent(w, k -> new ArrayList<>());
                if (!list.contains(i)) {
                    list.add(i);
                }
            }
        }
        LANGUAGES = Collections.unmodifiableList(languages);
        Map<String, int[]> v = new HashMap<>();
        votes.forEach((w, list) -> v.put(w, list.stream().mapToInt(Integer::intValue).toArray()));
        VOTES = Map.copyOf(v);
    }

    private LanguageGuesser() {
    }

    /**
     * One sentence for reports that show language groups: how a line gets a language and what
     * {@value #UNSURE} means.
     */
    public static String explanation() {
        return "A line's language is guessed from the common function words of the 21 languages of the European "
                + "Parliament. It is named only when the guess is confident: at least " + MIN_LETTERS + " letters, "
                + "at least " + MIN_VOTES + " votes from function words (a word common to k of the languages gives "
                + "each 1/k), and at least " + MARGIN + " times the votes of the next language. Every other line counts as \"" + UNSURE + "\": too short to tell, in another "
                + "language, or a close call.";
    }

    /** The codes {@link #guess} can return besides {@link #UNSURE}, in tie-break order. */
    public static List<String> languages() {
        return LANGUAGES;
    }

    /** The language code of {@code text} if the guess is {@linkplain Guess#confident confident}, else {@link #UNSURE}. */
    public static String guess(CharSequence text) {
        return assess(text).group();
    }

    /** The votes behind a guess: the best language (the first in list order on a tie), letters and margins. */
    public static Guess assess(CharSequence text) {
        double[] score = new double[LANGUAGES.size()];
        StringBuilder word = new StringBuilder(24);
        int letters = 0;
        int n = text.length();
        for (int i = 0; i <= n; ) {
            int cp = i < n ? Character.codePointAt(text, i) : ' ';
            if (Character.isLetter(cp)) {
                letters++;
                // no function word is longer than that; longer words are not looked up
                if (word.length() <= MAX_WORD_CHARS) {
                    word.appendCodePoint(Character.toLowerCase(cp));
                }
            } else if (word.length() > 0) {
                int[] langs = word.length() > MAX_WORD_CHARS ? null : VOTES.get(word.toString());
                if (langs != null) {
                    // a word frequent in k of the languages is worth 1/k to each: "de" alone decides nothing
                    for (int l : langs) {
                        score[l] += 1.0 / langs.length;
                    }
                }
                word.setLength(0);
            }
            i += i < n ? Character.charCount(cp) : 1;
        }
        int best = 0;
        for (int l = 1; l < score.length; l++) {
            if (score[l] > score[best]) {
                best = l;
            }
        }
        double second = 0;
        for (int l = 0; l < score.length; l++) {
            if (l != best) {
                second = Math.max(second, score[l]);
            }
        }
        return new Guess(score[best] == 0 ? null : LANGUAGES.get(best), letters, score[best], second);
    }
}
