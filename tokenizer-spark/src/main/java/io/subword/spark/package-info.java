/**
 * subword on Apache Spark: train and encode where the corpus lives, with the results of one machine.
 *
 * <ul>
 *   <li>{@link io.subword.spark.SparkTraining}: the executors count words with the one-machine word counter, the
 *       driver trains on the counts; the files are byte-identical to {@code subword train}'s on the same text.
 *       {@link io.subword.spark.WordCountLimits} bounds what reaches the driver.</li>
 *   <li>{@link io.subword.spark.SparkEncoding}: adds ids (and optionally attention mask, offsets, token count)
 *       columns to a {@code Dataset<Row>}, one tokenizer per executor JVM from a broadcast tokenizer.json; also the
 *       SQL function {@code subword_encode(text)}.</li>
 *   <li>{@link io.subword.spark.SparkCorpus}: text files read into lines exactly as the one-machine
 *       {@code Corpus} reads them (line ends, byte order mark, invalid UTF-8 named by file and line).</li>
 *   <li>{@link io.subword.spark.SparkJobs}: the {@code train} and {@code encode} jobs, for
 *       {@code bin/subword spark ...} (local mode) and {@code spark-submit} (the {@code -job.jar}).</li>
 * </ul>
 * Spark is a {@code provided} dependency: the cluster, or {@code bin/subword spark}, brings it. Nothing else in the
 * project depends on this package. {@link io.subword.spark.OrderedTextInputFormat} is public only for Hadoop's
 * reflection.
 */
package io.subword.spark;
