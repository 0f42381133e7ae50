/**
 * The comparison of vocabularies on held-out text ({@code subword compare}, {@code subword demo}): held-out
 * split, one training run per family and size through {@link io.subword.train.Trainer}, metrics, and text, JSON
 * and self-contained HTML reports.
 */
module io.subword.eval {
    requires transitive io.subword.train;
    requires io.subword.core;
    requires io.subword.vocab;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires it.unimi.dsi.fastutil.core;
    // the embedding section's heat map is a PNG (java.awt.image, javax.imageio) inlined in the HTML report
    requires java.desktop;

    exports io.subword.compare;
}
