package io.subword.readme;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.embed.Word2VecText;
import io.subword.embed.EmbeddingTable;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: the README's library snippet must compile and run as written. The snippet lives in
 * {@link LibraryQuickStart} (compiled with the tests, against the library modules only); the README quotes it
 * verbatim, and this test checks both that and that it runs.
 */
class ReadmeLibraryTest {
    static final Path ROOT = findRoot();
    static final Path SNIPPET = ROOT.resolve("embedding/src/test/java/io/subword/readme/LibraryQuickStart.java");

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The lines of the snippet file strictly between the README-BEGIN and README-END markers. */
    static String markedRegion() throws IOException {
        List<String> lines = Files.readAllLines(SNIPPET, StandardCharsets.UTF_8);
        int begin = lines.indexOf("// README-BEGIN");
        int end = lines.indexOf("// README-END");
        assertTrue(begin >= 0 && end > begin, "markers in " + SNIPPET);
        return String.join("\n", lines.subList(begin + 1, end)) + "\n";
    }

    /** The first ```java block of the README's "## Library" section. */
    static String readmeBlock() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## Library\n");
        assertTrue(section >= 0, "README has no ## Library section");
        int next = readme.indexOf("\n## ", section + 1);
        String body = readme.substring(section, next < 0 ? readme.length() : next);
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(body);
        assertTrue(m.find(), "no ```java block in the Library section");
        return m.group(1);
    }

    @Test
    void readmeQuotesTheSnippetVerbatim() throws IOException {
        assertEquals(markedRegion(), readmeBlock());
    }

    /** The Maven coordinates the README gives are those of the poms. */
    @Test
    void readmeGivesThePomsCoordinates() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<artifactId>subword-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(parent);
        assertTrue(version.find());
        assertTrue(readme.contains("<version>" + version.group(1) + "</version>"), "version " + version.group(1));
        assertTrue(readme.contains("mvn -q install -DskipTests"), "the install step");
        for (String module : List.of("vocab", "tokenizer-core", "tokenizer-train", "embedding")) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8);
            Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
            assertTrue(artifact.find(), module);
            String groupId = "io.subword";
            assertTrue(pom.contains("<groupId>" + groupId + "</groupId>"), module);
            if (!module.equals("vocab")) {
                // vocab comes with tokenizer-core; the README names the three a program depends on
                assertTrue(readme.contains("<groupId>" + groupId + "</groupId><artifactId>" + artifact.group(1)
                        + "</artifactId>"), artifact.group(1));
            }
        }
    }

    /**
     * Runs the snippet in a child JVM whose working folder holds what it reads: BERT's tokenizer.json, 500
     * Europarl lines as corpus.txt, and random vectors for BERT's tokens in shuffled row order.
     */
    @Test
    void theSnippetRuns(@TempDir Path dir) throws Exception {
        Files.copy(RealData.bertUncasedTokenizerJsonWithoutLimits(), dir.resolve("tokenizer.json"));
        Files.write(dir.resolve("corpus.txt"), RealData.europarlLines().subList(0, 500), StandardCharsets.UTF_8);
        Tokenizer bert = Tokenizers.fromFile(dir.resolve("tokenizer.json"));
        List<String> tokens = new ArrayList<>(bert.vocabulary().tokens());
        Collections.shuffle(tokens, new Random(15));
        int dim = 4;
        Random random = new Random(15);
        float[] data = new float[tokens.size() * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() - 0.5f;
        }
        Word2VecText.write(dir.resolve("vectors.vec"), tokens, EmbeddingTable.wrap(tokens.size(), dim, data));

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LibraryQuickStart.class.getName()).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertEquals("[[CLS], ami, ##gos, in, ##ima, ##gina, ##ve, ##is, [SEP]]", lines.get(0), out);
        assertTrue(lines.get(1).startsWith("[Neighbor[token="), out);
        assertTrue(lines.get(2).matches("amigos inimaginaveis: 2 texts, a pair of 128 tokens, \\d+ tokens trained"),
                out);
        assertTrue(Files.exists(dir.resolve("my-tokenizer/tokenizer.json")), "trained tokenizer written");
    }
}
