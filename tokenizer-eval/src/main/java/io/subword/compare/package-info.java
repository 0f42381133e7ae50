/**
 * The comparison of word-level vocabularies with subword vocabularies on held-out text: unknown-token rates,
 * words kept whole, tokens per word, characters and bytes per token, sequence lengths, vocabulary use, per
 * language, and how rare words split. {@link io.subword.compare.CompareJob} runs the whole comparison (held-out
 * split, word counts, one training run per family and size through {@link io.subword.train.Trainer});
 * {@link io.subword.compare.Comparison} measures (the held-out text, one run per tokenizer, the choice of
 * examples); {@link io.subword.compare.TextReport}, {@link io.subword.compare.MetricsJson} and
 * {@link io.subword.compare.HtmlReport} report.
 *
 * <p>Contract:
 * <ul>
 *   <li>A word is the held-out text's own word, the same for every tokenizer (see
 *       {@link io.subword.compare.Metrics}); results do not depend on the thread count.</li>
 *   <li>A language is named only where {@link io.subword.compare.LanguageGuesser} is confident; other lines
 *       are counted as {@code short/unknown}, and every report that shows languages says so in words.
 *       Grouping by language can be turned off.</li>
 *   <li>The HTML report is one self-contained page (inline CSS and SVG, no script, nothing fetched) whose
 *       labels fit their charts and whose coinciding lines stay distinguishable.</li>
 * </ul>
 * It lives in its own module, {@code tokenizer-eval}, so that a user who only trains or encodes gets no report
 * engine; it depends on {@code tokenizer-train} because it trains the vocabularies it compares.
 */
package io.subword.compare;
