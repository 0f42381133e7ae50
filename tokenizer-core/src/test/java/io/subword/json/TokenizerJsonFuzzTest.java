package io.subword.json;

import io.subword.Tokenizer;
import io.subword.testkit.HostileFiles;
import io.subword.testkit.Mutations;
import io.subword.testkit.Mutations.Mutation;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the tokenizer.json reader with mutated valid files: it either throws a {@link TokenizerJsonException}
 * naming the file, or returns a tokenizer that encodes and decodes a probe text without throwing.
 */
class TokenizerJsonFuzzTest {
    private static final HostileFiles FILES = new HostileFiles(TokenizerJsonException.class);
    private static final AtomicLong LOADED = new AtomicLong();
    private static final byte[] BASE = HostileTokenizerJsonTest.BASE.getBytes(StandardCharsets.UTF_8);
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("tokenizer-json-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutations.arbitrary(5);
    }

    @Property(seed = "20240610")
    void mutatedTokenizerJson(@ForAll("mutations") List<Mutation> m) throws IOException {
        FILES.checkNamesFile(DIR, "tokenizer.json", Mutations.apply(BASE, m), file -> {
            Tokenizer t = TokenizerJson.read(file);
            LOADED.incrementAndGet();
            for (String probe : List.of("Hello worlds!", "", "\uD800 x\u0301 \uD83D\uDE00 [CLS]")) {
                int[] ids = t.encode(probe).ids();
                try {
                    t.decode(ids);
                } catch (IllegalArgumentException e) {
                    // documented: a post-processor may name an id the vocabulary lacks; decode names it
                    assertTrue(e.getMessage().startsWith("id "), e.getMessage());
                }
            }
            return "loaded";
        });
    }

    @AfterContainer
    static void report() throws IOException {
        System.out.println(FILES.report("mutated tokenizer.json files, " + LOADED.get()
                + " still loadable, and they encode"));
        Files.deleteIfExists(DIR.resolve("tokenizer.json"));
        Files.deleteIfExists(DIR);
    }
}
