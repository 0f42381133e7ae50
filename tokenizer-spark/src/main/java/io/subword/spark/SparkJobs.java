package io.subword.spark;

import io.subword.vocab.io.InputFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/**
 * The Spark jobs a user runs, {@code train} and {@code encode}: {@code bin/subword spark ...} runs this class with
 * Spark on the class path (local mode), and a cluster runs it from the job jar:
 * <pre>
 * spark-submit --class io.subword.spark.SparkJobs --master yarn subword-spark-VERSION-job.jar \
 *     train bytelevel --vocab-size 50000 -o out hdfs:///corpus/
 * </pre>
 * Like {@code subword}, it maps flags to library calls ({@link SparkTraining}, {@link SparkEncoding}), prints
 * progress by Spark stage on stderr (Spark's own log is turned down to warnings), and reports a failure as one line
 * {@code subword: <message>} with exit code 1 (bad input) or 2 (usage), never a stack trace unless
 * {@code --verbose}.
 */
@Command(name = "subword spark", mixinStandardHelpOptions = true,
        description = "Train and encode on Apache Spark (local mode here, or any cluster through spark-submit).",
        subcommands = {SparkTrainJob.class, SparkEncodeJob.class})
public final class SparkJobs implements Runnable {
    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int USAGE = 2;

    /** Spark's log configuration for the jobs: warnings and errors only. */
    static final String LOG4J_CONFIG = "io/subword/spark/log4j2-job.properties";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before Spark's first log line; spark-submit has configured logging already, and the job turns it down.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG4J_CONFIG);
        }
        quietSparkLog();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /**
     * Spark's log down to warnings before the session starts. Under spark-submit, logging is configured (at INFO)
     * before this main runs, so the property above comes too late; log4j 2, which Spark uses, is told directly.
     */
    private static void quietSparkLog() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
        } catch (LinkageError e) {
            // Another logging backend: SparkContext.setLogLevel in JobSession still turns Spark down once it runs.
        }
    }

    /** Runs one job; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new SparkJobs());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("subword: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec()
                    .qualifiedName() + " --help')");
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("subword: " + message(ex));
            if (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose")) {
                ex.printStackTrace(err);
            }
            return BAD_INPUT;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which job: train or encode");
    }

    /**
     * The user-facing text of a failure. A task's exception reaches the driver wrapped in Spark's job-abort
     * exception, whose message is a page of scheduler detail: the first cause of ours, or of the kinds that carry a
     * file and place, speaks instead.
     */
    static String message(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CorpusFormatException || t instanceof InputFormatException
                    || t instanceof IllegalArgumentException || t instanceof FileNotFoundException
                    || t instanceof FileAlreadyExistsException) {
                return oneLine(t.getMessage());
            }
            if (t instanceof NoSuchFileException e) {
                return e.getFile() + ": no such file";
            }
            if (t instanceof UncheckedIOException && t.getCause() != null) {
                continue;
            }
            if (t instanceof IOException && t.getCause() == null) {
                return oneLine(t.getMessage());
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "failed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
