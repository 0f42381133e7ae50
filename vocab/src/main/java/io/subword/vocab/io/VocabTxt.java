package io.subword.vocab.io;

import io.subword.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BERT's {@code vocab.txt}: one token per line, the id is the line number counted from 0.
 *
 * <p>Trailing whitespace of a line is dropped, as Hugging Face tokenizers does. Blank lines at the end of
 * the file are ignored; a blank line before the last token, a duplicate token or invalid UTF-8 is a
 * {@link InputFormatException} naming the file and line.
 */
public final class VocabTxt {
    private VocabTxt() {
    }

    public static Vocabulary read(Path file) throws InputFormatException, IOException {
        return parse(file, Utf8Lines.read(file));
    }

    static Vocabulary parse(Path file, List<String> lines) throws InputFormatException {
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        if (last < 0) {
            throw new InputFormatException(file, null, "the vocabulary is empty");
        }
        var seen = new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String>(last + 1);
        seen.defaultReturnValue(-1);
        List<String> tokens = new ArrayList<>(last + 1);
        for (int i = 0; i <= last; i++) {
            String token = lines.get(i).stripTrailing();
            if (token.isEmpty()) {
                throw InputFormatException.atLine(file, i + 1, "blank line inside the vocabulary");
            }
            int previous = seen.putIfAbsent(token, i);
            if (previous >= 0) {
                throw InputFormatException.atLine(file, i + 1, "duplicate token " + Vocabulary.quote(token)
                        + ", first on line " + (previous + 1));
            }
            tokens.add(token);
        }
        return Vocabulary.of(tokens);
    }

    /** Writes {@code vocabulary} atomically, one token per line in id order. It must have no id gaps. */
    public static void write(Vocabulary vocabulary, Path file) throws IOException {
        if (!vocabulary.isDense()) {
            throw new IllegalArgumentException("vocab.txt cannot hold a vocabulary with id gaps");
        }
        for (String token : vocabulary.tokens()) {
            if (token.isEmpty() || token.indexOf('\n') >= 0 || token.indexOf('\r') >= 0
                    || !token.equals(token.stripTrailing())) {
                throw new IllegalArgumentException("token " + Vocabulary.quote(token)
                        + " cannot be written to vocab.txt (empty, line break or trailing whitespace)");
            }
        }
        AtomicFiles.writeText(file, w -> {
            for (String token : vocabulary.tokens()) {
                w.write(token);
                w.write('\n');
            }
        });
    }
}
