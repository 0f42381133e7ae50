package io.subword.compare;

import io.subword.progress.TrainingListener;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageGuesserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # text                                                                              | guess
            We are not sure that the Commission will do this, and it is the wrong way.        | en
            Wir haben nicht gesehen, dass die Kommission und der Rat das auch werden.         | de
            Nous ne pensons pas que la Commission et le Conseil sont dans une bonne voie.      | fr
            No creemos que el Consejo y la Comisión estén de acuerdo con los ciudadanos.      | es
            Não acreditamos que a Comissão e o Conselho estejam de acordo com os cidadãos.    | pt
            Non crediamo che il Consiglio e la Commissione siano della stessa opinione.       | it
            Vi tror ikke, at Kommissionen og Rådet har det samme syn på det.                  | da
            Vi tror inte att kommissionen och rådet har det som krävs för att det är klart.   | sv
            Myslím, že Komise také není připravena, protože jsou jako všichni.                | cs
            Myslím, že Komisia aj nie je pripravená, pretože sú ako všetci ostatní.           | sk
            Η Επιτροπή και το Συμβούλιο δεν είναι έτοιμα για να το κάνουν.                    | el
            Комисията и Съветът не са готови да направят това, което е нужно.                 | bg
            Komisja nie jest gotowa i to jest problem, że się nie zgadza.                     | pl
            # too short, or no function word: not guessed
            inimagináveis                                                                     | short/unknown
            Ωραία                                                                             | short/unknown
            12345 !!!                                                                         | short/unknown
            the and of                                                                        | short/unknown
            # words shared by many languages decide nothing: Danish "de" and Slovene "se", "da" in Portuguese
            a meta de 100% de energia produzida a partir de fontes de energia                  | short/unknown
            se da se                                                                          | short/unknown
            # a close call between two languages: no margin
            the and of der und dem                                                            | short/unknown
            the and of der und dem the                                                        | short/unknown
            the and of the and of der und dem                                                 | en
            """)
    void namesALanguageOnlyWhenConfident(String text, String guess) {
        assertEquals(guess, LanguageGuesser.guess(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # text                                 | best | letters | votes | runner-up | confident
            the and of der und dem                 | de   | 17      | 3     | 3         | false
            the and of the and of der und dem      | en   | 25      | 6     | 3         | true
            de de de                               | da   | 6       | 0.429 | 0.429     | false
            """)
    void assessmentShowsTheVotes(String text, String best, int letters, double votes, double runnerUp,
                                 boolean confident) {
        LanguageGuesser.Guess g = LanguageGuesser.assess(text);
        assertEquals(List.of(best, letters, confident), List.of(g.best(), g.letters(), g.confident()));
        assertEquals(votes, g.votes(), 1e-3);
        assertEquals(runnerUp, g.runnerUpVotes(), 1e-3);
    }

    /**
     * Issue 15: on Portuguese text the report named 10 languages (Czech, Slovene, Danish ... for short lines).
     * Portuguese Europarl lines, picked without the guesser (at least three "-ção", "-ões", "-ão" words and a
     * "não"), cut into sentences as a corpus outside Europarl would be: nearly every confident guess is pt,
     * and the comparison's language groups are pt and short/unknown, with at most a stray real quote.
     */
    @Test
    void portugueseTextIsPortugueseOrShortUnknown(@TempDir Path dir) throws Exception {
        List<String> sentences = portugueseSentences();
        assertTrue(sentences.size() > 5_000, "sentences: " + sentences.size());
        Map<String, Integer> groups = new TreeMap<>();
        for (String s : sentences) {
            groups.merge(LanguageGuesser.guess(s), 1, Integer::sum);
        }
        int pt = groups.getOrDefault("pt", 0);
        int confident = sentences.size() - groups.getOrDefault(LanguageGuesser.UNSURE, 0);
        assertTrue(pt >= 0.995 * confident, groups::toString);
        assertTrue(pt >= 0.4 * sentences.size(), groups::toString);

        List<String> sample = sentences.subList(0, 3_000);
        ComparisonResult r = Comparison.builder().exampleCount(0).build().run(
                List.of(new Candidate("word", 4, ComparisonTest.wordLevel())),
                ComparisonTest.corpus(dir, sample.toArray(new String[0])), "pt.txt", w -> 0, TrainingListener.NONE);
        Map<String, Long> byLanguage = r.heldOut().linesByLanguage();
        assertTrue(byLanguage.get("pt") > 1_000 && byLanguage.containsKey(LanguageGuesser.UNSURE),
                byLanguage::toString);
        long others = byLanguage.entrySet().stream()
                .filter(e -> !e.getKey().equals("pt") && !e.getKey().equals(LanguageGuesser.UNSURE))
                .mapToLong(Map.Entry::getValue).sum();
        assertTrue(byLanguage.size() <= 3 && others <= 3, byLanguage::toString);
    }

    /** Sentences of the Portuguese Europarl lines; a line counts as Portuguese by its endings, not by the guesser. */
    static List<String> portugueseSentences() {
        Pattern endings = Pattern.compile("ção|ções|ões|ão\\b");
        List<String> out = new ArrayList<>();
        for (String line : RealData.europarlLines()) {
            if (!line.contains(" não ")) {
                continue;
            }
            int n = 0;
            for (Matcher m = endings.matcher(line); m.find(); ) {
                n++;
            }
            if (n < 3) {
                continue;
            }
            for (String s : line.split("(?<=[.;:!?])\\s+")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
