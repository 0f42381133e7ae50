package io.subword.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a file given to {@code -t} holds, told from its first bytes rather than its name, so that a wrong file
 * gets an error that says what it is ({@code merges.txt}, word vectors, ...) instead of a parser's complaint
 * about line 1. Only the start of the file is read.
 */
enum FileKind {
    TOKENIZER_JSON("a Hugging Face tokenizer.json"),
    VOCAB_JSON("GPT-2's vocab.json (a JSON object of token -> id)"),
    OTHER_JSON("JSON, but not a tokenizer.json"),
    MERGES_TXT("GPT-2's merges.txt (one pair of tokens per line)"),
    TIKTOKEN("a tiktoken rank file (base64 token and rank per line)"),
    VOCAB_TXT("a BERT vocab.txt (one token per line)"),
    WORD_VECTORS("word vectors (word2vec: a count and a size, then a token and its numbers per line)"),
    NUMPY("a NumPy array (.npy)"),
    BINARY("a binary file"),
    EMPTY("empty");

    /** How much of the file is looked at. */
    static final int HEAD = 1 << 16;
    private static final int SAMPLE_LINES = 200;

    private static final Pattern COUNT_AND_SIZE = Pattern.compile("\\d+ \\d+");
    private static final Pattern TOKEN_AND_NUMBERS = Pattern.compile("\\S+( -?[0-9][0-9.eE+-]*){2,} ?");
    private static final Pattern RANK_LINE = Pattern.compile("[A-Za-z0-9+/]+=* \\d+");
    private static final Pattern PAIR_LINE = Pattern.compile("\\S+ \\S+");

    /** Words for messages: "GPT-2's merges.txt (one pair of tokens per line)". */
    final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** What {@code file} looks like, from its first {@value #HEAD} bytes. */
    static FileKind of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        return of(head);
    }

    static FileKind of(byte[] head) {
        if (head.length >= 6 && (head[0] & 0xff) == 0x93 && new String(head, 1, 5, StandardCharsets.ISO_8859_1)
                .equals("NUMPY")) {
            return NUMPY;
        }
        int from = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF ? 3 : 0;
        List<String> lines = lines(head, from);
        if (lines == null) {
            // Not text. word2vec's binary format starts with a text line "count size".
            int nl = indexOf(head, (byte) '\n', from);
            if (nl > 0 && COUNT_AND_SIZE.matcher(new String(head, from, nl - from, StandardCharsets.ISO_8859_1)
                    .trim()).matches()) {
                return WORD_VECTORS;
            }
            return BINARY;
        }
        String first = null;
        for (String l : lines) {
            if (!l.isBlank()) {
                first = l.strip();
                break;
            }
        }
        if (first == null) {
            return EMPTY;
        }
        if (first.startsWith("{") || first.isEmpty()) {
            return jsonKind(new String(head, from, head.length - from, StandardCharsets.UTF_8));
        }
        if (first.startsWith("[") && (first.length() == 1 || "[{\"]-0123456789 \t".indexOf(first.charAt(1)) >= 0)) {
            return OTHER_JSON; // a JSON list, not a token such as [PAD]
        }
        if (first.startsWith("#version")) {
            return MERGES_TXT;
        }
        List<String> sample = new ArrayList<>();
        for (String l : lines) {
            if (!l.isEmpty() && sample.size() < SAMPLE_LINES) {
                sample.add(l);
            }
        }
        if (COUNT_AND_SIZE.matcher(first).matches() && (sample.size() < 2
                || TOKEN_AND_NUMBERS.matcher(sample.get(1)).matches())) {
            return WORD_VECTORS;
        }
        if (all(sample, TOKEN_AND_NUMBERS) && sample.size() > 0 && sample.get(0).split(" ").length > 3) {
            return WORD_VECTORS;
        }
        if (all(sample, RANK_LINE)) {
            return TIKTOKEN;
        }
        if (all(sample, PAIR_LINE)) {
            return MERGES_TXT;
        }
        return VOCAB_TXT;
    }

    /** A tokenizer.json is an object of objects and lists; GPT-2's vocab.json maps each token to a number. */
    private static FileKind jsonKind(String text) {
        int i = text.indexOf('{') + 1;
        i = skipSpace(text, i);
        if (i >= text.length()) {
            return TOKENIZER_JSON;
        }
        if (text.charAt(i) != '"') {
            return TOKENIZER_JSON; // an empty or broken object: the tokenizer.json reader says what is missing
        }
        // Skip the first key (a JSON string), then the colon, and look at the first value.
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != '"') {
            j += text.charAt(j) == '\\' ? 2 : 1;
        }
        j = skipSpace(text, j + 1);
        if (j >= text.length() || text.charAt(j) != ':') {
            return TOKENIZER_JSON;
        }
        j = skipSpace(text, j + 1);
        if (j >= text.length()) {
            return TOKENIZER_JSON;
        }
        char v = text.charAt(j);
        if (v == '-' || (v >= '0' && v <= '9')) {
            return text.contains("\"model\"") ? TOKENIZER_JSON : VOCAB_JSON;
        }
        return TOKENIZER_JSON;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean all(List<String> lines, Pattern p) {
        if (lines.isEmpty()) {
            return false;
        }
        for (String l : lines) {
            if (!p.matcher(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The complete lines of {@code head} (a last line cut off by the head's end is left out unless it is all
     * there is), or {@code null} when it is not UTF-8 text.
     */
    private static List<String> lines(byte[] head, int from) {
        int end = head.length;
        if (end == HEAD) {
            int nl = lastIndexOf(head, (byte) '\n');
            if (nl > from) {
                end = nl;
            }
        }
        for (int i = from; i < end; i++) {
            if (head[i] == 0) {
                return null;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, from, end - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        return List.of(text.split("\n", -1));
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte x) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
