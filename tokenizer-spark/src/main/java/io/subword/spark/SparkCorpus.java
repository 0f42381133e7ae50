package io.subword.spark;

import io.subword.vocab.Require;
import io.subword.vocab.io.Utf8Lines;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Text files as an RDD of lines, read the way the one-machine {@link io.subword.train.Corpus} reads them, so that
 * counting or encoding on Spark sees exactly the lines one machine sees:
 * <ul>
 *   <li>Each path is a file, a folder (walked recursively, its files in sorted path order, as {@code Corpus} does)
 *       or a Hadoop glob ({@code data/*.txt.gz}); the files are read in the order given, so the partitions, and
 *       an output written from them, follow the input order. {@code .gz} (and any other Hadoop codec) files are
 *       decompressed; they cannot be split, so each is one partition.</li>
 *   <li>A line ends at {@code \n} only, and a {@code \r} before it is dropped ({@code Corpus}'s rule; Hadoop's
 *       default would also end a line at a lone {@code \r}). A UTF-8 byte order mark at the start of a file is
 *       skipped, and a final newline makes no extra empty line.</li>
 *   <li>Invalid UTF-8 fails the job with a {@link CorpusFormatException} whose message names the file, the line
 *       and the byte offset exactly as {@code Corpus}'s {@code InputFormatException} does; {@linkplain
 *       Builder#lenient(boolean) lenient} reading replaces each malformed sequence with U+FFFD instead, as
 *       {@code Corpus.lenient()} does.</li>
 *   <li>Lines have no length limit, as in {@code Corpus}: a line longer than a split is read whole by the task
 *       whose split it starts in (Hadoop's rule). It must fit in one Java array (2 GB), as in {@code Corpus}.</li>
 * </ul>
 * Files whose names start with {@code _} or {@code .} are read like any other when named or found in a folder
 * (unlike Hadoop's default input listing, which hides them), again as {@code Corpus} does.
 */
public final class SparkCorpus {
    /** Hadoop setting with the files to read, one per line (set by {@link #lines}; read by the input format). */
    static final String FILES_KEY = "io.subword.spark.files";

    private final List<String> paths;
    private final boolean lenient;
    private final long splitBytes;

    private SparkCorpus(Builder b) {
        this.paths = List.copyOf(b.paths);
        this.lenient = b.lenient;
        this.splitBytes = b.splitBytes;
    }

    /** The files, folders or globs {@code paths} (local paths, or URIs such as {@code hdfs://...}). */
    public static Builder of(List<String> paths) {
        return new Builder(paths);
    }

    /** The files, folders or globs {@code paths}; see {@link #of(List)}. */
    public static Builder of(String... paths) {
        return new Builder(List.of(paths));
    }

    /** Settings of a {@link SparkCorpus}. */
    public static final class Builder {
        private final List<String> paths;
        private boolean lenient;
        private long splitBytes = 64L << 20;

        private Builder(List<String> paths) {
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("a corpus needs at least one file, folder or glob");
            }
            for (String p : paths) {
                if (p == null || p.isEmpty()) {
                    throw new IllegalArgumentException("empty corpus path in " + paths);
                }
            }
            this.paths = List.copyOf(paths);
        }

        /** Replace invalid UTF-8 with U+FFFD instead of failing (default: fail, naming the file and line). */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /**
         * The bytes of uncompressed text per partition (default 64 MB): smaller means more, shorter tasks. A
         * compressed file is one partition whatever its size.
         */
        public Builder splitBytes(long splitBytes) {
            Require.atLeast("split size (bytes)", splitBytes, 1);
            this.splitBytes = splitBytes;
            return this;
        }

        public SparkCorpus build() {
            return new SparkCorpus(this);
        }

        /** Shorthand for {@code build().lines(spark)}. */
        public JavaRDD<String> lines(SparkSession spark) throws IOException {
            return build().lines(spark);
        }
    }

    /** The paths as given. */
    public List<String> paths() {
        return paths;
    }

    /**
     * The files the paths stand for, in reading order: each path in the order given, a folder's files (at any
     * depth) in sorted order, a glob's matches in sorted order.
     *
     * @throws FileNotFoundException naming the first path that matches nothing
     */
    public List<String> files(Configuration conf) throws IOException {
        List<String> files = new ArrayList<>();
        for (String given : paths) {
            Path path = new Path(given);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new FileNotFoundException(given + ": no such file or folder");
            }
            java.util.Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    List<String> inFolder = new ArrayList<>();
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
                    while (it.hasNext()) {
                        inFolder.add(it.next().getPath().toString());
                    }
                    inFolder.sort(Comparator.naturalOrder());
                    files.addAll(inFolder);
                } else {
                    files.add(match.getPath().toString());
                }
            }
        }
        return files;
    }

    /**
     * The lines of the corpus, one partition per split of each file, partitions in reading order.
     *
     * @throws FileNotFoundException naming a path that matches nothing
     */
    public JavaRDD<String> lines(SparkSession spark) throws IOException {
        Objects.requireNonNull(spark, "spark");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = new Configuration(jsc.hadoopConfiguration());
        List<String> files = files(conf);
        conf.set(FILES_KEY, String.join("\n", files));
        // Corpus ends lines at \n only; with a custom delimiter Hadoop leaves a \r before it in the line.
        conf.set("textinputformat.record.delimiter", "\n");
        conf.setLong(FileInputFormat.SPLIT_MINSIZE, splitBytes);
        conf.setLong(FileInputFormat.SPLIT_MAXSIZE, splitBytes);
        @SuppressWarnings("unchecked")
        JavaNewHadoopRDD<LongWritable, Text> raw = (JavaNewHadoopRDD<LongWritable, Text>)
                jsc.newAPIHadoopRDD(conf, OrderedTextInputFormat.class, LongWritable.class, Text.class);
        boolean strict = !lenient;
        return raw.mapPartitionsWithInputSplit(
                (InputSplit split, Iterator<Tuple2<LongWritable, Text>> records) ->
                        new DecodingIterator(((FileSplit) split).getPath().toString(), records, strict),
                true);
    }

    /** Decodes Hadoop's raw line records to strings, as {@code Corpus} decodes its lines. */
    private static final class DecodingIterator implements Iterator<String> {
        private final String file;
        private final Iterator<Tuple2<LongWritable, Text>> records;
        private final boolean strict;

        DecodingIterator(String file, Iterator<Tuple2<LongWritable, Text>> records, boolean strict) {
            this.file = file;
            this.records = records;
            this.strict = strict;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public String next() {
            if (!records.hasNext()) {
                throw new NoSuchElementException();
            }
            // Hadoop reuses the key and the Text for every record: decode before asking for the next one.
            Tuple2<LongWritable, Text> record = records.next();
            Text text = record._2();
            int len = text.getLength();
            byte[] bytes = text.getBytes();
            if (len > 0 && bytes[len - 1] == '\r') {
                len--;
            }
            if (strict && Utf8Lines.firstInvalid(bytes, 0, len) >= 0) {
                throw InvalidLine.error(file, record._1().get(), bytes, len);
            }
            // Java's decoder replaces each malformed sequence with U+FFFD, as Utf8Lines.lenient does.
            return new String(bytes, 0, len, StandardCharsets.UTF_8);
        }
    }
}
