package io.ocppbdd.cli;

import ch.qos.logback.classic.Level;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --quiet} and {@code --verbose}, shared by the commands, and the one-line frame log they control. */
final class LogOptions {

    /** Frames longer than this are cut at INFO; --verbose logs them whole. */
    private static final int INFO_FRAME_LENGTH = 2000;

    @Option(names = {"-q", "--quiet"}, description = "Do not log the OCPP frames (warnings still show).")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log at DEBUG, OCPP frames in full, stack traces.")
    private boolean verbose;

    /** Refuses --quiet with --verbose and raises the log level for --verbose. */
    void apply(CommandSpec spec) {
        if (quiet && verbose) {
            throw new ParameterException(spec.commandLine(), "--quiet and --verbose exclude each other (give one of them)");
        }
        ExceptionClause.verbose(verbose);
        if (verbose) {
            for (String name : new String[] {"io.ocppbdd", "org.java_websocket"}) {
                if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                    logger.setLevel(Level.DEBUG);
                }
            }
        }
    }

    /**
     * As {@link #apply}, and for a command with a prompt on the terminal: below WARN the library stays silent
     * unless --verbose.
     */
    void applyQuietly(CommandSpec spec) {
        apply(spec);
        if (!verbose && LoggerFactory.getLogger("io.ocppbdd") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }

    /**
     * Logs every frame of this trace on one line, {@code CS-001 -> [2,...]}: the arrow points the way the frame
     * went, {@code ->} from station to CSMS, {@code <-} from CSMS to station. Passwords are masked.
     *
     * @param sentByStation the direction, as the trace records it, of frames that the station sent
     */
    void logFrames(MessageTrace trace, Direction sentByStation) {
        if (quiet) {
            return;
        }
        Logger log = LoggerFactory.getLogger("io.ocppbdd.cli.frames");
        trace.addListener(entry -> log.info("{} {} {}", entry.endpoint(),
                entry.direction() == sentByStation ? "->" : "<-", compact(entry.frame())));
    }

    private String compact(String frame) {
        String line = Redaction.redact(frame).replace('\r', ' ').replace('\n', ' ');
        if (verbose || line.length() <= INFO_FRAME_LENGTH) {
            return line;
        }
        return line.substring(0, INFO_FRAME_LENGTH) + "... (" + line.length() + " characters; --verbose shows all)";
    }
}
