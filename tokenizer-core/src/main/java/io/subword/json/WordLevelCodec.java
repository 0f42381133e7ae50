package io.subword.json;

import io.subword.model.Model;
import io.subword.vocab.Vocabulary;
import io.subword.wordlevel.WordLevel;

import java.util.List;

/**
 * The codec of Hugging Face's {@code WordLevel} model: {@code {"type":"WordLevel","vocab":{...},"unk_token":"<unk>"}},
 * fields in that order as Hugging Face writes them. Both {@code vocab} and {@code unk_token} are required, as in
 * Hugging Face; unlike Hugging Face (which fails later, at the first unknown word) the unknown token must be in
 * the vocabulary, since encoding here never fails.
 */
final class WordLevelCodec {
    private WordLevelCodec() {
    }

    static final ComponentCodec<Model> WORD_LEVEL = ComponentCodec.of(Stage.MODEL, "WordLevel", WordLevel.class,
            in -> {
                Vocabulary vocab = ModelCodecs.readVocab(in, "vocab");
                String unk = in.string("unk_token");
                try {
                    return WordLevel.of(vocab, unk);
                } catch (IllegalArgumentException e) {
                    throw in.errorAt(in.pathOf("unk_token"), e.getMessage());
                }
            },
            (m, out, codecs) -> {
                out.set("vocab", ModelCodecs.writeVocab(m.vocabulary()));
                out.put("unk_token", m.unkToken());
            });

    static final List<ComponentCodec<?>> ALL = List.of(WORD_LEVEL);
}
