package io.subword.bench;

import io.subword.testkit.RealData;
import io.subword.vocab.io.Utf8Lines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reading lines of UTF-8 text, the first step of training and of {@code subword encode}: the project's one strict
 * reader ({@link Utf8Lines}: splits at {@code \n}, decodes from its buffer, reports invalid UTF-8 by line and byte)
 * against the JDK's {@code BufferedReader.readLine} over an {@code InputStreamReader} (which replaces invalid input
 * with U+FFFD and splits at {@code \r} too), both over the whole Europarl sample (about 21 MB, 21 languages) held in
 * memory, so only the reading is timed. Each benchmark returns the number of chars read; the setup checks that both
 * read the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class LineReadBenchmark {
    private byte[] text;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : RealData.europarlRaw()) {
            out.writeBytes(line.replace('\r', ' ').getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        text = out.toByteArray();
        long ours = utf8Lines();
        long jdk = bufferedReader();
        if (ours != jdk) {
            throw new IllegalStateException("chars read: Utf8Lines " + ours + ", BufferedReader " + jdk);
        }
    }

    @Benchmark
    public long utf8Lines() throws Exception {
        long chars = 0;
        try (Utf8Lines in = Utf8Lines.strict(new ByteArrayInputStream(text), Path.of("europarl"))) {
            for (String line = in.next(); line != null; line = in.next()) {
                chars += line.length();
            }
        }
        return chars;
    }

    @Benchmark
    public long bufferedReader() throws IOException {
        long chars = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(text),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                chars += line.length();
            }
        }
        return chars;
    }
}
