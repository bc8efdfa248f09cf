package io.ocppbdd.shell;

import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The interactive shell: reads command lines with JLine (completion, history kept in a file) and runs them with
 * the {@link Vocabulary}; the calls the CSMS sends and the station's answers are printed above the line being
 * typed as they happen. {@code quit} or Ctrl-D saves the state and ends it; Ctrl-C drops the line being typed.
 */
public final class Shell {

    private final Session session;
    private final Terminal terminal;
    private final LineReader reader;

    /**
     * @param first       the station in use at first
     * @param historyFile where the command history is kept across sessions
     */
    public Shell(Simulation simulation, StationDriver first, Terminal terminal, Path historyFile) {
        this.session = new Session(simulation, first, this::listenTo);
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().appName("ocpp-bdd").terminal(terminal)
                .completer(new ShellCompleter(session)).variable(LineReader.HISTORY_FILE, historyFile)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
        listenTo(first);
    }

    /** Prints the CALLs the CSMS sends to this station, and the station's answers, as they happen. */
    private void listenTo(StationDriver station) {
        station.onCall(call -> {
            if (!call.fromStation()) {
                reader.printAbove(describe(station, call));
            }
        });
    }

    /** Reads and runs commands until quit or Ctrl-D; the state is saved then. Returns the exit code, 0. */
    public int run(String banner) {
        PrintWriter out = terminal.writer();
        out.println(banner);
        out.flush();
        while (true) {
            String line;
            try {
                line = reader.readLine(session.station().id() + "> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                line = Vocabulary.QUIT;
            }
            String output = runOne(line);
            if (!output.isEmpty()) {
                out.println(output);
                out.flush();
            }
            if (line.strip().equalsIgnoreCase(Vocabulary.QUIT)) {
                saveHistory();
                return 0;
            }
        }
    }

    private String runOne(String line) {
        try {
            return Vocabulary.run(session, line);
        } catch (BadCommand e) {
            return e.getMessage();
        } catch (RuntimeException | AssertionError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return "error: " + message.lines().findFirst().orElse(message);
        }
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("history not saved: " + e.getMessage());
        }
    }

    private static String describe(StationDriver station, OcppCall call) {
        if (call.answer() == null) {
            return "← CSMS to " + station.id() + ": " + call.describe();
        }
        return "→ " + station.id() + " answered " + call.action() + " " + call.answer().describe();
    }
}
