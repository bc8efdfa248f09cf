package io.ocppbdd.cli;

import io.ocppbdd.config.ConfigError;
import io.ocppbdd.station.state.StateFileException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Reports every error on one line of stderr, {@code ocpp-bdd station: what (fix)}, never a stack trace:
 * bad arguments and bad state files exit with 2, other failures with 1 (their stack trace is logged at DEBUG).
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine where = problem.getCommandLine();
        print(where, describe(problem) + " (try --help)");
        return where.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine where, ParseResult parseResult) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ParameterException problem) {
            return handleParseException(problem, parseResult.originalArgs().toArray(String[]::new));
        }
        if (cause instanceof StateFileException || cause instanceof ConfigError) {
            print(where, cause.getMessage());
            return where.getCommandSpec().exitCodeOnInvalidInput();
        }
        LoggerFactory.getLogger(OneLineErrors.class).debug("failure", cause);
        print(where, (cause.getMessage() == null ? cause.toString() : cause.getMessage())
                + " (--verbose logs the details)");
        return where.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String describe(ParameterException problem) {
        if (problem instanceof UnmatchedArgumentException unmatched
                && problem.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "': use station, csms, shell or run";
        }
        String message = problem.getMessage().lines().findFirst().orElse("bad arguments");
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void print(CommandLine where, String line) {
        where.getErr().println(where.getCommandSpec().qualifiedName() + ": " + line);
        where.getErr().flush();
    }
}
