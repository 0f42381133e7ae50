package io.subword.normalize;

/** Test helper: table cells write hard-to-type characters as backslash escapes: t, n, r, and u{HEX} for a code point. */
public final class TestText {
    private TestText() {
    }

    public static String unescape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char k = s.charAt(++i);
            switch (k) {
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    int close = s.indexOf('}', i);
                    sb.appendCodePoint(Integer.parseInt(s.substring(i + 2, close), 16));
                    i = close;
                }
                default -> sb.append(k);
            }
        }
        return sb.toString();
    }
}
