package io.subword.train;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EtaTest {
    /** Seconds elapsed, units done of total, expected remaining as h:mm:ss ("?" when unknown). */
    @ParameterizedTest
    @CsvSource({
        "10, 1, 2,    0:00:10",
        "10, 1, 4,    0:00:30",
        "60, 3, 183,  1:00:00",
        "10, 0, 4,    ?",
        "10, 1, -1,   ?",
        "10, 5, 5,    0:00:00",
        "3600, 1, 3,  2:00:00",
    })
    void remaining(long seconds, long done, long total, String expected) {
        AtomicLong clock = new AtomicLong(1_000);
        Eta eta = Eta.start(clock::get);
        clock.addAndGet(Duration.ofSeconds(seconds).toNanos());
        assertEquals(expected, Eta.format(eta.remaining(done, total)));
        assertEquals(Duration.ofSeconds(seconds), eta.elapsed());
    }
}
