package io.subword.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes one component type of one stage of {@code tokenizer.json}, keyed by its JSON
 * {@code "type"} ({@code "BertNormalizer"}, {@code "WordPiece"}, {@code "TemplateProcessing"} ...).
 * Register new ones in {@link BuiltinCodecs} (or in a {@link Codecs.Builder}); nothing else changes.
 *
 * <p>The registry writes {@code "type"} first and the codec writes the other fields, in the order Hugging
 * Face writes them, so that the output reads like Hugging Face's and loads there.
 *
 * @param <T> the stage's component interface
 */
public interface ComponentCodec<T> {
    Stage<T> stage();

    /** The JSON {@code "type"}. */
    String type();

    /** The Java class this codec writes; {@link Codecs} picks the codec for a component by its class. */
    Class<? extends T> javaClass();

    /**
     * The component described by {@code in} (whose {@code "type"} is {@link #type()}).
     *
     * @throws TokenizerJsonException naming the JSON path of a missing or malformed field
     */
    T read(JsonObjectReader in) throws TokenizerJsonException;

    /** Writes the fields of {@code component} but {@code "type"} to {@code out}. */
    void write(T component, ObjectNode out, Codecs codecs);

    /** Reads a component from its JSON object. */
    @FunctionalInterface
    interface Reader<T> {
        T read(JsonObjectReader in) throws TokenizerJsonException;
    }

    /** Writes a component's fields. */
    @FunctionalInterface
    interface Writer<C> {
        void write(C component, ObjectNode out, Codecs codecs);
    }

    /** A codec from a reader and a writer. */
    static <T, C extends T> ComponentCodec<T> of(Stage<T> stage, String type, Class<C> javaClass, Reader<C> reader,
                                                 Writer<C> writer) {
        return new ComponentCodec<>() {
            @Override
            public Stage<T> stage() {
                return stage;
            }

            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<? extends T> javaClass() {
                return javaClass;
            }

            @Override
            public T read(JsonObjectReader in) throws TokenizerJsonException {
                return reader.read(in);
            }

            @Override
            public void write(T component, ObjectNode out, Codecs codecs) {
                writer.write(javaClass.cast(component), out, codecs);
            }

            @Override
            public String toString() {
                return stage + "/" + type;
            }
        };
    }

    /** A codec for a component without parameters ({@code {"type": "BertPreTokenizer"}}). */
    static <T, C extends T> ComponentCodec<T> singleton(Stage<T> stage, String type, Class<C> javaClass,
                                                        java.util.function.Supplier<C> instance) {
        return of(stage, type, javaClass, in -> instance.get(), (c, out, codecs) -> { });
    }
}
