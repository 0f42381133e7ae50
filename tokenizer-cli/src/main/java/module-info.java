/**
 * The command line ({@code bin/subword}): one picocli command class per subcommand, each mapping its flags to one
 * library call. It exports nothing; picocli reaches the commands by reflection.
 */
module io.subword.cli {
    requires io.subword.vocab;
    requires io.subword.core;
    requires io.subword.train;
    requires io.subword.eval;
    requires io.subword.embed;
    requires info.picocli;
    requires jdk.management; // PhaseTimes reads process CPU time (com.sun.management), java.management with it

    opens io.subword.cli to info.picocli;
}
