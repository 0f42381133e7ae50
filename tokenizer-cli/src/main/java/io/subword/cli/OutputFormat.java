package io.subword.cli;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Offsets;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How {@code subword encode} writes one encoding as one line (without the newline). {@code ids} and
 * {@code tokens} are space-separated, optionally followed by a tab and {@code start:end} offsets (a lone tab
 * when there are no tokens, so that every line has two columns);
 * {@code json} is one object with every field, so it is the exact form (a token may hold a space).
 */
enum OutputFormat {
    /** {@code 101 7592 102}. */
    IDS {
        @Override
        void append(StringBuilder sb, Encoding e, boolean offsets, OffsetUnit unit) {
            for (int i = 0; i < e.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(e.id(i));
            }
            if (offsets) {
                appendOffsets(sb.append('\t'), e.offsets(unit));
            }
        }

        /** The hot path of {@code subword encode}: digits straight into the byte buffer. */
        @Override
        void write(Utf8Line line, Encoding e, boolean offsets, OffsetUnit unit, StringBuilder scratch) {
            line.appendJoined(e.ids(), 0, e.size(), ' ');
            if (offsets) {
                line.append('\t');
                Offsets o = e.offsets(unit);
                for (int i = 0; i < o.size(); i++) {
                    if (i > 0) {
                        line.append(' ');
                    }
                    line.append(o.start(i)).append(':').append(o.end(i));
                }
            }
        }
    },
    /** {@code [CLS] hello ##s [SEP]}, with control characters in tokens escaped so the line stays one line. */
    TOKENS {
        @Override
        void append(StringBuilder sb, Encoding e, boolean offsets, OffsetUnit unit) {
            List<String> tokens = e.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                appendToken(sb, tokens.get(i));
            }
            if (offsets) {
                appendOffsets(sb.append('\t'), e.offsets(unit));
            }
        }
    },
    /**
     * {@code {"ids":[..],"tokens":[..],"offsets":[[s,e],..],"type_ids":[..],"attention_mask":[..],
     * "special_tokens_mask":[..],"word_ids":[0,null,..]}}, offsets always included, in the chosen unit.
     */
    JSON {
        @Override
        void append(StringBuilder sb, Encoding e, boolean offsets, OffsetUnit unit) {
            Json.ints(sb.append("{\"ids\":"), e.ids());
            sb.append(",\"tokens\":[");
            List<String> tokens = e.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Json.string(sb, tokens.get(i));
            }
            sb.append("],\"offsets\":[");
            Offsets o = e.offsets(unit);
            for (int i = 0; i < o.size(); i++) {
                sb.append(i > 0 ? ",[" : "[").append(o.start(i)).append(',').append(o.end(i)).append(']');
            }
            Json.ints(sb.append("],\"type_ids\":"), e.typeIds());
            Json.ints(sb.append(",\"attention_mask\":"), e.attentionMask());
            Json.ints(sb.append(",\"special_tokens_mask\":"), e.specialTokensMask());
            sb.append(",\"word_ids\":[");
            int[] words = e.wordIds();
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (words[i] < 0) {
                    sb.append("null");
                } else {
                    sb.append(words[i]);
                }
            }
            sb.append("]}");
        }
    };

    /** Appends the line for {@code e}; {@code offsets} asks the text formats for the offset column. */
    abstract void append(StringBuilder sb, Encoding e, boolean offsets, OffsetUnit unit);

    /** Appends the line for {@code e} to {@code line} as UTF-8 ({@code scratch} is reused between calls). */
    void write(Utf8Line line, Encoding e, boolean offsets, OffsetUnit unit, StringBuilder scratch) {
        scratch.setLength(0);
        append(scratch, e, offsets, unit);
        line.append(scratch);
    }

    /** {@code 0:5 5:8}. */
    static void appendOffsets(StringBuilder sb, Offsets o) {
        for (int i = 0; i < o.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(o.start(i)).append(':').append(o.end(i));
        }
    }

    /** A token for people: tab, line breaks and other control characters as escapes, the rest as it is. */
    static void appendToken(StringBuilder sb, String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /** {@code --format}: the lower-case names, with a message that lists them as the user types them. */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : values()) {
                if (f.toString().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of " + Arrays.toString(values()));
        }
    }

    /** Lower-case, as the user types it and as help lists it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
