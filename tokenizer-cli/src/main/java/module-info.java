/**
 * The command line ({@code bin/subword}): one picocli command class per subcommand, each mapping its flags to one
 * library call. It exports nothing. picocli is compiled into this module from its sources (see the pom: its own
 * jar holds Java 5 class files that class-data sharing cannot archive), so its reflection on the commands stays
 * inside the module and needs no {@code opens}.
 */
module io.subword.cli {
    requires io.subword.vocab;
    requires io.subword.core;
    requires io.subword.train;
    requires io.subword.eval;
    requires io.subword.embed;
    requires jdk.management; // PhaseTimes reads process CPU time (com.sun.management), java.management with it

}
