package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.vocab.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code subword decode}: one line of token ids (separated by spaces or tabs) in, one line of text out, with the
 * tokenizer's decoder, streaming. An empty line gives an empty line. A line that is not a list of integers, or
 * an id the vocabulary does not have, stops the command with one line naming the line number and the id (exit
 * 1); the output file, if any, is then left as it was. A decoded text that itself holds a line break is written
 * as it is.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Decode token ids, one sequence per line (ids separated by spaces), into one line of text per line.",
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
        Tokenizer tok = tokenizer.load();
        try (LineReader in = io.openInput()) {
            io.writeOutput(out -> decodeAll(tok, in, out));
        }
        return ErrorHandler.OK;
    }

    private void decodeAll(Tokenizer tok, LineReader in, Writer out) throws IOException {
        long lineNumber = 0;
        int[] ids = new int[256];
        for (String line = in.next(); line != null; line = in.next()) {
            lineNumber++;
            int n = 0;
            int i = 0;
            int len = line.length();
            while (i < len) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                    continue;
                }
                int start = i;
                while (i < len && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                    i++;
                }
                String word = line.substring(start, i);
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
        }
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
