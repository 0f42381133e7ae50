package io.subword.spark;

import io.subword.Tokenizers;
import io.subword.train.Eta;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

/**
 * {@code subword spark encode}: encodes every line of a corpus into an output folder that Spark commits as a whole
 * ({@code _SUCCESS} appears last; a failed job leaves no {@code _SUCCESS}): Parquet with an {@code ids} column (and
 * the optional ones), or text with one line of space-separated ids per input line, part files in input order.
 */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Encode a corpus on Spark: every line becomes the ids 'subword encode' gives it.",
                "Output: Parquet (column ids, array<int>, plus those asked for) or text (one line of space-separated"
                        + " ids per input line; cat OUT_DIR/part-* gives them in input order).",
        })
final class SparkEncodeJob implements Callable<Integer> {
    enum Format { parquet, text }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--tokenizer"}, required = true, paramLabel = "FILE",
            description = "tokenizer.json, a BERT vocab.txt, or a .tiktoken rank file (read on the driver).")
    Path tokenizer;

    @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "CORPUS",
            description = "Text files, folders or globs, one text per line.")
    List<String> input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT_DIR",
            description = "Output folder (local path or a Hadoop URI); must not exist unless --overwrite.")
    String output;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
            description = "parquet or text (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-special-tokens", description = "Leave out the post-processor's special tokens.")
    boolean noSpecialTokens;

    @Option(names = "--attention-mask", description = "parquet: add the attention_mask column.")
    boolean attentionMask;

    @Option(names = "--offsets", description = "parquet: add the offsets column (UTF-16 start and end per token).")
    boolean offsets;

    @Option(names = "--token-count", description = "parquet: add the n_tokens column.")
    boolean tokenCount;

    @Option(names = "--keep-text", description = "parquet: keep the text column.")
    boolean keepText;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N",
            description = "Lines encoded together in a task (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--overwrite", description = "Replace OUT_DIR if it exists.")
    boolean overwrite;

    @Mixin
    JobOptions job;

    @Override
    public Integer call() throws Exception {
        SparkEncoding encoding = load(tokenizer).addSpecialTokens(!noSpecialTokens).batchSize(batchSize)
                .attentionMask(attentionMask ? "attention_mask" : null)
                .offsets(offsets ? "offsets" : null)
                .tokenCount(tokenCount ? "n_tokens" : null);
        SparkCorpus corpus = job.corpus(input);
        PrintWriter err = spec.commandLine().getErr();
        Eta clock = Eta.start();
        try (JobSession session = JobSession.open(job, err, "subword spark encode")) {
            org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output);
            FileSystem fs = out.getFileSystem(session.spark.sparkContext().hadoopConfiguration());
            if (fs.exists(out) && !overwrite) {
                throw new FileAlreadyExistsException(output, null, "exists already (add --overwrite to replace it)");
            }
            JavaRDD<Row> lines = corpus.lines(session.spark).map(RowFactory::create);
            Dataset<Row> text = session.spark.createDataFrame(lines,
                    new StructType().add("text", DataTypes.StringType, false));
            Dataset<Row> encoded = encoding.encode(text);
            SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            JobDescription.with(session.spark.sparkContext(), "encode", () -> {
                if (format == Format.text) {
                    encoded.select(concat_ws(" ", col("ids").cast("array<string>")).as("value"))
                            .write().mode(mode).text(output);
                } else {
                    (keepText ? encoded : encoded.drop("text")).write().mode(mode).parquet(output);
                }
                return null;
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "encoded %s into %s (%s) in %s%n", String.join(" ", input), output, format,
                Eta.format(clock.elapsed()));
        out.flush();
        return SparkJobs.OK;
    }

    /** A tokenizer.json as it is; other formats through the library's loaders, shipped as tokenizer.json. */
    static SparkEncoding load(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".tiktoken")) {
            return SparkEncoding.of(Tokenizers.fromTiktoken(file));
        }
        if (name.endsWith(".txt")) {
            return SparkEncoding.of(Tokenizers.fromVocabTxt(file));
        }
        return SparkEncoding.of(file);
    }
}
