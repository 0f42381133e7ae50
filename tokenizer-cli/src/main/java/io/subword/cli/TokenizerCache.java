package io.subword.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.bpe.Bpe;
import io.subword.json.Codecs;
import io.subword.json.ComponentCodec;
import io.subword.json.Stage;
import io.subword.json.TokenizerJson;
import io.subword.model.Model;
import io.subword.pretokenize.SplitPattern;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.TiktokenRanks;
import io.subword.vocab.io.InputFormatException;
import io.subword.wordpiece.WordPiece;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A binary cache of parsed tokenizers, so that a command run again on the same file does not parse it again: the
 * {@code tokenizer.json} of a WordPiece model (BERT and its kin) and tiktoken rank files (by path or by name, such
 * as {@code cl100k_base}). Parsing them is most of a one-line {@code encode}: Jackson's tree of BERT's 30,522-entry
 * vocabulary, or finding the 100,000s of mergeable pairs of cl100k's ranks.
 *
 * <p>What is stored is mostly the data the models are built from, not their private fields, so that a change to
 * their internals (the merge engine) needs no new cache format: for WordPiece the vocabulary, the tokenizer.json
 * without it (read back through {@link TokenizerJson} with a model codec that takes the stored vocabulary), and the
 * matching automaton, whose build was most of the load in a fresh JVM (it carries its own layout version, checked
 * on reading: {@link WordPiece#withStoredTrie}); for tiktoken the vocabulary and the pairs of its merge table by
 * concatenation.
 *
 * <p>Safety, each part tested in {@code TokenizerCacheTest}:
 * <ul>
 *   <li>An entry is found by a key computed from the file's <em>content</em> (its length, CRC-32C and CRC-32,
 *       two checks that each catch any change of up to 4 consecutive bytes), never by its name or time, so a
 *       changed or replaced file is never served from a stale entry. Hashing costs under a millisecond for
 *       BERT's 0.7 MB, against tens to hundreds for parsing.</li>
 *   <li>An entry holds its key and a CRC-32C of its payload, checked before anything is read: a truncated,
 *       corrupt or foreign file is ignored, and rebuilt from the tokenizer file.</li>
 *   <li>An entry is written to a temporary file and moved into place ({@link AtomicFiles}), so two processes that
 *       build the same entry at once each read a whole file (theirs or the other's, equal), never half of one.
 *       An entry is written only if the file did not change while it was parsed.</li>
 * </ul>
 * The cache only ever saves time: a folder that cannot be written, or any problem with an entry, means the file
 * is parsed as without it. Entries live in {@code $SUBWORD_CACHE} ({@code off} turns the cache off), else in
 * {@code tokenizers/} under the folder where named tokenizers are kept ({@code ~/.cache/subword}).
 *
 * <p>It serves the command line only, not {@link Tokenizers#fromFile}: a library should not write under the
 * user's home unasked, and a program that uses it keeps its tokenizer in memory, where the CLI starts again on
 * every call.
 */
final class TokenizerCache {
    /** Part of every entry's name and header; raise it when a payload's layout changes. */
    static final int FORMAT_VERSION = 2;

    private static final int MAGIC = 0x53575443; // "SWTC"
    /** magic, version, kind, source length, source CRC-32C, source CRC-32, payload length, payload CRC-32C. */
    private static final int HEADER = 4 + 4 + 4 + 8 + 4 + 4 + 4 + 4;

    /** What an entry holds. */
    enum Kind { WORDPIECE_JSON, TIKTOKEN }

    /** Where entries are kept; {@code null} when the cache is off. */
    private final Path dir;

    TokenizerCache(Path dir) {
        this.dir = dir;
    }

    /** A system property naming the folder, before {@code $SUBWORD_CACHE}: for {@link CdsTraining}'s own files. */
    static final String FOLDER_PROPERTY = "subword.tokenizer.cache";

    /**
     * The cache the CLI uses: {@code -Dsubword.tokenizer.cache}, else {@code $SUBWORD_CACHE} ({@code off}: none),
     * else {@code tokenizers/} of the cache folder.
     */
    static TokenizerCache standard() {
        String property = System.getProperty(FOLDER_PROPERTY);
        String configured = property != null ? property : System.getenv("SUBWORD_CACHE");
        if (configured != null && !configured.isBlank()) {
            return new TokenizerCache(configured.equals("off") ? null : Path.of(configured));
        }
        return new TokenizerCache(MavenArtifacts.cacheDir().resolve("tokenizers"));
    }

    /** A Hugging Face tokenizer.json (or what {@link Tokenizers#fromFile} reads); WordPiece ones are cached. */
    Tokenizer tokenizerJson(Path file) throws InputFormatException, IOException {
        if (dir == null) {
            return Tokenizers.fromFile(file);
        }
        byte[] content = Files.readAllBytes(file);
        Key key = Key.of(Kind.WORDPIECE_JSON, content);
        ByteBuffer payload = lookUp(key);
        if (payload != null) {
            try {
                return readWordPieceJson(payload, file);
            } catch (InputFormatException | RuntimeException e) {
                // an entry that passed its checksum but does not read: rebuilt below, as a corrupt one is
            }
        }
        Tokenizer tok = Tokenizers.fromFile(file);
        if ("WordPiece".equals(tok.model().type()) && unchanged(file, key)) { // the only kind the entry format holds
            store(key, out -> writeWordPieceJson(content, (WordPiece) tok.model(), out));
        }
        return tok;
    }

    /** A tiktoken rank file split by {@code pattern}, with these special tokens: {@link Tokenizers#tiktoken}. */
    Tokenizer tiktoken(Path file, SplitPattern pattern, Map<String, Integer> specialTokens)
            throws InputFormatException, IOException {
        if (dir == null) {
            return Tokenizers.tiktoken(TiktokenRanks.read(file), pattern, specialTokens);
        }
        Key key = Key.of(Kind.TIKTOKEN, Files.readAllBytes(file));
        ByteBuffer payload = lookUp(key);
        if (payload != null) {
            try {
                return Tokenizers.tiktoken(readTiktoken(payload), pattern, specialTokens);
            } catch (RuntimeException e) {
                // rebuilt below
            }
        }
        Bpe model = Bpe.fromTiktoken(TiktokenRanks.read(file));
        if (unchanged(file, key)) {
            store(key, out -> writeTiktoken(model, out));
        }
        return Tokenizers.tiktoken(model, pattern, specialTokens);
    }

    /** The path of the entry for {@code key}, whether it exists or not; {@code null} when the cache is off. */
    Path entry(Key key) {
        return dir == null ? null : dir.resolve(key.fileName());
    }

    /** The identity of a tokenizer file's content, for one kind of entry. */
    record Key(Kind kind, long length, int crc32c, int crc32) {
        static Key of(Kind kind, byte[] content) {
            CRC32C c = new CRC32C();
            c.update(content);
            CRC32 d = new CRC32();
            d.update(content);
            return new Key(kind, content.length, (int) c.getValue(), (int) d.getValue());
        }

        String fileName() {
            // neither String.format nor "+" (an invokedynamic call site): their first use costs milliseconds
            StringBuilder name = new StringBuilder(48).append(kind.name().toLowerCase(java.util.Locale.ROOT))
                    .append("-v").append(FORMAT_VERSION).append('-').append(length).append('-');
            for (int value : new int[] {crc32c, crc32}) {
                String hex = Integer.toHexString(value);
                name.append("00000000", 0, 8 - hex.length()).append(hex);
            }
            return name.append(".bin").toString();
        }
    }

    /** Whether {@code file} still has the content of {@code key}: it did not change while it was parsed. */
    private static boolean unchanged(Path file, Key key) {
        try {
            return Key.of(key.kind(), Files.readAllBytes(file)).equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    /** The payload of the entry for {@code key} if there is one and it passes every check; else null. */
    private ByteBuffer lookUp(Key key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(key.fileName()));
        } catch (IOException e) {
            return null; // none yet (or unreadable): parse the file
        }
        if (bytes.length < HEADER) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        boolean matches = in.getInt() == MAGIC && in.getInt() == FORMAT_VERSION && in.getInt() == key.kind().ordinal()
                && in.getLong() == key.length() && in.getInt() == key.crc32c() && in.getInt() == key.crc32();
        if (!matches) {
            return null;
        }
        int length = in.getInt();
        int checksum = in.getInt();
        if (length != bytes.length - HEADER) {
            return null; // truncated, or something appended
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER, length);
        return (int) crc.getValue() == checksum ? ByteBuffer.wrap(bytes, HEADER, length).slice() : null;
    }

    /** Writes an entry's payload. */
    @FunctionalInterface
    private interface PayloadWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Writes the entry for {@code key}, atomically; a failure only means the next run parses the file again. */
    private void store(Key key, PayloadWriter writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            DataOutputStream out = new DataOutputStream(bytes);
            writer.write(out);
            out.flush();
            byte[] payload = bytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(payload);
            ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(FORMAT_VERSION)
                    .putInt(key.kind().ordinal()).putLong(key.length()).putInt(key.crc32c()).putInt(key.crc32())
                    .putInt(payload.length).putInt((int) crc.getValue());
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(key.fileName()), o -> {
                o.write(header.array());
                o.write(payload);
            });
        } catch (IOException | RuntimeException e) {
            // best effort: a read-only or full disk, or a token that UTF-8 cannot hold, leaves the cache empty
        }
    }

    // ---- WordPiece tokenizer.json: the file without its vocabulary, and the vocabulary ----

    private static void writeWordPieceJson(byte[] content, WordPiece wordPiece, DataOutputStream out)
            throws IOException {
        String json = new String(content, StandardCharsets.UTF_8);
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json);
        ObjectNode model = (ObjectNode) root.get("model");
        model.remove("vocab");
        model.put("type", "WordPiece"); // the file may leave it to be told by the fields
        writeString(out, root.toString());
        writeTokens(out, wordPiece.vocabulary().tokens());
        wordPiece.writeTrie(out);
    }

    private static Tokenizer readWordPieceJson(ByteBuffer in, Path file) throws InputFormatException {
        String skeleton = readString(in);
        Vocabulary vocabulary = Vocabulary.ofIdsWithGaps(readTokens(in));
        ByteBuffer trie = in.slice();
        // The builtin codecs, but a WordPiece model takes the stored vocabulary and matching automaton (building
        // that was most of the model's load in a fresh JVM): read as ModelCodecs reads it.
        ComponentCodec<Model> wordPiece = ComponentCodec.of(Stage.MODEL, "WordPiece", WordPiece.class,
                model -> {
                    WordPiece m = WordPiece.withStoredTrie(vocabulary, model.string("unk_token"),
                            model.string("continuing_subword_prefix"), model.integer("max_input_chars_per_word"),
                            trie);
                    expectEnd(trie);
                    return m;
                },
                (m, out, codecs) -> {
                    ObjectNode builtin = Codecs.builtin().write(Stage.MODEL, m);
                    builtin.remove("type");
                    out.setAll(builtin);
                });
        return TokenizerJson.parse(skeleton, file, Codecs.builtin().toBuilder().add(wordPiece).build());
    }

    // ---- tiktoken: the vocabulary (ranks spelled in byte-level characters) and the mergeable pairs ----

    private static void writeTiktoken(Bpe model, DataOutputStream out) throws IOException {
        MergeTable merges = model.merges();
        if (!merges.isByConcatenationOf(model.vocabulary())) {
            throw new IllegalStateException("not a tiktoken model: " + model);
        }
        writeTokens(out, model.vocabulary().tokens());
        int n = merges.size();
        int[] lefts = new int[n];
        int[] rights = new int[n];
        int[] merged = new int[n];
        int[] i = {0};
        merges.forEachPair((left, right, entry) -> {
            if (MergeTable.rankOf(entry) != MergeTable.mergedOf(entry)) {
                throw new IllegalStateException("a pair's rank is not its merged id");
            }
            lefts[i[0]] = left;
            rights[i[0]] = right;
            merged[i[0]++] = MergeTable.mergedOf(entry);
        });
        out.writeInt(n);
        for (int[] column : List.of(lefts, rights, merged)) {
            for (int v : column) {
                out.writeInt(v);
            }
        }
    }

    private static Bpe readTiktoken(ByteBuffer in) {
        Vocabulary vocabulary = Vocabulary.ofIdsWithGaps(readTokens(in));
        int n = in.getInt();
        int[] lefts = new int[n];
        int[] rights = new int[n];
        int[] merged = new int[n];
        for (int[] column : List.of(lefts, rights, merged)) {
            in.asIntBuffer().get(column);
            in.position(in.position() + 4 * n);
        }
        expectEnd(in);
        return Bpe.byteLevel(vocabulary, MergeTable.byConcatenation(vocabulary, lefts, rights, merged));
    }

    // ---- strings: a length (-1 for none) and UTF-8 ----

    private static void writeTokens(DataOutputStream out, List<String> tokens) throws IOException {
        out.writeInt(tokens.size());
        for (String t : tokens) {
            writeString(out, t);
        }
    }

    private static String[] readTokens(ByteBuffer in) {
        String[] tokens = new String[in.getInt()];
        for (int id = 0; id < tokens.length; id++) {
            tokens[id] = readString(in);
        }
        return tokens;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (!new String(utf8, StandardCharsets.UTF_8).equals(s)) {
            throw new IllegalArgumentException("a lone surrogate: UTF-8 cannot hold it"); // so nothing is cached
        }
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static void expectEnd(ByteBuffer in) {
        if (in.hasRemaining()) {
            throw new IllegalStateException(in.remaining() + " bytes after the payload");
        }
    }
}
