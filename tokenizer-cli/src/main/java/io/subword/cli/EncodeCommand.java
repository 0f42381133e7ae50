package io.subword.cli;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.SpecialTokenPolicy;
import io.subword.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code subword encode}: one output line per input line, streaming. Lines are read in batches and each
 * batch goes through {@link Tokenizer#encodeBatch} (padding off, so every line is encoded as on its own);
 * only one batch is in memory at a time.
 */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Encode text, one text per line, into one line of token ids (or tokens, or JSON) per line.",
                "An empty line gives an empty line (or just the special tokens with --special).",
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

    @Option(names = "--special", negatable = true,
            description = "Add the tokenizer's special tokens, such as [CLS] and [SEP] (default: --no-special).")
    boolean special;

    @Option(names = "--offsets",
            description = "After a tab, each token's start:end in the input line (ids and tokens formats).")
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

    @Option(names = "--batch-size", defaultValue = "1024", paramLabel = "N",
            description = "Lines encoded together (in parallel) (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, not " + batchSize);
        }
        Tokenizer tok = tokenizer.load();
        Tokenizer unpadded = tok.padding() == null ? tok : tok.withPadding(null);
        if (specialInText != null) {
            unpadded = unpadded.withSpecialTokenPolicy(specialInText.policy);
        }
        Tokenizer encoder = unpadded;
        try (LineReader in = io.openInput()) {
            io.writeOutput(out -> encodeAll(encoder, in, out));
        }
        return ErrorHandler.OK;
    }

    private void encodeAll(Tokenizer tok, LineReader in, Writer out) throws IOException {
        List<String> batch = new ArrayList<>(Math.min(batchSize, 1 << 16));
        StringBuilder text = new StringBuilder(1 << 12);
        long firstLine = 1;
        for (String line = in.next(); line != null; line = in.next()) {
            batch.add(line);
            if (batch.size() == batchSize) {
                writeBatch(tok, batch, firstLine, text, out);
                firstLine += batchSize;
            }
        }
        writeBatch(tok, batch, firstLine, text, out);
    }

    private void writeBatch(Tokenizer tok, List<String> batch, long firstLine, StringBuilder text, Writer out)
            throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<Encoding> encodings;
        try {
            encodings = tok.encodeBatch(batch, special);
        } catch (IllegalArgumentException e) {
            // A text the tokenizer rejects (a disallowed special token, as tiktoken rejects it): name the line.
            for (int i = 0; i < batch.size(); i++) {
                try {
                    tok.encode(batch.get(i), special);
                } catch (IllegalArgumentException first) {
                    throw new IllegalArgumentException("line " + (firstLine + i) + ": " + first.getMessage(), first);
                }
            }
            throw e;
        }
        for (Encoding e : encodings) {
            text.setLength(0);
            format.append(text, e, offsets, offsetUnit);
            text.append('\n');
            out.append(text);
        }
        batch.clear();
        out.flush();
    }
}
