package io.subword.spark;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.RealData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tokenizers and texts the encoding tests share. */
final class EncodingCases {
    private EncodingCases() {
    }

    /** A tokenizer under test: how to build it here, and the SparkEncoding that ships it to executors. */
    record Case(String name, Tokenizer tokenizer, SparkEncoding encoding) {
    }

    static Case of(String name) {
        try {
            return switch (name) {
                // bert-base-uncased, truncation and padding off: the whole text, as BERT's vocab.txt users have it.
                case "bert" -> fromFile(name, RealData.bertUncasedTokenizerJsonWithoutLimits());
                // GPT-2's ranks (r50k_base) from jtokkit, built here and shipped as the tokenizer.json it converts to.
                case "gpt2" -> {
                    Tokenizer t = Tokenizers.fromTiktoken(RealData.tiktoken("r50k_base"));
                    yield new Case(name, t, SparkEncoding.of(t));
                }
                // A Hub file as shipped: sentence-transformers/all-MiniLM-L6-v2, which truncates and pads to 128.
                case "minilm-hub" -> fromFile(name, RealData.bertUncasedTokenizerJson());
                default -> throw new IllegalArgumentException(name);
            };
        } catch (IOException | io.subword.vocab.io.InputFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case fromFile(String name, Path file) throws IOException, io.subword.vocab.io.InputFormatException {
        return new Case(name, Tokenizers.fromFile(file), SparkEncoding.of(file));
    }

    /** Europarl lines of 21 languages, and edge cases: empty, blanks, emoji, a text far over 128 tokens. */
    static List<String> texts(int europarlLines) {
        List<String> texts = new ArrayList<>(RealData.europarlLines().subList(0, europarlLines));
        texts.add("");
        texts.add("   ");
        texts.add("Emoji \uD83D\uDE00 and CJK 日本語 and accents: ação, naïve, Øre.");
        texts.add(String.join(" ", RealData.europarlLines().subList(0, 30)));
        return texts;
    }

    /** Rows (n int, text string) in order, a null text last, in {@code partitions} partitions. */
    static Dataset<Row> rows(SparkSession spark, List<String> texts, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create(i, texts.get(i)));
        }
        rows.add(RowFactory.create(texts.size(), null));
        StructType schema = new StructType().add("n", DataTypes.IntegerType, false).add("text", DataTypes.StringType);
        return spark.createDataFrame(rows, schema).repartition(partitions).sortWithinPartitions("n");
    }

    static int[] ints(Row row, String column) {
        List<Integer> list = row.getList(row.fieldIndex(column));
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
