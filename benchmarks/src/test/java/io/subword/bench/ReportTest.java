package io.subword.bench;

import io.subword.testkit.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    @ParameterizedTest
    @CsvSource({"s/op, 1", "ms/op, 0.001", "us/op, 0.000001", "ops/s, -1", "ops/ms, -0.001"})
    void units(String unit, double expected) {
        assertEquals(expected, Report.secondsPerOp(unit), 1e-15);
    }

    @Test
    void megabytesPerSecondAndRatios(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, """
                [
                  {"benchmark": "io.subword.bench.WordPieceEncodeBenchmark.djlPerLine", "mode": "avgt",
                   "params": {"sliceBytes": "1000"},
                   "primaryMetric": {"score": 40.0, "scoreError": 2.0, "scoreUnit": "ms/op"}},
                  {"benchmark": "io.subword.bench.WordPieceEncodeBenchmark.ours", "mode": "avgt",
                   "params": {"sliceBytes": "1000"},
                   "primaryMetric": {"score": 10.0, "scoreError": 1.0, "scoreUnit": "ms/op"}},
                  {"benchmark": "io.subword.bench.Other.ours", "mode": "thrpt",
                   "primaryMetric": {"score": 4.0, "scoreError": 0.4, "scoreUnit": "ops/s"}}
                ]
                """);
        List<Report.Row> rows = Report.read(json);
        long bytes = RealData.europarlSlice(1000).stream().mapToLong(RealData::utf8Length).sum();
        assertEquals(3, rows.size());
        assertEquals("WordPieceEncodeBenchmark", rows.get(1).benchmarkClass());
        assertEquals("ours", rows.get(1).method());
        assertEquals(bytes, rows.get(1).bytes());
        assertEquals(bytes / 1e6 / 0.010, rows.get(1).mbPerSecond(), 1e-9);
        assertEquals(0.25, rows.get(2).secondsPerOp(), 1e-12);
        assertEquals(-1, rows.get(2).bytes());
        String table = Report.format(rows);
        assertTrue(table.contains("WordPieceEncodeBenchmark: ours/djlPerLine = 4.00x"), table);
    }

    @Test
    void encodingParameterLabelsRowsAndThreadsMultiplyTheTotal(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, """
                [
                  {"benchmark": "io.subword.bench.BpeEncodeTwoThreadsBenchmark.jtokkit", "threads": 2,
                   "params": {"encoding": "cl100k_base", "sliceBytes": "1000"},
                   "primaryMetric": {"score": 30.0, "scoreError": 2.0, "scoreUnit": "ms/op"}},
                  {"benchmark": "io.subword.bench.BpeEncodeTwoThreadsBenchmark.ours", "threads": 2,
                   "params": {"encoding": "cl100k_base", "sliceBytes": "1000"},
                   "primaryMetric": {"score": 15.0, "scoreError": 1.0, "scoreUnit": "ms/op"}},
                  {"benchmark": "io.subword.bench.BpeEncodeTwoThreadsBenchmark.jtokkit", "threads": 2,
                   "params": {"encoding": "r50k_base", "sliceBytes": "1000"},
                   "primaryMetric": {"score": 20.0, "scoreError": 2.0, "scoreUnit": "ms/op"}},
                  {"benchmark": "io.subword.bench.BpeEncodeTwoThreadsBenchmark.ours", "threads": 2,
                   "params": {"encoding": "r50k_base", "sliceBytes": "1000"},
                   "primaryMetric": {"score": 8.0, "scoreError": 1.0, "scoreUnit": "ms/op"}},
                  {"benchmark": "io.subword.bench.BpeEncodeTwoThreadsBenchmark.oursIds", "threads": 2,
                   "params": {"encoding": "r50k_base", "sliceBytes": "1000"},
                   "primaryMetric": {"score": 5.0, "scoreError": 1.0, "scoreUnit": "ms/op"}}
                ]
                """);
        List<Report.Row> rows = Report.read(json);
        long bytes = RealData.europarlSlice(1000).stream().mapToLong(RealData::utf8Length).sum();
        assertEquals("cl100k_base", rows.get(1).params());
        assertEquals(2, rows.get(1).threads());
        assertEquals(bytes / 1e6 / 0.015, rows.get(1).mbPerSecond(), 1e-9);
        assertEquals(2 * bytes / 1e6 / 0.015, rows.get(1).totalMbPerSecond(), 1e-9);
        String table = Report.format(rows);
        assertTrue(table.contains("BpeEncodeTwoThreadsBenchmark [cl100k_base]: ours/jtokkit = 2.00x"), table);
        assertTrue(table.contains("BpeEncodeTwoThreadsBenchmark [r50k_base]: ours/jtokkit = 2.50x"), table);
        // every method of ours against each peer, never one of ours against another
        assertTrue(table.contains("BpeEncodeTwoThreadsBenchmark [r50k_base]: oursIds/jtokkit = 4.00x"), table);
        assertTrue(!table.contains("ours/oursIds") && !table.contains("oursIds/ours"), table);
    }
}
