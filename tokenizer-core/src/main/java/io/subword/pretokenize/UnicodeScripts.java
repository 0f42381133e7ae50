package io.subword.pretokenize;

import io.subword.vocab.io.DataTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face's {@code UnicodeScripts} pre-tokenizer (SentencePiece's script split): a word ends where the
 * Unicode script changes. As in the reference:
 * <ul>
 *   <li>scripts come from Hugging Face's own table ({@code hf-scripts.txt}, written by
 *       {@code src/tools/hfscripts/gen.py} from its {@code scripts.rs}); code points outside it are "Any";</li>
 *   <li>Hiragana, Katakana and U+30FC count as Han; a space (U+0020 only) counts as Any;</li>
 *   <li>a character of script Any never starts a word and never changes the current script, so it stays with
 *       the word before it, and characters of script Any at the very start are dropped (Hugging Face's split
 *       starts at the first character with a script).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class UnicodeScripts implements PreTokenizer {
    public static final UnicodeScripts INSTANCE = new UnicodeScripts();

    private static final int ANY = 0;
    private static final String RESOURCE = "hf-scripts.txt";
    private static final short[] BMP = new short[0x10000];
    private static final int[] SUPP_FROM;
    private static final int[] SUPP_TO;
    private static final short[] SUPP_SCRIPT;
    private static final List<String> NAMES = new ArrayList<>(List.of("Any"));

    static {
        Map<String, Short> ids = new HashMap<>();
        ids.put("Any", (short) ANY);
        List<int[]> supp = new ArrayList<>();
        DataTables.forEachRow(UnicodeScripts.class.getResourceAsStream(RESOURCE), RESOURCE, f -> {
            int from = Integer.parseInt(f[0], 16);
            int to = Integer.parseInt(f[1], 16);
            short id = ids.computeIfAbsent(f[2], name -> {
                NAMES.add(name);
                return (short) (NAMES.size() - 1);
            });
            for (int c = from; c <= Math.min(to, 0xFFFF); c++) {
                BMP[c] = id;
            }
            if (to >= 0x10000) {
                supp.add(new int[] {Math.max(from, 0x10000), to, id});
            }
        });
        SUPP_FROM = supp.stream().mapToInt(a -> a[0]).toArray();
        SUPP_TO = supp.stream().mapToInt(a -> a[1]).toArray();
        SUPP_SCRIPT = new short[supp.size()];
        for (int i = 0; i < supp.size(); i++) {
            SUPP_SCRIPT[i] = (short) supp.get(i)[2];
        }
        short han = ids.get("Han");
        short hiragana = ids.get("Hiragana");
        short katakana = ids.get("Katakana");
        // the reference's fixed_script, folded into the table
        for (int c = 0; c < 0x10000; c++) {
            if (BMP[c] == hiragana || BMP[c] == katakana) {
                BMP[c] = han;
            }
        }
        for (int i = 0; i < SUPP_SCRIPT.length; i++) {
            if (SUPP_SCRIPT[i] == hiragana || SUPP_SCRIPT[i] == katakana) {
                SUPP_SCRIPT[i] = han;
            }
        }
        BMP[0x30FC] = han;
        BMP[' '] = ANY;
    }

    public UnicodeScripts() {
    }

    /** The script of {@code cp} as this pre-tokenizer sees it ("Any", "Latin", "Han" ...). */
    public static String scriptName(int cp) {
        return NAMES.get(script(cp));
    }

    private static int script(int cp) {
        if (cp < 0x10000) {
            return BMP[cp];
        }
        int i = Arrays.binarySearch(SUPP_FROM, cp);
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 && cp <= SUPP_TO[i] ? SUPP_SCRIPT[i] : ANY;
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        int last = -1;
        int wordStart = -1;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            int cp = c;
            int len = 1;
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                len = 2;
            }
            int s = script(cp);
            if (s != ANY) {
                if (s != last) {
                    if (wordStart >= 0) {
                        out.add(wordStart, i);
                    }
                    wordStart = i;
                }
                last = s;
            }
            i += len;
        }
        if (wordStart >= 0) {
            out.add(wordStart, end);
        }
    }

    @Override
    public String toString() {
        return "UnicodeScripts";
    }
}
