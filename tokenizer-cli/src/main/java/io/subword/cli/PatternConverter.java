package io.subword.cli;

import io.subword.pretokenize.SplitPattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** {@code --pattern gpt2|cl100k|o200k}: the split patterns of the tiktoken encodings, by their usual names. */
final class PatternConverter implements ITypeConverter<SplitPattern> {
    static final List<String> NAMES = List.of("gpt2", "cl100k", "o200k");

    @Override
    public SplitPattern convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "gpt2", "gpt-2", "r50k", "r50k_base", "p50k", "p50k_base" -> SplitPattern.GPT2;
            case "cl100k", "cl100k_base" -> SplitPattern.CL100K;
            case "o200k", "o200k_base" -> SplitPattern.O200K;
            default -> throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", NAMES));
        };
    }

    /** The names shown in help ({@code ${COMPLETION-CANDIDATES}}). */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
