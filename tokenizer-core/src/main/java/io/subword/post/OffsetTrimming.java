package io.subword.post;

import io.subword.Encoding;

import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face's {@code process_offsets} (byte-level post-processing with {@code trim_offsets}): a token's offsets
 * are narrowed to leave out the spaces at its ends, counting {@code Ġ} and whitespace characters of the token
 * string. Only when {@code addPrefixSpace} is set and the token is the first (index 0 or start offset 0) is one
 * leading space kept, because it is the space the pre-tokenizer added and it already has the offsets of the
 * first character.
 */
final class OffsetTrimming {
    private static final char SPACE_CHAR = '\u0120';

    private OffsetTrimming() {
    }

    /** {@code e} with trimmed offsets, its overflowing parts trimmed the same way. */
    static Encoding trim(Encoding e, boolean addPrefixSpace) {
        Encoding trimmed = trimOne(e, addPrefixSpace);
        if (e.overflowing().isEmpty()) {
            return trimmed;
        }
        List<Encoding> over = new ArrayList<>(e.overflowing().size());
        for (Encoding o : e.overflowing()) {
            over.add(trim(o, addPrefixSpace));
        }
        return trimmed.withOverflowing(over);
    }

    private static Encoding trimOne(Encoding e, boolean addPrefixSpace) {
        int n = e.size();
        int[] starts = e.offsets().starts();
        int[] ends = e.offsets().ends();
        List<String> tokens = e.tokens();
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i);
            if (token == null || token.isEmpty()) {
                continue;
            }
            int leading = leadingSpaces(token);
            int trailing = trailingSpaces(token);
            if (leading == 0 && trailing == 0) {
                continue;
            }
            if (leading > 0) {
                boolean first = i == 0 || starts[i] == 0;
                if (first && addPrefixSpace && leading == 1) {
                    leading = 0;
                }
                starts[i] = Math.min(starts[i] + leading, ends[i]);
            }
            if (trailing > 0 && ends[i] >= trailing) {
                ends[i] = Math.max(ends[i] - trailing, starts[i]);
            }
            changed = true;
        }
        return changed ? e.withOffsets(starts, ends) : e;
    }

    private static int leadingSpaces(String token) {
        int count = 0;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            if (!isSpace(cp)) {
                break;
            }
            count++;
            i += Character.charCount(cp);
        }
        return count;
    }

    private static int trailingSpaces(String token) {
        int count = 0;
        for (int i = token.length(); i > 0; ) {
            int cp = token.codePointBefore(i);
            if (!isSpace(cp)) {
                break;
            }
            count++;
            i -= Character.charCount(cp);
        }
        return count;
    }

    /** {@code Ġ} or Unicode White_Space (Rust's {@code char::is_whitespace}). */
    private static boolean isSpace(int cp) {
        if (cp == SPACE_CHAR || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
