package io.subword.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cheap guess at the language of a line, for grouping metrics by language. Europarl lines carry no language
 * tag (their title is in the same language as the body, so it adds nothing), so the guess comes from the text:
 * every lowercased run of letters that is one of the 15 to 20 most frequent function words of one of the 21
 * languages of the European Parliament (bg cs da de el en es et fi fr hu it lt lv nl pl pt ro sk sl sv) gives
 * that language one vote; the language with the most votes wins (ties: the first in that list).
 *
 * <p>This is reliable on lines of a sentence or more in those languages (a Europarl line has about 200 words;
 * close pairs such as Czech and Slovak, Danish and Swedish, Spanish and Portuguese are told apart by the
 * words they do not share). A line with fewer than {@value #MIN_VOTES} votes is not guessed: it is grouped by
 * the script of most of its letters instead ({@code Latin}, {@code Greek}, {@code Cyrillic}, ...), or
 * {@code ?} when it has no letters. Stateless and thread-safe.
 */
public final class LanguageGuesser {
    /** Votes a line needs for a language guess. */
    public static final int MIN_VOTES = 3;

    private static final int MAX_WORD_CHARS = 12;

    /** The group of a line with no letters. */
    public static final String UNKNOWN = "?";

    private static final String[][] FUNCTION_WORDS = {
            {"bg", "на и да за се от че това не са по като които към при тези или много но този"},
            {"cs", "se je že které pro také není jsou byl tak jako což jsem bylo by jejich může této"},
            {"da", "og det er at af til på ikke med vi som har den de kan skal også være meget"},
            {"de", "der die und das ist nicht zu den von mit wir sich auf für dem ein eine auch werden"},
            {"el", "και το να η της την του σε που για με τα των είναι δεν οι στην από"},
            {"en", "the and of to is that for this we are it be on with have not which will"},
            {"es", "el los las y que en es por una del se con para no al lo como más"},
            {"et", "ja on et ei see mis ka kui seda oma ning aga ole nii peab selle meie"},
            {"fi", "ja on että ei se ovat myös tämä sen mutta kuin ole joka olisi tai jotka"},
            {"fr", "le la les et des est que une dans pour qui nous pas du sur au ce il"},
            {"hu", "az és hogy is nem egy ez meg van már kell mint csak ezt volt európai"},
            {"it", "il di che è per non una del della sono con si gli dei nel alla questo"},
            {"lt", "ir kad yra tai su už bet kaip taip dėl jų buvo nėra šis turi mes"},
            {"lv", "un ir ka par no uz ar kas lai nav arī tas bet šo mēs savu"},
            {"nl", "het een van en is dat niet op te zijn voor wij met die ook wordt"},
            {"pl", "i w nie się na jest to że z do jak oraz przez które tym są"},
            {"pt", "o os do da em não para uma é dos das com no na que mais"},
            {"ro", "și şi în că la este pe nu care cu pentru mai din sunt să ca"},
            {"sk", "sa je že ktoré pre aj nie sú bol ako ktorý tak som bolo by ich môže tejto"},
            {"sl", "in je da se za so ki ne pa tudi bi kot to smo zelo"},
            {"sv", "och att det är som en av för på inte med vi till har om ett också"},
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

    /** The codes {@link #guess} can return besides script names, in tie-break order. */
    public static List<String> languages() {
        return LANGUAGES;
    }

    /** The language code of {@code text}, or the name of its main script, or {@link #UNKNOWN}. */
    public static String guess(CharSequence text) {
        int[] score = new int[LANGUAGES.size()];
        StringBuilder word = new StringBuilder(24);
        int n = text.length();
        for (int i = 0; i <= n; ) {
            int cp = i < n ? Character.codePointAt(text, i) : ' ';
            if (Character.isLetter(cp)) {
                // no function word is longer than that; longer words are not looked up
                if (word.length() <= MAX_WORD_CHARS) {
                    word.appendCodePoint(Character.toLowerCase(cp));
                }
            } else if (word.length() > 0) {
                int[] langs = word.length() > MAX_WORD_CHARS ? null : VOTES.get(word.toString());
                if (langs != null) {
                    for (int l : langs) {
                        score[l]++;
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
        return score[best] >= MIN_VOTES ? LANGUAGES.get(best) : script(text);
    }

    /** The script most letters of {@code text} are in, as a title-case name, or {@link #UNKNOWN}. */
    static String script(CharSequence text) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        text.codePoints().filter(Character::isLetter)
                .forEach(cp -> counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
        Character.UnicodeScript best = null;
        int bestCount = 0;
        for (Map.Entry<Character.UnicodeScript, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || e.getValue() == bestCount && best != null
                    && e.getKey().ordinal() < best.ordinal()) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best == null) {
            return UNKNOWN;
        }
        String name = best.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
