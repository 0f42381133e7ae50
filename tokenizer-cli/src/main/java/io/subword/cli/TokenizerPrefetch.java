package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.normalize.CharClasses;
import io.subword.pretokenize.SplitPattern;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Loads the tokenizer that {@code -t} names on a second thread while picocli builds and parses the command line
 * on the first, since both take a large part of a one-line {@code encode} and a machine has more than one core.
 * The arguments are only scanned here ({@code -t VALUE}, {@code --tokenizer VALUE}, {@code --tokenizer=VALUE});
 * what was loaded is used only if the parsed options turn out to name the same tokenizer in the same way (no
 * {@code --cased}, {@code --merges}, {@code --pattern}); anything else, including any failure, is dropped and the
 * command loads as without it, so it reports its errors exactly as before. A name whose file would first have to be
 * fetched is left to the command, which says that it fetches.
 */
final class TokenizerPrefetch {
    /** The commands whose {@code -t} this serves. */
    private static final Set<String> COMMANDS = Set.of("encode", "inspect", "decode");

    private static volatile String value;
    private static volatile CompletableFuture<Tokenizer> pending;

    private TokenizerPrefetch() {
    }

    /** Starts loading the tokenizer that {@code args} name, if they are a command this serves. */
    static void start(String... args) {
        String chosen = Main.chosenSubcommand(args);
        if (chosen == null || !COMMANDS.contains(chosen)) {
            return;
        }
        String t = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--cased") || a.startsWith("--merges") || a.startsWith("--pattern")) {
                return;
            }
            if ((a.equals("-t") || a.equals("--tokenizer")) && i + 1 < args.length) {
                t = args[++i];
            } else if (a.startsWith("--tokenizer=")) {
                t = a.substring("--tokenizer=".length());
            }
        }
        if (t == null || t.isEmpty()
                || (!Files.exists(Path.of(t)) && !(PretrainedTokenizers.isName(t) && PretrainedTokenizers.isLocal(t)))) {
            return;
        }
        String path = t;
        CompletableFuture<Tokenizer> future = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                TokenizerOption option = new TokenizerOption();
                option.file = Path.of(path);
                Tokenizer loaded = option.loadNow();
                StartupTiming.mark("tokenizer loaded ahead");
                future.complete(loaded);
            } catch (Throwable e) {
                future.complete(null); // the command loads again, and reports what went wrong
            }
        }, "subword-tokenizer-prefetch");
        loader.setDaemon(true);
        value = path;
        pending = future;
        loader.start();
        if (mayUseCharClasses(path)) {
            // The BERT pipeline's tables of the whole BMP took a fifth of loading a BERT tokenizer in a fresh JVM;
            // built on a third thread, they are ready when the first char above ASCII is looked up (class
            // initialization runs once, so a lookup waits for it rather than building them twice), and loading the
            // tokenizer, which needs only the ASCII tables, does not wait for them.
            Thread tables = new Thread(() -> {
                CharClasses.buildTables();
                StartupTiming.mark("character tables built");
            }, "subword-char-classes");
            tables.setDaemon(true);
            tables.start();
        }
    }

    /** Whether the tokenizer {@code -t value} names may use BERT's character tables: anything but tiktoken ranks. */
    static boolean mayUseCharClasses(String value) {
        return !value.endsWith(".tiktoken") && !(PretrainedTokenizers.isName(value) && !value.equals(PretrainedTokenizers.BERT_BASE_UNCASED));
    }

    /** Drops what was loaded ahead and not taken (a command that never loads, such as {@code encode --help}). */
    static void cancel() {
        pending = null;
    }

    /** Whether a tokenizer is being (or was) loaded ahead and not taken yet. */
    static boolean pending() {
        return pending != null;
    }

    /** The tokenizer loaded ahead for these options, waiting for it if need be; null if there is none. */
    static Tokenizer take(Path file, boolean cased, Path merges, SplitPattern pattern) {
        CompletableFuture<Tokenizer> future = pending;
        if (future == null || cased || merges != null || pattern != null || !file.toString().equals(value)) {
            return null;
        }
        pending = null; // used once
        return future.join();
    }
}
