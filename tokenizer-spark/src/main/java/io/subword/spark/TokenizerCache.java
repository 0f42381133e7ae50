package io.subword.spark;

import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.vocab.io.InputFormatException;
import org.apache.spark.broadcast.Broadcast;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link Tokenizer} per JVM for each tokenizer.json: an executor parses the broadcast bytes once, the first time
 * a task needs them, and every later task, partition and query in that JVM reuses the instance ({@link Tokenizer} is
 * immutable and thread-safe, so the concurrent tasks of an executor share it). Keyed by the SHA-256 of the bytes, not
 * by broadcast id, so a new broadcast of the same file (a new query, a new SparkContext in the same JVM) costs
 * nothing. Holds the {@value #CAPACITY} most recently used tokenizers.
 */
final class TokenizerCache {
    static final int CAPACITY = 8;

    private static final Map<String, Tokenizer> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tokenizer> eldest) {
            return size() > CAPACITY;
        }
    };

    /** How many tokenizer.json files this JVM has parsed (tests check that executors parse once). */
    static final java.util.concurrent.atomic.AtomicInteger PARSES = new java.util.concurrent.atomic.AtomicInteger();

    private TokenizerCache() {
    }

    /** Forgets every tokenizer (tests: makes the next task parse, as a fresh executor would). */
    static void clear() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    /** The tokenizer of the broadcast tokenizer.json whose SHA-256 is {@code key}, parsed at most once per JVM. */
    static Tokenizer get(String key, Broadcast<byte[]> json) {
        // The tasks of an executor that start together all need the tokenizer: one parses, the others wait for it.
        synchronized (CACHE) {
            Tokenizer t = CACHE.get(key);
            if (t == null) {
                t = parse(json.value());
                CACHE.put(key, t);
            }
            return t;
        }
    }

    /** Puts an already parsed tokenizer (the driver's) under its key. */
    static void put(String key, Tokenizer tokenizer) {
        synchronized (CACHE) {
            CACHE.putIfAbsent(key, tokenizer);
        }
    }

    static Tokenizer parse(byte[] json) {
        PARSES.incrementAndGet();
        try {
            return TokenizerJson.parse(new String(json, StandardCharsets.UTF_8), Path.of("tokenizer.json"));
        } catch (InputFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static String key(byte[] json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
