package io.subword.cli;

/**
 * Where a short command's time goes, for tuning start-up: with {@code SUBWORD_TIMING=1} in the environment, each
 * {@link #mark} prints to stderr the milliseconds since the JVM started (as far as {@code main} can tell: the first
 * mark is taken there) and since the previous mark. Off, a mark costs one field read.
 */
final class StartupTiming {
    private static final boolean ON = System.getenv("SUBWORD_TIMING") != null;
    private static long previous = System.nanoTime();
    private static final long FIRST = previous;

    private StartupTiming() {
    }

    /** User + system CPU time of the whole process so far (all threads, from the JVM's start), on Linux. */
    private static String processCpu() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10 + " ms"; // utime, stime in 1/100 s
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void mark(String what) {
        if (ON) {
            long now = System.nanoTime();
            System.err.printf("subword timing: %-28s +%6.1f ms  (%6.1f ms since main; process CPU %s)%n", what,
                    (now - previous) / 1e6, (now - FIRST) / 1e6, processCpu());
            previous = now;
        }
    }
}
