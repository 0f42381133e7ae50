package io.subword.cli;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Offsets;
import io.subword.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code subword inspect}: how each word splits, for a person to read:
 * <pre>
 * inimagináveis -> in ##ima ##gin ##ave ##is
 *     ids      1999  2345   ...
 *     offsets  0:2   2:5    ...
 * </pre>
 * Ids and offsets (code points) are aligned in columns, one column per token. The tokenizer's padding and
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
        Tokenizer loaded = tokenizer.load();
        // A tokenizer.json may fix padding and truncation (BERT's: 128); a split is shown whole and unpadded.
        Tokenizer tok = loaded.padding() == null && loaded.truncation() == null ? loaded
                : loaded.toBuilder().padding(null).truncation(null).build();
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder sb = new StringBuilder();
        for (String word : words) {
            sb.setLength(0);
            describe(sb, word, tok.encode(word, special));
            out.print(sb);
        }
        out.flush();
        return ErrorHandler.OK;
    }

    /** Appends the three lines for {@code word}. */
    static void describe(StringBuilder sb, String word, Encoding e) {
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
        String[] ids = new String[e.size()];
        String[] spans = new String[e.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.toString(e.id(i));
            spans[i] = o.start(i) + ":" + o.end(i);
        }
        row(sb, "ids", ids, spans);
        row(sb, "offsets", spans, ids);
    }

    /** {@code "    label    v0  v1 ..."}, each column as wide as the wider of the two rows. */
    private static void row(StringBuilder sb, String label, String[] cells, String[] other) {
        sb.append("    ").append(label).append(" ".repeat(9 - label.length()));
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i + 1 < cells.length) {
                sb.append(" ".repeat(Math.max(cells[i].length(), other[i].length()) - cells[i].length() + 2));
            }
        }
        sb.append('\n');
    }
}
