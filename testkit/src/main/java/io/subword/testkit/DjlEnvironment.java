package io.subword.testkit;

import java.nio.file.Path;

/**
 * Settings that keep DJL offline and self-contained; applied once, before any DJL class does work.
 * DJL reads each of these as an environment variable first and a system property second, so an explicit
 * environment wins.
 */
public final class DjlEnvironment {
    private static volatile boolean done;

    private DjlEnvironment() {
    }

    /**
     * Sets {@code ai.djl.offline=true} (no hub downloads, no "call home"), {@code OPT_OUT_TRACKING=true} (no
     * telemetry request, in case offline mode were overridden by the environment) and, when neither the
     * environment nor a property sets it, {@code ENGINE_CACHE_DIR} to {@code ${java.io.tmpdir}/subword-testkit-djl},
     * where DJL extracts the native library bundled in its jar. Idempotent; call it before the first use of
     * {@code ai.djl} classes outside {@link HfReference} (which calls it itself).
     */
    public static synchronized void init() {
        if (done) {
            return;
        }
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        if (System.getenv("ENGINE_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            setIfAbsent("ENGINE_CACHE_DIR",
                    Path.of(System.getProperty("java.io.tmpdir"), "subword-testkit-djl").toString());
        }
        done = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
