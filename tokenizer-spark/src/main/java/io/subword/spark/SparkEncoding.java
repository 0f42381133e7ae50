package io.subword.spark;

import io.subword.OffsetUnit;
import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.vocab.Require;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes a text column of a {@code Dataset<Row>} on the executors, adding columns: the ids ({@code array<int>}),
 * and optionally the attention mask ({@code array<int>}), the offsets ({@code array<struct<start:int,end:int>>},
 * UTF-16 indices into the text unless another {@link OffsetUnit} is asked for) and the token count ({@code int}).
 * Each row gets exactly what {@link Tokenizer#encode(String, boolean)} gives for its text, truncation and padding
 * included as the tokenizer.json sets them; a {@code null} text gets {@code null} columns.
 *
 * <p>The tokenizer travels as its tokenizer.json bytes in one broadcast; each executor JVM parses them once and
 * every task and partition there reuses that tokenizer (see {@code TokenizerCache}). Rows are encoded inside
 * {@code mapPartitions}, a batch of rows at a time, so a partition is streamed, never held whole.
 *
 * <pre>{@code
 * SparkEncoding enc = SparkEncoding.of(Path.of("tokenizer.json")).inputColumn("text").attentionMask("attention_mask");
 * enc.encode(spark.read().parquet("docs")).write().parquet("docs-encoded");
 * enc.register(spark);   // SELECT subword_encode(text) FROM docs
 * }</pre>
 * Immutable: each setter returns a changed copy.
 */
public final class SparkEncoding {
    /** The name {@link #register(SparkSession)} gives the SQL function. */
    public static final String SQL_FUNCTION = "subword_encode";

    private final byte[] json;
    private final String key;
    private String inputColumn = "text";
    private String idsColumn = "ids";
    private String maskColumn;
    private String offsetsColumn;
    private OffsetUnit offsetUnit = OffsetUnit.UTF16;
    private String countColumn;
    private boolean addSpecialTokens = true;
    private int batchSize = 256;

    private SparkEncoding(byte[] json, String key) {
        this.json = json;
        this.key = key;
    }

    private SparkEncoding copy() {
        SparkEncoding c = new SparkEncoding(json, key);
        c.inputColumn = inputColumn;
        c.idsColumn = idsColumn;
        c.maskColumn = maskColumn;
        c.offsetsColumn = offsetsColumn;
        c.offsetUnit = offsetUnit;
        c.countColumn = countColumn;
        c.addSpecialTokens = addSpecialTokens;
        c.batchSize = batchSize;
        return c;
    }

    /**
     * Encodes with the tokenizer of these tokenizer.json bytes.
     *
     * @throws IllegalArgumentException if they are not a tokenizer.json this library reads (the message says why)
     */
    public static SparkEncoding of(byte[] tokenizerJson) {
        byte[] bytes = tokenizerJson.clone();
        String key = TokenizerCache.key(bytes);
        // Parse on the driver first: a bad file fails here, with its message, not in every task.
        TokenizerCache.put(key, TokenizerCache.parse(bytes));
        return new SparkEncoding(bytes, key);
    }

    /** Encodes with the tokenizer.json at {@code file} (read on the driver). */
    public static SparkEncoding of(Path tokenizerJson) throws IOException {
        return of(Files.readAllBytes(tokenizerJson));
    }

    /** Encodes with {@code tokenizer}, which travels as its tokenizer.json. */
    public static SparkEncoding of(Tokenizer tokenizer) {
        return of(TokenizerJson.toJson(tokenizer).getBytes(StandardCharsets.UTF_8));
    }

    /** The string column to encode (default {@code text}). */
    public SparkEncoding inputColumn(String column) {
        SparkEncoding c = copy();
        c.inputColumn = Objects.requireNonNull(column, "column");
        return c;
    }

    /** The name of the ids column (default {@code ids}). */
    public SparkEncoding ids(String column) {
        SparkEncoding c = copy();
        c.idsColumn = Objects.requireNonNull(column, "column");
        return c;
    }

    /** Adds the attention mask as {@code column} ({@code null}: none, the default). */
    public SparkEncoding attentionMask(String column) {
        SparkEncoding c = copy();
        c.maskColumn = column;
        return c;
    }

    /** Adds the offsets, in UTF-16 units, as {@code column} ({@code null}: none, the default). */
    public SparkEncoding offsets(String column) {
        return offsets(column, OffsetUnit.UTF16);
    }

    /** Adds the offsets, in {@code unit}, as {@code column} ({@code null}: none). */
    public SparkEncoding offsets(String column, OffsetUnit unit) {
        SparkEncoding c = copy();
        c.offsetsColumn = column;
        c.offsetUnit = Objects.requireNonNull(unit, "unit");
        return c;
    }

    /** Adds the number of tokens as {@code column} ({@code null}: none, the default). */
    public SparkEncoding tokenCount(String column) {
        SparkEncoding c = copy();
        c.countColumn = column;
        return c;
    }

    /** Whether the post-processor adds its special tokens ({@code [CLS]}, {@code [SEP]} ...): default yes. */
    public SparkEncoding addSpecialTokens(boolean add) {
        SparkEncoding c = copy();
        c.addSpecialTokens = add;
        return c;
    }

    /** Rows encoded together inside a partition (default 256), at least 1. */
    public SparkEncoding batchSize(int rows) {
        Require.atLeast("batch size", rows, 1);
        SparkEncoding c = copy();
        c.batchSize = rows;
        return c;
    }

    /** The schema {@link #encode} gives a dataset of schema {@code in}. */
    public StructType outputSchema(StructType in) {
        Objects.requireNonNull(in, "in");
        int index = Arrays.asList(in.fieldNames()).indexOf(inputColumn);
        if (index < 0) {
            throw new IllegalArgumentException("no column \"" + inputColumn + "\" to encode among "
                    + Arrays.toString(in.fieldNames()));
        }
        if (!(in.fields()[index].dataType().equals(DataTypes.StringType))) {
            throw new IllegalArgumentException("column \"" + inputColumn + "\" is " + in.fields()[index].dataType()
                    .simpleString() + ", not string");
        }
        DataType intArray = DataTypes.createArrayType(DataTypes.IntegerType, false);
        StructType out = add(in, idsColumn, intArray);
        if (maskColumn != null) {
            out = add(out, maskColumn, intArray);
        }
        if (offsetsColumn != null) {
            StructType span = new StructType()
                    .add("start", DataTypes.IntegerType, false)
                    .add("end", DataTypes.IntegerType, false);
            out = add(out, offsetsColumn, DataTypes.createArrayType(span, false));
        }
        if (countColumn != null) {
            out = add(out, countColumn, DataTypes.IntegerType);
        }
        return out;
    }

    private static StructType add(StructType schema, String name, DataType type) {
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("column \"" + name + "\" exists already");
        }
        return schema.add(new StructField(name, type, true, Metadata.empty()));
    }

    /**
     * {@code rows} with the encoding columns added after its own, in the same partitions and order.
     *
     * @throws IllegalArgumentException if the input column is missing or not a string, or an output column exists
     */
    public Dataset<Row> encode(Dataset<Row> rows) {
        StructType out = outputSchema(rows.schema());
        EncodePartition fn = new EncodePartition(broadcast(rows.sparkSession()), key,
                rows.schema().fieldIndex(inputColumn), rows.schema().size(), addSpecialTokens, maskColumn != null,
                offsetsColumn != null ? offsetUnit : null, countColumn != null, batchSize);
        return rows.mapPartitions(fn, Encoders.row(out));
    }

    /** Registers the SQL function {@value #SQL_FUNCTION}{@code (text)}, returning the ids as {@code array<int>}. */
    public void register(SparkSession spark) {
        register(spark, SQL_FUNCTION);
    }

    /** Registers the SQL function {@code name(text)}, returning the ids as {@code array<int>}. */
    public void register(SparkSession spark, String name) {
        Broadcast<byte[]> b = broadcast(spark);
        String k = key;
        boolean special = addSpecialTokens;
        UDF1<String, int[]> f = text -> text == null ? null : TokenizerCache.get(k, b).encode(text, special).ids();
        spark.udf().register(name, f, DataTypes.createArrayType(DataTypes.IntegerType, false));
    }

    private Broadcast<byte[]> broadcast(SparkSession spark) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(json);
    }
}
