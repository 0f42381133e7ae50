package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.pretokenize.SplitPattern;
import io.subword.testkit.RealData;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * One of the processes of {@code TokenizerCacheTest}'s race: loads a tokenizer.json and a tiktoken file through the
 * cache in {@code args[0]} and prints what they encode.
 */
public final class CacheRaceMain {
    private CacheRaceMain() {
    }

    public static void main(String[] args) throws Exception {
        TokenizerCache cache = new TokenizerCache(Path.of(args[0]));
        Tokenizer json = cache.tokenizerJson(Path.of(args[1]));
        Tokenizer ranks = cache.tiktoken(Path.of(args[2]), SplitPattern.GPT2, Map.of());
        System.out.println(encodeAll(json, ranks));
    }

    /** The ids of a few hundred Europarl lines through each tokenizer, one line per tokenizer. */
    static String encodeAll(Tokenizer... tokenizers) {
        StringBuilder out = new StringBuilder();
        for (Tokenizer t : tokenizers) {
            for (String line : RealData.europarlLines().subList(0, 200)) {
                out.append(Arrays.toString(t.encode(line).ids()));
            }
            out.append('\n');
        }
        return out.toString().strip();
    }
}
