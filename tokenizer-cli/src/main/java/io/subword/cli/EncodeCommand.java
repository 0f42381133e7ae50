package io.subword.cli;

import io.subword.OffsetUnit;
import io.subword.SpecialTokenPolicy;
import io.subword.Tokenizer;
import io.subword.post.Padding;
import io.subword.vocab.io.Utf8Lines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * {@code subword encode}: one output line per input line, streaming through an {@link EncodePipeline} (read,
 * encode in parallel, write), which answers each line as soon as it is read when the input waits (a terminal, a
 * program in a pipe) and batches big input for throughput. Special tokens are added by default, as
 * {@link Tokenizer#encode(String)} and Hugging Face's {@code encode(text)} add them; the file's own truncation
 * and padding apply (each line padded as on its own) unless turned off.
 */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Encode text, one text per line, into one line of token ids (or tokens, or JSON) per line.",
                "As Hugging Face's encode(text): with the tokenizer's special tokens (such as [CLS] and [SEP]), and"
                        + " with the truncation and padding its tokenizer.json sets; each line is padded on its own."
                        + " An empty line gives just the special tokens (an empty line with --no-special).",
                "Each line is answered as soon as it is read when the input waits (a terminal, a program in a"
                        + " pipe); big input is encoded in parallel batches.",
        })
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TokenizerOption tokenizer;

    @Mixin
    InputOutputOptions io;

    @Option(names = "--format", defaultValue = "ids", paramLabel = "FORMAT", converter = OutputFormat.Converter.class,
            description = "${COMPLETION-CANDIDATES}: space-separated ids, space-separated tokens, or one JSON "
                    + "object per line with ids, tokens, offsets and masks (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--special", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Add the tokenizer's special tokens, such as [CLS] and [SEP], as Hugging Face's"
                    + " encode(text) and the library's Tokenizer.encode(text) do. This is the default; --special is"
                    + " still accepted and changes nothing; --no-special leaves them out.")
    boolean special;

    @Option(names = "--no-truncation",
            description = "Ignore the truncation that the tokenizer.json sets (default: truncate as it says).")
    boolean noTruncation;

    @Option(names = "--no-padding",
            description = "Ignore the padding that the tokenizer.json sets (default: pad each line as it says).")
    boolean noPadding;

    @Option(names = "--offsets",
            description = "After a tab, each token's start:end in the input line (ids and tokens formats); an"
                    + " empty line gives a lone tab.")
    boolean offsets;

    @Option(names = "--offset-unit", defaultValue = "codepoint", paramLabel = "UNIT",
            converter = OffsetUnitConverter.class, completionCandidates = OffsetUnitConverter.Names.class,
            description = "What offsets count: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, as Hugging "
                    + "Face's char offsets).")
    OffsetUnit offsetUnit;

    /** What {@code --special-in-text} accepts. */
    enum SpecialInText {
        ALLOW(SpecialTokenPolicy.ALLOW_ALL), DISALLOW(SpecialTokenPolicy.DISALLOW_ALL),
        ORDINARY(SpecialTokenPolicy.ORDINARY);

        final SpecialTokenPolicy policy;

        SpecialInText(SpecialTokenPolicy policy) {
            this.policy = policy;
        }
    }

    @Option(names = "--special-in-text", paramLabel = "POLICY",
            description = "Special tokens such as <|endoftext|> written in the text: allow (encode them as the special"
                    + " token), disallow (fail naming the line) or ordinary (encode them as plain text). Default: "
                    + "disallow for a .tiktoken file, as tiktoken does; allow otherwise, as Hugging Face does.")
    SpecialInText specialInText;

    /** {@code --batch-size}'s default. */
    static final int DEFAULT_BATCH_SIZE = 1024;

    @Option(names = "--batch-size", defaultValue = "" + DEFAULT_BATCH_SIZE, paramLabel = "N",
            description = "At most N lines encoded together, in parallel (default: ${DEFAULT-VALUE}); a batch"
                    + " never waits for more input to fill it.")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, not " + batchSize);
        }
        prepare().run();
        return ErrorHandler.OK;
    }

    /** The part of the command that writes its output. */
    interface Run {
        void run() throws IOException;
    }

    /**
     * Everything before the first output: checks the output path, starts reading the input, loads the tokenizer.
     * A failure here has written nothing and left nothing running ({@link EncodeFastPath} relies on it).
     */
    Run prepare() throws Exception {
        io.checkOutput();
        StartupTiming.mark("arguments parsed");
        // Reading starts now, on a thread of its own, so that it overlaps loading the tokenizer (on two cores the
        // loading thread leaves the other idle). A bad input is still reported after a bad tokenizer, as before.
        Utf8Lines in = null;
        IOException badInput = null;
        try {
            in = io.openInput();
        } catch (IOException e) {
            badInput = e;
        }
        EncodePipeline.Reading reading = in == null ? null : EncodePipeline.startReading(in, batchSize);
        Tokenizer tok;
        try {
            tok = tokenizer.load();
        } catch (Exception | Error e) {
            if (reading != null) {
                reading.stop();
                in.close();
            }
            throw e;
        }
        if (badInput != null) {
            throw badInput;
        }
        StartupTiming.mark("tokenizer loaded");
        if (noTruncation && tok.truncation() != null) {
            tok = tok.withTruncation(null);
        }
        Padding padding = noPadding ? null : tok.padding();
        if (tok.padding() != null) {
            tok = tok.withPadding(null); // applied line by line by the pipeline
        }
        if (specialInText != null) {
            tok = tok.withSpecialTokenPolicy(specialInText.policy);
        }
        EncodePipeline pipeline = new EncodePipeline(tok, padding, special, format, offsets, offsetUnit, batchSize);
        Utf8Lines input = in;
        return () -> {
            try (input) {
                io.writeBytes(out -> pipeline.run(reading, out));
            } finally {
                reading.stop();
            }
        };
    }

    /**
     * The library's message about a disallowed special token speaks of its Java enum; on the command line, name
     * the flag instead.
     */
    static String cliWords(String message) {
        if (message == null || !message.contains("SpecialTokenPolicy")) {
            return message;
        }
        int cut = message.indexOf(';');
        String what = cut < 0 ? message : message.substring(0, cut);
        return what + "; give --special-in-text allow to encode it as the special token, or --special-in-text"
                + " ordinary to encode it as plain text";
    }
}
