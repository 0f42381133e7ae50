package io.subword.json;

import io.subword.decode.Decoder;
import io.subword.model.Model;
import io.subword.normalize.Normalizer;
import io.subword.post.PostProcessor;
import io.subword.pretokenize.PreTokenizer;

/**
 * One stage of the pipeline as {@code tokenizer.json} holds it: the top-level key, the name used in error
 * messages and the Java interface of its components.
 *
 * @param <T> the component interface
 */
public final class Stage<T> {
    public static final Stage<Normalizer> NORMALIZER = new Stage<>("normalizer", "normalizer", Normalizer.class);
    public static final Stage<PreTokenizer> PRE_TOKENIZER =
            new Stage<>("pre_tokenizer", "pre-tokenizer", PreTokenizer.class);
    public static final Stage<Model> MODEL = new Stage<>("model", "model", Model.class);
    public static final Stage<PostProcessor> POST_PROCESSOR =
            new Stage<>("post_processor", "post-processor", PostProcessor.class);
    public static final Stage<Decoder> DECODER = new Stage<>("decoder", "decoder", Decoder.class);

    private final String key;
    private final String displayName;
    private final Class<T> componentType;

    private Stage(String key, String displayName, Class<T> componentType) {
        this.key = key;
        this.displayName = displayName;
        this.componentType = componentType;
    }

    /** The top-level key in tokenizer.json, e.g. {@code pre_tokenizer}. */
    public String key() {
        return key;
    }

    /** The name in error messages, e.g. {@code pre-tokenizer}. */
    public String displayName() {
        return displayName;
    }

    public Class<T> componentType() {
        return componentType;
    }

    @Override
    public String toString() {
        return key;
    }
}
