package io.subword;

/** The unit that token offsets are counted in. */
public enum OffsetUnit {
    /** UTF-16 code units: indices into a Java {@code String}, what {@code substring} takes. The default. */
    UTF16,
    /** Unicode code points: what Hugging Face tokenizers reports as char offsets (Python string indices). */
    CODE_POINT,
    /** Bytes of the UTF-8 encoding: what Rust and Hugging Face's byte offsets count. */
    UTF8_BYTE
}
