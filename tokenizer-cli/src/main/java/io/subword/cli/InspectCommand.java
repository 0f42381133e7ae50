package io.subword.cli;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Offsets;
import io.subword.Tokenizer;
import io.subword.vocab.ByteAlphabet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code subword inspect}: how each word splits, for a person to read:
 * <pre>
 * inimagináveis -> in ##ima ##gin ##ave ##is
 *     ids      1999  2345   ...
 *     offsets  0:2   2:5    ...
 * </pre>
 * Ids and offsets (code points) are aligned in columns, one column per token. For a byte-level tokenizer (GPT-2,
 * tiktoken) a {@code text} row shows what each token spells ({@code áveis} for the token {@code Ã¡veis}). The tokenizer's padding and
 * truncation, if its file sets them, are turned off.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show how each word splits into tokens, with their ids and offsets (in code points).")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TokenizerOption tokenizer;

    @Option(names = "--special", negatable = true,
            description = "Add the tokenizer's special tokens, such as [CLS] and [SEP] (default: --no-special).")
    boolean special;

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "Words (or any text) to split.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        StartupTiming.mark("arguments parsed");
        Tokenizer loaded = tokenizer.load();
        StartupTiming.mark("tokenizer loaded");
        // A tokenizer.json may fix padding and truncation (BERT's: 128); a split is shown whole and unpadded.
        Tokenizer tok = loaded.padding() == null && loaded.truncation() == null ? loaded
                : loaded.toBuilder().padding(null).truncation(null).build();
        boolean byteLevel = tok.model().isByteLevel();
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder sb = new StringBuilder();
        for (String word : words) {
            sb.setLength(0);
            describe(sb, word, tok.encode(word, special), byteLevel);
            out.print(sb);
        }
        out.flush();
        return ErrorHandler.OK;
    }

    /** Appends the lines for {@code word}: its tokens, then ids and offsets in columns. */
    static void describe(StringBuilder sb, String word, Encoding e) {
        describe(sb, word, e, false);
    }

    /**
     * As above; {@code byteLevel} adds a row with the text of each piece, since a byte-level token spells bytes
     * ({@code Ã¡veis} is the UTF-8 of {@code áveis}). A piece that ends inside a character shows the bytes it
     * holds of it as {@code \xNN}.
     */
    static void describe(StringBuilder sb, String word, Encoding e, boolean byteLevel) {
        OutputFormat.appendToken(sb, word);
        sb.append(" ->");
        if (e.size() == 0) {
            sb.append(" (no tokens)\n");
            return;
        }
        List<String> tokens = e.tokens();
        for (String t : tokens) {
            OutputFormat.appendToken(sb.append(' '), t);
        }
        sb.append('\n');
        Offsets o = e.offsets(OffsetUnit.CODE_POINT);
        int n = e.size();
        String[] ids = new String[n];
        String[] spans = new String[n];
        String[] texts = new String[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(e.id(i));
            spans[i] = o.start(i) + ":" + o.end(i);
            widths[i] = Math.max(ids[i].length(), spans[i].length());
            if (byteLevel) {
                StringBuilder t = new StringBuilder();
                OutputFormat.appendToken(t, pieceText(tokens.get(i), e.specialTokensMask()[i] == 1));
                texts[i] = t.toString();
                widths[i] = Math.max(widths[i], texts[i].codePointCount(0, texts[i].length()));
            }
        }
        if (byteLevel) {
            row(sb, "text", texts, widths);
        }
        row(sb, "ids", ids, widths);
        row(sb, "offsets", spans, widths);
    }

    /** The text a byte-level token spells; a special token, or one outside the byte alphabet, as it is. */
    static String pieceText(String token, boolean special) {
        if (special || !ByteAlphabet.isByteLevel(token)) {
            return token;
        }
        byte[] bytes = ByteAlphabet.decode(token);
        StringBuilder sb = new StringBuilder();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int i = 0;
        while (i < bytes.length) {
            int len = sequenceLength(bytes[i]);
            if (len > 0 && i + len <= bytes.length) {
                try {
                    sb.append(decoder.reset().decode(ByteBuffer.wrap(bytes, i, len)));
                    i += len;
                    continue;
                } catch (CharacterCodingException notACharacter) {
                    // shown as bytes below
                }
            }
            sb.append(String.format(Locale.ROOT, "\\x%02x", bytes[i] & 0xff));
            i++;
        }
        return sb.toString();
    }

    /** The length of the UTF-8 sequence that starts with {@code b}, or 0 for a byte that cannot start one. */
    private static int sequenceLength(byte b) {
        int u = b & 0xff;
        return u < 0x80 ? 1 : u >= 0xC2 && u < 0xE0 ? 2 : u >= 0xE0 && u < 0xF0 ? 3 : u >= 0xF0 && u < 0xF5 ? 4 : 0;
    }

    /** {@code "    label    v0  v1 ..."}, each column {@code widths[i]} wide. */
    private static void row(StringBuilder sb, String label, String[] cells, int[] widths) {
        sb.append("    ").append(label).append(" ".repeat(9 - label.length()));
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i + 1 < cells.length) {
                sb.append(" ".repeat(widths[i] - cells[i].codePointCount(0, cells[i].length()) + 2));
            }
        }
        sb.append('\n');
    }
}
