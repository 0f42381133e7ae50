package io.subword.cli;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.pretokenize.SplitPattern;
import io.subword.testkit.RealData;
import io.subword.vocab.MergeTable;
import io.subword.vocab.io.TiktokenRanks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up cache of parsed tokenizers: what it serves equals what parsing gives, a changed file is never served
 * from a stale entry, a corrupt entry is rebuilt rather than trusted, and processes that build one at once all get
 * correct results.
 */
class TokenizerCacheTest {
    @TempDir
    Path dir;

    /** The kinds of file the cache serves, made small: a WordPiece tokenizer.json and a tiktoken rank file. */
    enum Small { JSON, TIKTOKEN }

    /** "hello" is one token of both files; {@link #changeOneByte} turns it into "hellp". */
    private Path write(Small kind, Path file) throws Exception {
        if (kind == Small.JSON) {
            TokenizerJson.write(Tokenizers.fromVocabTxt(CliRun.writeVocab(dir), true), file);
        } else {
            List<byte[]> tokens = new ArrayList<>();
            for (int b = 0; b < 256; b++) {
                tokens.add(new byte[] {(byte) b});
            }
            for (String t : List.of("he", "ll", "hell", "hello", "wor", "world", " w", " world")) {
                tokens.add(t.getBytes(StandardCharsets.US_ASCII));
            }
            TiktokenRanks.of(tokens).write(file);
        }
        return file;
    }

    private static Tokenizer load(TokenizerCache cache, Small kind, Path file) throws Exception {
        return kind == Small.JSON ? cache.tokenizerJson(file) : cache.tiktoken(file, SplitPattern.CL100K, Map.of());
    }

    private static Tokenizer parse(Small kind, Path file) throws Exception {
        return kind == Small.JSON ? Tokenizers.fromFile(file)
                : Tokenizers.tiktoken(TiktokenRanks.read(file), SplitPattern.CL100K, Map.of());
    }

    private static final String TEXT = "hello world, hellos; Hello World!";

    /** The one entry in the cache folder. */
    private static Path onlyEntry(Path cacheDir) throws IOException {
        try (var files = Files.list(cacheDir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all::toString);
            return all.get(0);
        }
    }

    private static Object identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.fileKey() + "@" + a.lastModifiedTime().toMillis();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "TIKTOKEN"})
    void theSecondLoadIsServedFromTheEntryTheFirstWrote(Small kind) throws Exception {
        Path file = write(kind, dir.resolve(kind == Small.JSON ? "tokenizer.json" : "ranks.tiktoken"));
        TokenizerCache cache = new TokenizerCache(dir.resolve("cache"));
        Tokenizer first = load(cache, kind, file);
        Path entry = onlyEntry(dir.resolve("cache"));
        Object written = identity(entry);
        Tokenizer second = load(cache, kind, file);
        assertEquals(written, identity(entry), "the entry was read, not rewritten");
        Encoding expected = parse(kind, file).encode(TEXT);
        for (Tokenizer t : List.of(first, second)) {
            assertArrayEquals(expected.ids(), t.encode(TEXT).ids());
            assertEquals(expected.offsets(), t.encode(TEXT).offsets());
        }
    }

    /** Replaces the first "hello" of the file with "hellp" ("helld" in base64 in a rank file): one byte. */
    private static void changeOneByte(Small kind, Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String from = kind == Small.JSON ? "\"hello\"" : "aGVsbG8=";
        String to = kind == Small.JSON ? "\"hellp\"" : "aGVsbGQ=";
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        assertTrue(at >= 0, text);
        byte[] changed = (text.substring(0, at) + to + text.substring(at + from.length()))
                .getBytes(StandardCharsets.ISO_8859_1);
        int differing = 0;
        for (int i = 0; i < content.length; i++) {
            differing += content[i] != changed[i] ? 1 : 0;
        }
        assertEquals(1, differing);
        Files.write(file, changed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "TIKTOKEN"})
    void aFileChangedInOneByteIsNeverServedFromTheCache(Small kind) throws Exception {
        Path file = write(kind, dir.resolve(kind == Small.JSON ? "tokenizer.json" : "ranks.tiktoken"));
        TokenizerCache cache = new TokenizerCache(dir.resolve("cache"));
        int[] before = load(cache, kind, file).encode("hello").ids();
        var time = Files.getLastModifiedTime(file);
        changeOneByte(kind, file);
        Files.setLastModifiedTime(file, time); // a cache keyed by time and size would miss the change
        int[] after = load(cache, kind, file).encode("hello").ids();
        assertArrayEquals(parse(kind, file).encode("hello").ids(), after);
        assertNotEquals(Arrays.toString(before), Arrays.toString(after));
        // ... and going back to the first content is served again from its own entry
        write(kind, file);
        assertArrayEquals(before, load(cache, kind, file).encode("hello").ids());
    }

    @Test
    void aFileReplacedByAnotherIsServedAsTheOther() throws Exception {
        TokenizerCache cache = new TokenizerCache(dir.resolve("cache"));
        Path file = write(Small.JSON, dir.resolve("tokenizer.json"));
        Path other = dir.resolve("other.json");
        TokenizerJson.write(Tokenizers.fromVocabTxt(CliRun.writeVocab(dir), false), other); // cased
        assertEquals("[2, 5, 3]", Arrays.toString(cache.tokenizerJson(file).encode("Hello").ids()));
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("[2, 10, 3]", Arrays.toString(cache.tokenizerJson(file).encode("Hello").ids()));
    }

    /** Ways an entry can be damaged: by a crash, a full disk, a bad copy, or another program. */
    enum Damage { EMPTY, HALF, ONE_BYTE_SHORT, BYTE_APPENDED, PAYLOAD_BYTE_FLIPPED, HEADER_BYTE_FLIPPED, LAST_BYTE_FLIPPED }

    private static byte[] damage(byte[] entry, Damage d) {
        byte[] b = entry.clone();
        return switch (d) {
            case EMPTY -> new byte[0];
            case HALF -> Arrays.copyOf(b, b.length / 2);
            case ONE_BYTE_SHORT -> Arrays.copyOf(b, b.length - 1);
            case BYTE_APPENDED -> Arrays.copyOf(b, b.length + 1);
            case PAYLOAD_BYTE_FLIPPED -> {
                b[b.length / 2] ^= 0x20;
                yield b;
            }
            case HEADER_BYTE_FLIPPED -> {
                b[5] ^= 1;
                yield b;
            }
            case LAST_BYTE_FLIPPED -> {
                b[b.length - 1] ^= 1;
                yield b;
            }
        };
    }

    @ParameterizedTest
    @CsvSource({
            "JSON, EMPTY", "JSON, HALF", "JSON, ONE_BYTE_SHORT", "JSON, BYTE_APPENDED", "JSON, PAYLOAD_BYTE_FLIPPED",
            "JSON, HEADER_BYTE_FLIPPED", "JSON, LAST_BYTE_FLIPPED",
            "TIKTOKEN, EMPTY", "TIKTOKEN, HALF", "TIKTOKEN, ONE_BYTE_SHORT", "TIKTOKEN, BYTE_APPENDED",
            "TIKTOKEN, PAYLOAD_BYTE_FLIPPED", "TIKTOKEN, HEADER_BYTE_FLIPPED", "TIKTOKEN, LAST_BYTE_FLIPPED",
    })
    void aDamagedEntryIsRebuiltNotTrusted(Small kind, Damage d) throws Exception {
        Path file = write(kind, dir.resolve(kind == Small.JSON ? "tokenizer.json" : "ranks.tiktoken"));
        TokenizerCache cache = new TokenizerCache(dir.resolve("cache"));
        load(cache, kind, file);
        Path entry = onlyEntry(dir.resolve("cache"));
        byte[] good = Files.readAllBytes(entry);
        Files.write(entry, damage(good, d));
        Encoding expected = parse(kind, file).encode(TEXT);
        Encoding got = load(cache, kind, file).encode(TEXT);
        assertArrayEquals(expected.ids(), got.ids());
        assertEquals(expected.offsets(), got.offsets());
        assertArrayEquals(good, Files.readAllBytes(entry), "the entry was written again, whole");
    }

    @Test
    void anotherFilesEntryUnderThisNameIsNotTrusted() throws Exception {
        TokenizerCache cache = new TokenizerCache(dir.resolve("cache"));
        Path a = write(Small.JSON, dir.resolve("a.json"));
        Path b = dir.resolve("b.json");
        TokenizerJson.write(Tokenizers.fromVocabTxt(CliRun.writeVocab(dir), false), b);
        cache.tokenizerJson(a);
        Path entryA = onlyEntry(dir.resolve("cache"));
        Path entryB = cache.entry(TokenizerCache.Key.of(TokenizerCache.Kind.WORDPIECE_JSON, Files.readAllBytes(b)));
        Files.copy(entryA, entryB); // a valid entry, of the wrong file
        assertEquals("[2, 10, 3]", Arrays.toString(cache.tokenizerJson(b).encode("Hello").ids()));
    }

    @Test
    void processesBuildingTheSameEntryAtOnceAllGetCorrectResults() throws Exception {
        Path json = write(Small.JSON, dir.resolve("tokenizer.json"));
        Path ranks = write(Small.TIKTOKEN, dir.resolve("ranks.tiktoken"));
        int[] expectedJson = parse(Small.JSON, json).encode(TEXT).ids();
        int[] expectedRanks = parse(Small.TIKTOKEN, ranks).encode(TEXT).ids();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 25; round++) {
                Path cacheDir = dir.resolve("cache" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Small kind = t % 2 == 0 ? Small.JSON : Small.TIKTOKEN;
                    results.add(pool.submit(() -> {
                        start.await();
                        TokenizerCache cache = new TokenizerCache(cacheDir); // as a separate process would
                        StringBuilder seen = new StringBuilder();
                        for (int i = 0; i < 3; i++) { // the first may build, the later ones read what one built
                            Path file = kind == Small.JSON ? json : ranks;
                            seen.append(Arrays.toString(load(cache, kind, file).encode(TEXT).ids()));
                        }
                        return kind + seen.toString();
                    }));
                }
                start.countDown();
                for (Future<String> f : results) {
                    String r = f.get(60, TimeUnit.SECONDS);
                    String one = Arrays.toString(r.startsWith("JSON") ? expectedJson : expectedRanks);
                    assertEquals((r.startsWith("JSON") ? "JSON" : "TIKTOKEN") + one + one + one, r);
                }
                try (var files = Files.list(cacheDir)) {
                    assertEquals(2, files.count(), "one entry per file, no temporary file left behind");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Two JVMs, started together, building the same entries of real files; each prints what it encoded. */
    @Test
    void twoJvmsBuildingTheSameEntriesAtOnceBothGetCorrectResults() throws Exception {
        Path bert = RealData.bertUncasedTokenizerJson();
        Path cacheDir = dir.resolve("cache");
        String expected = CacheRaceMain.encodeAll(Tokenizers.fromFile(bert), Tokenizers.tiktoken(
                TiktokenRanks.read(RealData.tiktoken("r50k_base")), SplitPattern.GPT2, Map.of()));
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    CacheRaceMain.class.getName(), cacheDir.toString(), bert.toString(),
                    RealData.tiktoken("r50k_base").toString())
                    .redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertEquals(expected, out.strip());
        }
        try (var files = Files.list(cacheDir)) {
            assertEquals(2, files.count());
        }
    }

    /** On real files the cached tokenizer is the parsed one: the same tokenizer.json, or the same ranks and pairs. */
    @Test
    void realTokenizersComeBackFromTheCacheUnchanged() throws Exception {
        TokenizerCache cache = new TokenizerCache(dir.resolve("cache"));
        Path bert = RealData.bertUncasedTokenizerJson();
        cache.tokenizerJson(bert);
        Tokenizer cachedBert = cache.tokenizerJson(bert);
        Tokenizer parsedBert = Tokenizers.fromFile(bert);
        assertEquals(TokenizerJson.toJson(parsedBert), TokenizerJson.toJson(cachedBert));

        Path cl100k = RealData.tiktoken("cl100k_base");
        var encoding = io.subword.TiktokenEncoding.forName("cl100k_base");
        cache.tiktoken(cl100k, encoding.pattern(), encoding.specialTokens());
        Tokenizer cached = cache.tiktoken(cl100k, encoding.pattern(), encoding.specialTokens());
        Tokenizer parsed = Tokenizers.fromTiktoken(cl100k, encoding);
        assertEquals(parsed.model().vocabulary().tokens(), cached.model().vocabulary().tokens());
        assertEquals(pairs(((io.subword.bpe.Bpe) parsed.model()).merges()),
                pairs(((io.subword.bpe.Bpe) cached.model()).merges()));
        assertEquals(parsed.addedTokens(), cached.addedTokens());
        List<String> lines = RealData.europarlLines().subList(0, 100);
        for (String line : lines) {
            assertArrayEquals(parsed.encode(line).ids(), cached.encode(line).ids(), line);
            assertArrayEquals(parsedBert.encode(line).ids(), cachedBert.encode(line).ids(), line);
        }
    }

    private static Map<Long, Long> pairs(MergeTable table) {
        Map<Long, Long> all = new HashMap<>(); // boxed: fastutil is not a declared dependency of the CLI
        table.forEachPair((left, right, entry) -> all.put(((long) left << 32) | right, entry));
        return all;
    }
}
