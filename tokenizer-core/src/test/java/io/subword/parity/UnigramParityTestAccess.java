package io.subword.parity;

/** Lets tests in other packages build the Precompiled test tokenizer.json of {@link UnigramParityTest}. */
public final class UnigramParityTestAccess {
    private UnigramParityTestAccess() {
    }

    public static String withPrecompiled(String model) throws Exception {
        return UnigramParityTest.withPrecompiled(model);
    }
}
