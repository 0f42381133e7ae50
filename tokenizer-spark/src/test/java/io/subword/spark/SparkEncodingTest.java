package io.subword.spark;

import io.subword.Encoding;
import io.subword.Offsets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.subword.spark.EncodingCases.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encoding on Spark gives, row for row, what {@code Tokenizer.encode} gives. */
class SparkEncodingTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"bert", "gpt2", "minilm-hub"})
    void everyRowGetsTheIdsMaskOffsetsAndCountOfTokenizerEncode(String name) {
        EncodingCases.Case c = EncodingCases.of(name);
        List<String> texts = EncodingCases.texts(300);
        SparkEncoding enc = c.encoding().attentionMask("mask").offsets("offsets").tokenCount("tokens").batchSize(100);
        List<Row> out = enc.encode(EncodingCases.rows(SharedSpark.session(), texts, 3)).orderBy("n").collectAsList();

        assertEquals(texts.size() + 1, out.size());
        int padded = 0;
        for (int i = 0; i < texts.size(); i++) {
            Row row = out.get(i);
            assertEquals(i, row.getInt(0));
            assertEquals(texts.get(i), row.getString(1), "the input columns pass through");
            Encoding expected = c.tokenizer().encode(texts.get(i));
            assertArrayEquals(expected.ids(), ints(row, "ids"), () -> name + " line " + row.getInt(0));
            assertArrayEquals(expected.attentionMask(), ints(row, "mask"));
            assertEquals(expected.size(), row.getInt(row.fieldIndex("tokens")));
            if (name.equals("minilm-hub")) {
                assertEquals(128, expected.size(), "the Hub file truncates and pads to 128");
            }
            Offsets offsets = expected.offsets();
            List<Row> spans = row.getList(row.fieldIndex("offsets"));
            assertEquals(offsets.size(), spans.size());
            for (int k = 0; k < spans.size(); k++) {
                assertEquals(offsets.start(k), spans.get(k).getInt(0));
                assertEquals(offsets.end(k), spans.get(k).getInt(1));
            }
            for (int m : expected.attentionMask()) {
                if (m == 0) {
                    padded++;
                    break;
                }
            }
        }
        if (name.equals("minilm-hub")) {
            assertTrue(padded > 0, "the Hub file pads to 128, so short texts' masks end in zeros");
        }
        Row nullText = out.get(texts.size());
        assertNull(nullText.get(nullText.fieldIndex("ids")));
        assertNull(nullText.get(nullText.fieldIndex("tokens")));
    }

    @Test
    void anExecutorParsesTheTokenizerOnceForAllItsTasksAndPartitions() {
        EncodingCases.Case c = EncodingCases.of("bert");
        TokenizerCache.clear();
        int before = TokenizerCache.PARSES.get();
        Dataset<Row> rows = EncodingCases.rows(SharedSpark.session(), EncodingCases.texts(200), 6);
        assertEquals(6, rows.rdd().getNumPartitions());
        assertEquals(205, c.encoding().encode(rows).collectAsList().size());
        assertEquals(205, c.encoding().ids("again").encode(rows).collectAsList().size());
        assertEquals(1, TokenizerCache.PARSES.get() - before, "six partitions, two queries, one parse");
    }

    @Test
    void theSqlFunctionGivesTheIds() {
        EncodingCases.Case c = EncodingCases.of("gpt2");
        SparkSession spark = SharedSpark.session();
        List<String> texts = EncodingCases.texts(150);
        EncodingCases.rows(spark, texts, 2).createOrReplaceTempView("docs");
        c.encoding().register(spark);
        List<Row> out = spark.sql("SELECT n, subword_encode(text) AS ids FROM docs ORDER BY n").collectAsList();
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(c.tokenizer().encode(texts.get(i)).ids(), ints(out.get(i), "ids"));
        }
        assertNull(out.get(texts.size()).get(1));
    }

    @Test
    void parquetOutputIsCommittedAndReadsBackTheSameIds() throws Exception {
        EncodingCases.Case c = EncodingCases.of("bert");
        SparkSession spark = SharedSpark.session();
        List<String> texts = EncodingCases.texts(200);
        Path out = tmp.resolve("encoded");
        c.encoding().addSpecialTokens(false).encode(EncodingCases.rows(spark, texts, 2)).drop("text")
                .write().parquet(out.toString());
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "Spark's commit marker");

        List<Row> back = spark.read().parquet(out.toString()).orderBy("n").collectAsList();
        assertEquals(texts.size() + 1, back.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(c.tokenizer().encode(texts.get(i), false).ids(), ints(back.get(i), "ids"));
        }
    }

    @Test
    void badColumnsAreNamed() {
        SparkEncoding enc = EncodingCases.of("bert").encoding();
        Dataset<Row> rows = EncodingCases.rows(SharedSpark.session(), List.of("a"), 1);
        assertEquals("no column \"body\" to encode among [n, text]",
                assertThrows(IllegalArgumentException.class, () -> enc.inputColumn("body").encode(rows)).getMessage());
        assertEquals("column \"n\" is int, not string",
                assertThrows(IllegalArgumentException.class, () -> enc.inputColumn("n").encode(rows)).getMessage());
        assertEquals("column \"text\" exists already",
                assertThrows(IllegalArgumentException.class, () -> enc.ids("text").encode(rows)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkEncoding.of("{\"model\": 3}".getBytes()));
    }
}
