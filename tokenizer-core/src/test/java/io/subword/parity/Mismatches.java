package io.subword.parity;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Offsets;
import io.subword.testkit.RefEncoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Collects the differences between our encodings and the reference's over a whole corpus, then fails once with
 * the first {@value #SHOWN} of them in detail (where, the text around the first difference, both token lists
 * around it) and the total count, so one run shows the extent of a problem rather than its first instance.
 */
final class Mismatches {
    static final int SHOWN = 20;
    private static final int TOKEN_CONTEXT = 8;
    private static final int TEXT_CONTEXT = 80;

    /** Which fields of an encoding to compare; ids are always compared. */
    enum Field { OFFSETS, TYPE_IDS, ATTENTION_MASK, SPECIAL_TOKENS_MASK, WORD_IDS }

    private final String what;
    private final List<String> shown = new ArrayList<>();
    private int count;
    private int compared;

    Mismatches(String what) {
        this.what = what;
    }

    int count() {
        return count;
    }

    int compared() {
        return compared;
    }

    /**
     * Compares {@code ours} with {@code ref} on ids and {@code fields}; offsets are compared in code points, the
     * unit Hugging Face reports.
     *
     * @param where  names the input for the report, e.g. {@code "line 17 (with special tokens)"}
     * @param text   the input text (the first text of a pair)
     * @return whether they agree
     */
    boolean compare(String where, String text, RefEncoding ref, Encoding ours, Field... fields) {
        compared++;
        int[] ids = ours.ids();
        int first = firstDifference(ref.ids(), ids);
        String field = first >= 0 ? "ids" : null;
        Offsets off = null;
        for (Field f : fields) {
            if (field != null && first >= 0) {
                break;
            }
            int d;
            switch (f) {
                case OFFSETS -> {
                    off = ours.offsets(OffsetUnit.CODE_POINT);
                    d = Math.min(orMax(firstDifference(ref.starts(), off.starts())),
                            orMax(firstDifference(ref.ends(), off.ends())));
                    d = d == Integer.MAX_VALUE ? -1 : d;
                }
                case TYPE_IDS -> d = firstDifference(ref.typeIds(), ours.typeIds());
                case ATTENTION_MASK -> d = firstDifference(ref.attentionMask(), ours.attentionMask());
                case SPECIAL_TOKENS_MASK -> d = firstDifference(ref.specialTokensMask(), ours.specialTokensMask());
                case WORD_IDS -> d = firstDifference(ref.wordIds(), ours.wordIds());
                default -> throw new AssertionError(f);
            }
            if (d >= 0) {
                first = d;
                field = f.name().toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (first < 0) {
            return true;
        }
        count++;
        if (shown.size() < SHOWN) {
            if (off == null) {
                off = ours.offsets(OffsetUnit.CODE_POINT);
            }
            shown.add(describe(where, field, first, text, ref, ours, off));
        }
        return false;
    }

    /** Records a difference found by other means. */
    void add(String where, String detail) {
        compared++;
        count++;
        if (shown.size() < SHOWN) {
            shown.add(where + ": " + detail);
        }
    }

    /** Fails with the report when anything differed. */
    void assertNone() {
        if (count == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(": ").append(count).append(" of ").append(compared)
                .append(" encodings differ from the reference; the first ").append(shown.size()).append(":\n");
        for (String s : shown) {
            sb.append("\n").append(s).append('\n');
        }
        fail(sb.toString());
    }

    private static int orMax(int d) {
        return d < 0 ? Integer.MAX_VALUE : d;
    }

    /** The first index where the arrays differ (the shorter length when one is a prefix), or -1. */
    static int firstDifference(int[] a, int[] b) {
        int d = Arrays.mismatch(a, b);
        return d;
    }

    private static String describe(String where, String field, int at, String text, RefEncoding ref, Encoding ours,
                                   Offsets off) {
        StringBuilder sb = new StringBuilder();
        sb.append(where).append(": ").append(field).append(" differ at token ").append(at)
                .append(" (reference has ").append(ref.size()).append(" tokens, ours ").append(ours.size())
                .append(")\n");
        int cpStart = at < ref.size() ? ref.starts()[at] : at < ours.size() ? off.start(at) : 0;
        sb.append("  text: ").append(excerpt(text, cpStart)).append('\n');
        int from = Math.max(0, at - TOKEN_CONTEXT);
        sb.append("  reference: ").append(window(ref.tokens(), ref.ids(), ref.starts(), ref.ends(), from, at))
                .append('\n');
        List<String> ourTokens = ours.tokens();
        sb.append("  ours:      ").append(window(ourTokens.toArray(new String[0]), ours.ids(), off.starts(),
                off.ends(), from, at));
        if (!field.equals("ids") && !field.equals("offsets")) {
            sb.append("\n  ").append(field).append(" reference: ")
                    .append(Arrays.toString(slice(fieldOf(ref, field), from))).append("\n  ").append(field)
                    .append(" ours:      ").append(Arrays.toString(slice(fieldOf(ours, field), from)));
        }
        return sb.toString();
    }

    private static int[] fieldOf(RefEncoding r, String field) {
        return switch (field) {
            case "type_ids" -> r.typeIds();
            case "attention_mask" -> r.attentionMask();
            case "special_tokens_mask" -> r.specialTokensMask();
            case "word_ids" -> r.wordIds();
            default -> r.ids();
        };
    }

    private static int[] fieldOf(Encoding e, String field) {
        return switch (field) {
            case "type_ids" -> e.typeIds();
            case "attention_mask" -> e.attentionMask();
            case "special_tokens_mask" -> e.specialTokensMask();
            case "word_ids" -> e.wordIds();
            default -> e.ids();
        };
    }

    private static int[] slice(int[] a, int from) {
        return Arrays.copyOfRange(a, Math.min(from, a.length), Math.min(a.length, from + 2 * TOKEN_CONTEXT + 1));
    }

    private static String window(String[] tokens, int[] ids, int[] starts, int[] ends, int from, int at) {
        StringBuilder sb = new StringBuilder();
        if (from > 0) {
            sb.append("... ");
        }
        int to = Math.min(ids.length, at + TOKEN_CONTEXT + 1);
        for (int i = from; i < to; i++) {
            if (i == at) {
                sb.append(">>");
            }
            sb.append(tokens[i]).append('/').append(ids[i]).append('(').append(starts[i]).append(',')
                    .append(ends[i]).append(") ");
        }
        if (to < ids.length) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** The text around code point {@code cp}, with invisible characters escaped so the report shows them. */
    static String excerpt(String text, int cp) {
        int cps = text.codePointCount(0, text.length());
        int from = Math.max(0, Math.min(cp, cps) - TEXT_CONTEXT);
        int to = Math.min(cps, Math.min(cp, cps) + TEXT_CONTEXT);
        String part = text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to));
        return (from > 0 ? "..." : "") + escape(part) + (to < cps ? "..." : "") + " [" + cps + " code points]";
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean visible = c >= 0x20 && c != 0x7F && type != Character.CONTROL && type != Character.FORMAT
                    && type != Character.SURROGATE && type != Character.UNASSIGNED
                    && !(Character.isWhitespace(c) && c != ' ') && !Character.isSpaceChar(c) || c == ' ';
            if (visible) {
                sb.appendCodePoint(c);
            } else {
                sb.append(String.format("\\u{%X}", c));
            }
        }
        return sb.toString();
    }
}
