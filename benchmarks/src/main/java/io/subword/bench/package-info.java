/**
 * JMH benchmarks that run our code and the peers side by side in one JVM on the same real data, and
 * {@link io.subword.bench.Report}, which prints a run's results as times and ours/peer ratios. See
 * {@code benchmarks/README.md}.
 */
package io.subword.bench;
