/**
 * The {@code subword} command line: {@link io.subword.cli.Main} and one package-private class per subcommand,
 * each of which only maps its flags to a library call, as SentencePiece's {@code spm_train} does. Nothing here
 * is API.
 *
 * <p>Contract: an error is one line on stderr ({@code subword: <file>, line N: <problem>}) and an exit code, 1
 * for bad input and 2 for bad usage, never a stack trace unless {@code --verbose}; output paths are checked
 * before any work starts and written crash-safely; progress goes to stderr, results to stdout.
 */
package io.subword.cli;
