package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of {@link ComponentCodec}s: for each {@link Stage}, the codec of each JSON {@code "type"}
 * (for reading) and of each Java class (for writing). Immutable; {@link #builtin()} holds every codec of
 * {@link BuiltinCodecs}, and {@link #builder()} makes a registry with more.
 */
public final class Codecs {
    private static final Codecs BUILTIN = builder().addAll(BuiltinCodecs.all()).build();

    private final Map<Stage<?>, Map<String, ComponentCodec<?>>> byType;
    private final Map<Stage<?>, Map<Class<?>, ComponentCodec<?>>> byClass;

    private Codecs(Builder b) {
        this.byType = copy(b.byType);
        this.byClass = copy(b.byClass);
    }

    private static <K> Map<Stage<?>, Map<K, ComponentCodec<?>>> copy(Map<Stage<?>, Map<K, ComponentCodec<?>>> m) {
        Map<Stage<?>, Map<K, ComponentCodec<?>>> out = new LinkedHashMap<>();
        m.forEach((stage, codecs) -> out.put(stage, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codecs))));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every codec this library ships. */
    public static Codecs builtin() {
        return BUILTIN;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this registry's codecs, to add more. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (Map<String, ComponentCodec<?>> m : byType.values()) {
            b.addAll(m.values());
        }
        return b;
    }

    /** The JSON types registered for {@code stage}, sorted. */
    public List<String> types(Stage<?> stage) {
        return new ArrayList<>(new TreeMap<>(byType.getOrDefault(stage, Map.of())).keySet());
    }

    /**
     * Reads the component of {@code stage} that {@code in} describes, dispatching on its {@code "type"}.
     *
     * @throws TokenizerJsonException for a missing or unknown type, naming the path and the known types
     */
    public <T> T read(Stage<T> stage, JsonObjectReader in) throws TokenizerJsonException {
        String type = in.string("type");
        return read(stage, type, in);
    }

    /**
     * Reads with an already known type (the model's type may be implied by its fields). A component's own
     * {@link IllegalArgumentException} (a value its constructor rejects) becomes an error at the component's
     * path, so that no codec can let one escape from a reader.
     */
    <T> T read(Stage<T> stage, String type, JsonObjectReader in) throws TokenizerJsonException {
        ComponentCodec<T> codec = codecFor(stage, type, in);
        try {
            return codec.read(in);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private <T> ComponentCodec<T> codecFor(Stage<T> stage, String type, JsonObjectReader in)
            throws TokenizerJsonException {
        ComponentCodec<?> codec = byType.getOrDefault(stage, Map.of()).get(type);
        if (codec == null) {
            throw in.errorAt(in.pathOf("type"), "unknown " + stage.displayName() + " type "
                    + io.subword.vocab.Vocabulary.quote(type) + " (supported: " + String.join(", ", types(stage))
                    + ")");
        }
        return (ComponentCodec<T>) codec;
    }

    /**
     * The JSON object of {@code component}: {@code "type"} first, then its fields.
     *
     * @throws IllegalArgumentException if no codec of {@code stage} writes the component's class
     */
    @SuppressWarnings("unchecked")
    public <T> ObjectNode write(Stage<T> stage, T component) {
        Map<Class<?>, ComponentCodec<?>> classes = byClass.getOrDefault(stage, Map.of());
        ComponentCodec<?> codec = classes.get(component.getClass());
        if (codec == null) {
            for (ComponentCodec<?> c : classes.values()) {
                if (c.javaClass().isInstance(component)) {
                    codec = c;
                    break;
                }
            }
        }
        if (codec == null) {
            throw new IllegalArgumentException("cannot write " + stage.displayName() + " "
                    + component.getClass().getName() + " to tokenizer.json: no codec for it (known: "
                    + String.join(", ", types(stage)) + ")");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", codec.type());
        ((ComponentCodec<T>) codec).write(component, out, this);
        return out;
    }

    /** {@link #write} of each component, as a JSON array. */
    public <T> JsonNode writeAll(Stage<T> stage, Collection<? extends T> components) {
        var array = JsonNodeFactory.instance.arrayNode();
        for (T c : components) {
            array.add(write(stage, c));
        }
        return array;
    }

    /** Collects codecs; a later codec for the same stage and type (or class) replaces an earlier one. */
    public static final class Builder {
        private final Map<Stage<?>, Map<String, ComponentCodec<?>>> byType = new LinkedHashMap<>();
        private final Map<Stage<?>, Map<Class<?>, ComponentCodec<?>>> byClass = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(ComponentCodec<?> codec) {
            byType.computeIfAbsent(codec.stage(), s -> new LinkedHashMap<>()).put(codec.type(), codec);
            byClass.computeIfAbsent(codec.stage(), s -> new LinkedHashMap<>()).put(codec.javaClass(), codec);
            return this;
        }

        public Builder addAll(Collection<? extends ComponentCodec<?>> codecs) {
            for (ComponentCodec<?> c : codecs) {
                add(c);
            }
            return this;
        }

        public Codecs build() {
            return new Codecs(this);
        }
    }
}
