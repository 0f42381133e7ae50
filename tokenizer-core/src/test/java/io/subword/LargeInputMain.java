package io.subword;

import java.util.Random;

/**
 * Encodes one seeded single-line text of the given size (MB of UTF-16 chars) with one of the
 * {@link FuzzTokenizers}, in a JVM whose heap {@link ResourceLimitsTest} caps at a multiple of the input; prints
 * the token count and exits 0, or dies of OutOfMemoryError.
 */
public final class LargeInputMain {
    private static final String[] WORDS = {"the", "european", "parliament", "decided", "inimagináveis", "über",
        "naïve", "東京", "😀", "hello,", "world!", "2024", "κόσμε", "Привет", "«quoted»", "a", "of", "unaffable"};

    public static void main(String[] args) {
        String name = args[0];
        int chars = Integer.parseInt(args[1]) << 20;
        Tokenizer tok = FuzzTokenizers.get(name);
        String text = text(chars, 42);
        Encoding e = tok.encode(text, false);
        int last = e.size() - 1;
        if (e.size() == 0 || e.offsets().end(last) > text.length()) {
            throw new AssertionError("bad encoding of the large input");
        }
        System.out.println(name + ": " + text.length() + " chars -> " + e.size() + " tokens");
    }

    /** A seeded text of {@code chars} UTF-16 units on one line. */
    static String text(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(chars + 32);
        while (sb.length() < chars) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        sb.setLength(chars);
        if (Character.isHighSurrogate(sb.charAt(chars - 1))) {
            sb.setCharAt(chars - 1, ' ');
        }
        return sb.toString();
    }
}
