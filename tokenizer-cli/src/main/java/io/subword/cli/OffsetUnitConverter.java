package io.subword.cli;

import io.subword.OffsetUnit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** {@code --offset-unit utf16|codepoint|byte}: the user's names for {@link OffsetUnit}. */
final class OffsetUnitConverter implements ITypeConverter<OffsetUnit> {
    static final List<String> NAMES = List.of("utf16", "codepoint", "byte");

    @Override
    public OffsetUnit convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "utf16", "utf-16" -> OffsetUnit.UTF16;
            case "codepoint", "code_point", "code-point", "char" -> OffsetUnit.CODE_POINT;
            case "byte", "utf8", "utf-8", "utf8_byte" -> OffsetUnit.UTF8_BYTE;
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
