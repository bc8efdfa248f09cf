package io.ocppbdd.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The command-line entry point of the runnable jar:
 * {@code java -jar ocpp-bdd.jar station --csms <url> --id <id>} or {@code java -jar ocpp-bdd.jar csms}.
 * Exit codes: 0 done (also after SIGINT/SIGTERM), 1 failure, 2 bad arguments or state file.
 */
public final class Main {

    /** The logback configuration of the command line; the library jar ships none. */
    static final String LOGBACK_CONFIGURATION = "io/ocppbdd/cli/logback-cli.xml";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        ShutdownSignal shutdown = ShutdownSignal.install();
        int exitCode = commandLine(shutdown.requested(), System.getenv()).execute(args);
        shutdown.exit(exitCode);
    }

    /**
     * Runs one command line in this process and returns its exit code; long-running commands run until
     * {@code stop} completes.
     */
    static int run(CompletableFuture<Void> stop, Map<String, String> environment, PrintWriter out, PrintWriter err,
                   String... args) {
        CommandLine commandLine = commandLine(stop, environment);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    private static CommandLine commandLine(CompletableFuture<Void> stop, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new OcppBddCommand())
                .addSubcommand(new StationCommand(stop, environment))
                .addSubcommand(new CsmsCommand(stop))
                .addSubcommand(new ShellCommand())
                .addSubcommand(new RunCommand());
        OneLineErrors errors = new OneLineErrors();
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine;
    }
}
