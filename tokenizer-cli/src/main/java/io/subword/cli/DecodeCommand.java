package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.Utf8Lines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code subword decode}: one line of token ids in, one line of text out, with the tokenizer's decoder, streaming;
 * each line is answered as soon as it is read when the input waits (a terminal, a program in a pipe). Ids are
 * separated by spaces, tabs or commas, optionally inside one pair of brackets, so {@code 101 2023 102},
 * {@code 101,2023,102} and {@code [101, 2023, 102]} (a Python or JSON list) all work. An empty line (or
 * {@code []}) gives an empty line. A line that is not a list of integers, or
 * an id the vocabulary does not have, stops the command with one line naming the line number and the id (exit
 * 1); the output file, if any, is then left as it was. A decoded text that itself holds a line break is written
 * as it is.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Decode token ids, one sequence per line, into one line of text per line. Ids are separated by"
                        + " spaces, tabs or commas, optionally in brackets: 101 2023 102, 101,2023,102 and"
                        + " [101, 2023, 102] all work.",
        })
final class DecodeCommand implements Callable<Integer> {
    @Mixin
    TokenizerOption tokenizer;

    @Mixin
    InputOutputOptions io;

    @Option(names = "--skip-special", description = "Leave out special tokens such as [CLS] or <|endoftext|>.")
    boolean skipSpecial;

    @Override
    public Integer call() throws Exception {
        io.checkOutput();
        Tokenizer tok = tokenizer.load();
        try (Utf8Lines in = io.openInput()) {
            io.writeOutput(out -> decodeAll(tok, in, out));
        }
        return ErrorHandler.OK;
    }

    private void decodeAll(Tokenizer tok, Utf8Lines in, Writer out) throws IOException {
        long lineNumber = 0;
        int[] ids = new int[256];
        for (String line = InputOutputOptions.nextLine(in); line != null; line = InputOutputOptions.nextLine(in)) {
            lineNumber++;
            int n = 0;
            String list = unbracket(line.strip());
            int i = 0;
            int len = list.length();
            while (i < len) {
                char c = list.charAt(i);
                if (isSeparator(c)) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < len && !isSeparator(list.charAt(i))) {
                    i++;
                }
                String word = list.substring(start, i);
                int id = parseId(word, lineNumber);
                if (id >= tok.vocabulary().size() || tok.idToToken(id) == null) {
                    throw new IllegalArgumentException("line " + lineNumber + ": id " + id
                            + " is not in the vocabulary (size " + tok.vocabulary().size() + ")");
                }
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = id;
            }
            out.write(tok.decode(Arrays.copyOf(ids, n), skipSpecial));
            out.write('\n');
            if (!in.ready()) {
                out.flush(); // the reader may be waiting for this answer before it sends more
            }
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == ',';
    }

    /** {@code [1, 2]} to {@code 1, 2}; anything else as it is (a stray bracket is then reported as not an id). */
    private static String unbracket(String line) {
        return line.length() >= 2 && line.charAt(0) == '[' && line.charAt(line.length() - 1) == ']'
                ? line.substring(1, line.length() - 1) : line;
    }

    private static int parseId(String word, long lineNumber) {
        boolean digits = !word.isEmpty() && word.length() <= 10;
        for (int k = 0; k < word.length() && digits; k++) {
            digits = word.charAt(k) >= '0' && word.charAt(k) <= '9';
        }
        long value = digits ? Long.parseLong(word) : -1;
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + Vocabulary.quote(word)
                    + " is not a token id (a non-negative integer)");
        }
        return (int) value;
    }
}
