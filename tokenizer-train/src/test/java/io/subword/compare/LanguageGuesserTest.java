package io.subword.compare;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            inimagináveis                                                                     | Latin
            Ωραία                                                                             | Greek
            12345 !!!                                                                         | ?
            """)
    void guessesByFunctionWordsElseScript(String text, String guess) {
        assertEquals(guess, LanguageGuesser.guess(text));
    }
}
