package io.subword.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress of a job by Spark stage, on stderr, instead of Spark's log: a line when a stage starts, a line every few
 * seconds while it runs (tasks done of all, failed tasks), and a line when it ends, each named by what the job is
 * doing ({@code count words}, {@code encode}: the job description the library sets) rather than by Spark's call
 * site. Spark calls it on its listener thread.
 */
final class StageProgress extends SparkListener {
    static final long INTERVAL_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private final Map<Integer, Stage> stages = new ConcurrentHashMap<>();

    private static final class Stage {
        final String label;
        final int tasks;
        final long started = System.nanoTime();
        int done;
        int failed;
        long lastLine = System.nanoTime();

        Stage(String label, int tasks) {
            this.label = label;
            this.tasks = tasks;
        }
    }

    StageProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        StageInfo info = event.stageInfo();
        String description = event.properties() == null ? null
                : event.properties().getProperty("spark.job.description");
        String label = description != null ? description : info.name().replaceFirst(" at .*", "");
        stages.put(info.stageId(), new Stage(label, info.numTasks()));
        print(String.format(Locale.ROOT, "stage %d (%s): %d tasks", info.stageId(), label, info.numTasks()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        Stage s = stages.get(event.stageId());
        if (s == null) {
            return;
        }
        boolean ok = event.taskInfo().successful();
        String line = null;
        synchronized (s) {
            if (ok) {
                s.done++;
            } else {
                s.failed++;
                line = String.format(Locale.ROOT, "stage %d (%s): a task failed (%s); Spark retries it",
                        event.stageId(), s.label, event.reason().getClass().getSimpleName());
            }
            long now = System.nanoTime();
            if (line == null && now - s.lastLine >= INTERVAL_NANOS) {
                s.lastLine = now;
                line = String.format(Locale.ROOT, "stage %d (%s): %d/%d tasks", event.stageId(), s.label, s.done,
                        s.tasks);
            }
        }
        if (line != null) {
            print(line);
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted event) {
        StageInfo info = event.stageInfo();
        Stage s = stages.remove(info.stageId());
        String label = s != null ? s.label : info.name();
        double seconds = s == null ? 0 : (System.nanoTime() - s.started) / 1e9;
        String outcome = info.failureReason().isDefined() ? "failed" : "done";
        print(String.format(Locale.ROOT, "stage %d (%s): %s in %.1f s", info.stageId(), label, outcome, seconds));
    }

    private void print(String line) {
        synchronized (err) {
            err.println("subword: " + line);
            err.flush();
        }
    }
}
