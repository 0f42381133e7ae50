package io.subword.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ids as digits: the table of small values (filled as they come) and division for the rest give the same text. */
class Utf8LineTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // values; the joined text
            "101 7592 102;                      101 7592 102",
            "0 9 10 99 100 999 1000 0 9 10;     0 9 10 99 100 999 1000 0 9 10",
            "262143 262144 99999 100000 30521; 262143 262144 99999 100000 30521",
            "-1 -2147483648 2147483647 7;      -1 -2147483648 2147483647 7",
            "42;                                42",
    })
    void joinsIdsAsTheirDecimalText(String values, String expected) {
        int[] ids = Arrays.stream(values.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
        Utf8Line line = new Utf8Line();
        line.appendJoined(ids, 0, ids.length, ' ').append('\n');
        // the same values again: now every small one comes from the table
        line.appendJoined(ids, 0, ids.length, ' ');
        assertEquals(expected + "\n" + expected, line.toString());
        Utf8Line one = new Utf8Line();
        for (int id : ids) {
            one.append(id).append(',');
        }
        assertEquals(expected.replace(' ', ',') + ",", one.toString());
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({"1, 2, 7592", "1, 3, 7592 102", "0, 0, ''", "2, 4, 102 5"})
    void joinsOnlyTheRange(int from, int to, String expected) {
        Utf8Line line = new Utf8Line();
        line.appendJoined(new int[] {101, 7592, 102, 5}, from, to, ' ');
        assertEquals(expected, line.toString());
    }

    @ParameterizedTest(name = "{0} ids")
    @CsvSource({"10000", "100000"})
    void growsForLongLines(int count) {
        int[] ids = new int[count];
        Arrays.fill(ids, 123456);
        Utf8Line line = new Utf8Line();
        line.appendJoined(ids, 0, count, ' ');
        assertEquals(count * 7 - 1, line.size());
        assertEquals("123456 123456", line.toString().substring(0, 13));
    }
}
