package io.subword.vocab.io;

import io.subword.testkit.HostileFiles;
import io.subword.testkit.Mutations;
import io.subword.testkit.Mutations.Mutation;
import io.subword.vocab.Vocabulary;
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

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes every reader of this module with mutated valid files (jqwik generates and shrinks the mutation lists;
 * tries come from {@code jqwik.tries.default}, raised by {@code -Pfuzz-long}): a reader either returns a
 * result that holds together or throws {@link InputFormatException} naming the file; nothing else.
 */
class ReadersFuzzTest {
    private static final HostileFiles FILES = new HostileFiles(InputFormatException.class);
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("readers-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] VOCAB_TXT = "[PAD]\n[UNK]\nhello\n##s\nw\u00f6rld\n\uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VOCAB_JSON = "{\"a\": 0, \"b\": 1, \"ab\": 2, \"\\u0120c\": 3, \"q\\\"\\\\\": 4}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] MERGES_TXT = "#version: 0.2\na b\nab c\nb c\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TIKTOKEN = "IQ== 0\nYQ== 1\nYg== 2\nYWI= 3\n8J+YgA== 4\n".getBytes(StandardCharsets.UTF_8);
    private static final Vocabulary MERGE_VOCAB = Vocabulary.of("a", "b", "c", "ab", "abc", "bc");

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutations.arbitrary(6);
    }

    @Property(seed = "20240601")
    void vocabTxt(@ForAll("mutations") List<Mutation> m) throws IOException {
        check("vocab.txt", Mutations.apply(VOCAB_TXT, m), f -> {
            Vocabulary v = VocabTxt.read(f);
            assertTrue(v.isDense() && v.tokenCount() > 0);
        });
    }

    @Property(seed = "20240602")
    void vocabJson(@ForAll("mutations") List<Mutation> m) throws IOException {
        check("vocab.json", Mutations.apply(VOCAB_JSON, m), f -> {
            Vocabulary v = VocabJson.read(f);
            for (String t : v.tokens()) {
                if (t != null) {
                    assertTrue(v.id(t) >= 0);
                }
            }
        });
    }

    @Property(seed = "20240603")
    void mergesTxt(@ForAll("mutations") List<Mutation> m) throws IOException {
        check("merges.txt", Mutations.apply(MERGES_TXT, m), f -> {
            assertNotNull(MergesTxt.read(f));
            MergesTxt.read(f, MERGE_VOCAB);
        });
    }

    @Property(seed = "20240604")
    void tiktoken(@ForAll("mutations") List<Mutation> m) throws IOException {
        check("tiktoken", Mutations.apply(TIKTOKEN, m), f -> {
            TiktokenRanks r = TiktokenRanks.read(f);
            assertTrue(r.tokenCount() > 0 && r.size() <= TiktokenRanks.MAX_RANK);
            r.toVocabulary();
        });
    }

    @FunctionalInterface
    interface Reader {
        void read(Path file) throws Exception;
    }

    /** Writes the bytes, reads them; a InputFormatException must name the file. */
    static void check(String name, byte[] content, Reader reader) throws IOException {
        FILES.checkNamesFile(DIR, name, content, f -> {
            reader.read(f);
            return "read";
        });
    }

    @AfterContainer
    static void report() throws IOException {
        System.out.println(FILES.report("mutated vocab.txt/vocab.json/merges.txt/.tiktoken files"));
        try (var files = Files.list(DIR)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(DIR);
    }
}
