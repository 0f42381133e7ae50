package io.subword.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subword.testkit.RealData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result file as a table of MB/s, and the ratio of each benchmark class's methods named
 * {@code ours...} ({@code ours}, {@code oursIds}) to each of its other methods (the peers): {@code ours/peer > 1}
 * means we are faster.
 *
 * <p>Convention for the benchmarks it reads: one operation is one pass over the slice named by the
 * {@code sliceBytes} parameter of the corpus named by the {@code corpus} parameter, Europarl when there is none
 * ({@link RealData#slice}); the MB/s are the slice's exact UTF-8 bytes
 * (10^6 bytes to the MB) divided by the time per operation. Results without that parameter get times only.
 * Benchmarks on several threads (each thread doing whole operations) get one thread's MB/s and the total; rows
 * are labelled with their other parameters (such as the encoding), and ratios pair rows of equal parameters.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.subword.bench.Report results.json}
 */
public final class Report {
    private Report() {
    }

    /** One benchmark result: seconds per operation (and its error), and bytes per operation or -1. */
    record Row(String benchmarkClass, String method, String params, int threads, double secondsPerOp,
               double errorSeconds, long bytes) {
        /** One thread's MB/s (each thread does the whole operation). */
        double mbPerSecond() {
            return bytes < 0 ? Double.NaN : bytes / 1e6 / secondsPerOp;
        }

        /** All threads' MB/s together. */
        double totalMbPerSecond() {
            return threads * mbPerSecond();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Report <jmh-result.json>");
            System.exit(2);
        }
        List<Row> rows = read(Path.of(args[0]));
        System.out.print(format(rows));
    }

    static List<Row> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Long> sliceBytes = new LinkedHashMap<>();
        List<Row> rows = new java.util.ArrayList<>();
        for (JsonNode r : root) {
            String name = r.path("benchmark").asText();
            int dot = name.lastIndexOf('.');
            String cls = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
            String method = name.substring(dot + 1);
            JsonNode params = r.path("params");
            // The slice size is in the bytes column; the other parameters (e.g. the encoding) label the row.
            StringBuilder paramText = new StringBuilder();
            params.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("sliceBytes")) {
                    paramText.append(paramText.length() == 0 ? "" : ",").append(f.getValue().asText());
                }
            });
            int threads = r.path("threads").asInt(1);
            JsonNode metric = r.path("primaryMetric");
            double toSeconds = secondsPerOp(metric.path("scoreUnit").asText());
            double score = metric.path("score").asDouble();
            double error = metric.path("scoreError").asDouble(Double.NaN);
            double seconds;
            double errorSeconds;
            if (toSeconds > 0) {
                seconds = score * toSeconds;
                errorSeconds = error * toSeconds;
            } else {
                // Throughput: ops per time unit.
                double perSecond = score / -toSeconds;
                seconds = 1 / perSecond;
                errorSeconds = seconds * (error / score);
            }
            long bytes = -1;
            if (params.has("sliceBytes")) {
                long asked = params.get("sliceBytes").asLong();
                String corpus = params.path("corpus").asText("europarl");
                bytes = sliceBytes.computeIfAbsent(corpus + ":" + asked, a -> RealData.slice(corpus, asked).stream()
                        .mapToLong(RealData::utf8Length).sum());
            }
            rows.add(new Row(cls, method, paramText.toString(), threads, seconds, errorSeconds, bytes));
        }
        return rows;
    }

    /**
     * Seconds per op for an "x/op" unit (positive), or minus the seconds of the time unit for "ops/x"
     * (negative, meaning throughput).
     */
    static double secondsPerOp(String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unknown JMH unit " + unit);
        }
        boolean throughput = parts[0].equals("ops");
        double s = switch (throughput ? parts[1] : parts[0]) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unknown JMH unit " + unit);
        };
        return throughput ? -s : s;
    }

    static String format(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %-14s %-22s %3s %12s %18s %10s %10s%n", "benchmark", "method",
                "params", "thr", "bytes/op", "ms/op", "MB/s", "total MB/s"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-28s %-14s %-22s %3d %12s %9.2f ±%7.2f %10.2f %10.2f%n",
                    r.benchmarkClass(), r.method(), r.params(), r.threads(),
                    r.bytes() < 0 ? "-" : String.format(Locale.ROOT, "%,d", r.bytes()),
                    r.secondsPerOp() * 1e3, r.errorSeconds() * 1e3, r.mbPerSecond(), r.totalMbPerSecond()));
        }
        sb.append('\n');
        // each of our methods ("ours", "oursIds", ...) against each peer (a method whose name is not ours...)
        for (Row o : rows) {
            if (!o.method().startsWith("ours")) {
                continue;
            }
            for (Row p : rows) {
                if (!p.method().startsWith("ours") && p.benchmarkClass().equals(o.benchmarkClass())
                        && p.params().equals(o.params())) {
                    sb.append(String.format(Locale.ROOT, "%s%s: %s/%s = %.2fx%n", o.benchmarkClass(),
                            o.params().isEmpty() ? "" : " [" + o.params() + "]", o.method(), p.method(),
                            p.secondsPerOp() / o.secondsPerOp()));
                }
            }
        }
        return sb.toString();
    }
}
