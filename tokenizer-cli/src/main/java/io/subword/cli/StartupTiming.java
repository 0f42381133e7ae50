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
            long threadCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            System.err.printf("subword timing: %-28s +%6.1f ms  (%6.1f ms since main; process CPU %s; %s thread CPU"
                    + " %.0f ms)%n", what, (now - previous) / 1e6, (now - FIRST) / 1e6, processCpu(),
                    Thread.currentThread().getName(), threadCpu / 1e6);
            previous = now;
        }
    }

    /**
     * At the end, with {@code SUBWORD_TIMING=1}: the CPU time of each of the process's Java threads (the rest of
     * the process CPU is the JVM's own: JIT compilers, GC, start-up), and the JVM's uptime, which counts from
     * before {@code main}.
     */
    static void threads() {
        if (ON) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            StringBuilder line = new StringBuilder("subword timing: thread CPU");
            for (long id : threads.getAllThreadIds()) {
                java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
                long cpu = threads.getThreadCpuTime(id);
                if (info != null && cpu > 1_000_000) {
                    line.append(String.format(" %s %.0f ms;", info.getThreadName(), cpu / 1e6));
                }
            }
            // the wall clock too, so that a script can tell how long the exit after this takes
            System.err.println(line + String.format(" JVM uptime %d ms, process CPU %s, epoch %d ms",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), processCpu(),
                    System.currentTimeMillis()));
        }
    }
}
