package io.subword.sentencepiece;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.unigram.PieceType;
import io.subword.vocab.Merge;

import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * A SentencePiece model as the Hugging Face tokenizer.json that encodes like it, in the shape transformers'
 * {@code convert_slow_tokenizer} ({@code SpmConverter}) gives T5, XLM-R, ALBERT and Llama-style files:
 * <ul>
 *   <li>normalizer: {@code Precompiled} with the file's charsmap (if any); with {@code remove_extra_whitespaces},
 *       {@code Replace}s that drop leading and trailing spaces and squeeze runs of them; with
 *       {@code add_dummy_prefix}, {@code Prepend("▁")}; then spaces become {@code ▁} (Llama's converter shape,
 *       which unlike a Metaspace prepend scheme prepends to text that already starts with {@code ▁}, as
 *       SentencePiece does);</li>
 *   <li>pre-tokenizer: {@code Metaspace} splitting before each {@code ▁}, prepending nothing; decoder:
 *       {@code Metaspace}, after {@code ByteFallback} when the model has byte fallback;</li>
 *   <li>model: {@code Unigram} with the pieces and scores (a user-defined piece gets the score SentencePiece's
 *       encoder gives it, so that it wins where SentencePiece's does), or {@code BPE} with merges ranked by the
 *       merged piece's score, {@code fuse_unk} and the file's {@code byte_fallback};</li>
 *   <li>added tokens: control pieces ({@code <s>}, {@code </s>}, ...) as special tokens, as Hugging Face's
 *       converter has them (so unlike {@code spm_encode}, such text in the input is the special token); for BPE,
 *       user-defined pieces as non-special added tokens.</li>
 * </ul>
 */
final class HuggingFaceConversion {
    private HuggingFaceConversion() {
    }

    private static void replace(ObjectNode node, String regex, String content) {
        node.put("type", "Replace");
        node.putObject("pattern").put("Regex", regex);
        node.put("content", content);
    }

    static String toJson(SentencePieceModel m) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        boolean bpe = m.modelType() == SentencePieceModel.ModelType.BPE;
        for (int id = 0; id < m.size(); id++) {
            PieceType t = m.type(id);
            if (t == PieceType.CONTROL || bpe && t == PieceType.USER_DEFINED) {
                added.addObject().put("id", id).put("content", m.piece(id)).put("single_word", false)
                        .put("lstrip", false).put("rstrip", false).put("normalized", false)
                        .put("special", t == PieceType.CONTROL);
            }
        }

        ArrayNode normalizers = mapper.createArrayNode();
        byte[] charsMap = m.precompiledCharsMap();
        if (charsMap != null) {
            normalizers.addObject().put("type", "Precompiled")
                    .put("precompiled_charsmap", Base64.getEncoder().encodeToString(charsMap));
        }
        if (m.removeExtraWhitespaces()) {
            // spm drops leading and trailing spaces and squeezes runs of them (only ' ', after the charsmap)
            replace(normalizers.addObject(), "^ +| +$", "");
            replace(normalizers.addObject(), " {2,}", " ");
        }
        if (m.addDummyPrefix() && !m.treatWhitespaceAsSuffix()) {
            // Prepend, not Metaspace's prepend scheme: Metaspace does not prepend to text that already starts
            // with "▁", where SentencePiece does
            normalizers.addObject().put("type", "Prepend").put("prepend", "\u2581");
        }
        if (m.escapeWhitespaces()) {
            ObjectNode r = normalizers.addObject().put("type", "Replace");
            r.putObject("pattern").put("String", " ");
            r.put("content", "\u2581");
        }
        if (normalizers.isEmpty()) {
            root.putNull("normalizer");
        } else if (normalizers.size() == 1) {
            root.set("normalizer", normalizers.get(0));
        } else {
            root.putObject("normalizer").put("type", "Sequence").set("normalizers", normalizers);
        }

        String scheme = m.addDummyPrefix() ? "always" : "never";
        // splits before each "▁" (the words SentencePiece's pieces never cross); prepends nothing
        root.putObject("pre_tokenizer").put("type", "Metaspace").put("replacement", "\u2581")
                .put("prepend_scheme", "never").put("split", true);
        root.putNull("post_processor");
        ObjectNode metaspace = mapper.createObjectNode().put("type", "Metaspace").put("replacement", "\u2581")
                .put("prepend_scheme", scheme).put("split", true);
        if (m.byteFallback()) {
            ObjectNode seq = root.putObject("decoder").put("type", "Sequence");
            ArrayNode decoders = seq.putArray("decoders");
            decoders.addObject().put("type", "ByteFallback");
            decoders.add(metaspace);
        } else {
            root.set("decoder", metaspace);
        }

        ObjectNode model = root.putObject("model");
        if (bpe) {
            model.put("type", "BPE");
            model.putNull("dropout");
            model.put("unk_token", m.piece(m.unkId()));
            model.putNull("continuing_subword_prefix");
            model.putNull("end_of_word_suffix");
            model.put("fuse_unk", true);
            model.put("byte_fallback", m.byteFallback());
            model.put("ignore_merges", false);
            ObjectNode vocab = model.putObject("vocab");
            for (int id = 0; id < m.size(); id++) {
                vocab.put(m.piece(id), id);
            }
            ArrayNode merges = model.putArray("merges");
            for (Merge merge : m.bpeMerges()) {
                merges.addArray().add(merge.left()).add(merge.right());
            }
        } else {
            model.put("type", "Unigram");
            model.put("unk_id", m.unkId());
            ArrayNode vocab = model.putArray("vocab");
            for (int id = 0; id < m.size(); id++) {
                vocab.addArray().add(m.piece(id)).add(m.latticeScore(id));
            }
            model.put("byte_fallback", m.byteFallback());
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
