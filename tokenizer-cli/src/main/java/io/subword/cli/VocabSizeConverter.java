package io.subword.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A vocabulary size as people write it and as the reports print it: {@code 32000}, {@code 32k}, {@code 1.5k},
 * {@code 1m} (k = 1,000, m = 1,000,000). Zero, a negative number or anything else is a usage error.
 */
final class VocabSizeConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        return parse(value);
    }

    static int parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace("_", "");
        long unit = 1;
        if (v.endsWith("k")) {
            unit = 1_000;
        } else if (v.endsWith("m")) {
            unit = 1_000_000;
        }
        String number = unit == 1 ? v : v.substring(0, v.length() - 1);
        BigDecimal size;
        try {
            size = new BigDecimal(number).multiply(BigDecimal.valueOf(unit));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a vocabulary size; write it as 8000, 8k or 1m");
        }
        if (size.signum() <= 0 || size.stripTrailingZeros().scale() > 0
                || size.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new TypeConversionException("'" + value + "' is not a vocabulary size; it must be a whole number"
                    + " of tokens, at least 1, such as 8000, 8k or 1m");
        }
        return size.intValueExact();
    }
}
