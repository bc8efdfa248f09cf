package io.ocppbdd.cli;

import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import io.ocppbdd.shell.Shell;
import io.ocppbdd.station.state.StateFile;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ocpp-bdd shell}: an interactive shell that drives one station (or several) against a CSMS. */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Drives a simulated station interactively: plug, authorize, charge, send any message.",
        description = {"Type 'help' for the commands, Tab completes them and their arguments.",
                "Without --csms the station talks to an embedded CSMS started for the session.",
                "Calls from the CSMS and the station's answers are printed as they happen.",
                "'quit' or Ctrl-D saves the state file and exits 0.", ""},
        footerHeading = "%n",
        footer = {"The command history is kept in " + ShellCommand.HISTORY_NAME + " beside the state file.",
                "",
                "Example: ocpp-bdd shell --state charge_point_state.json"})
final class ShellCommand implements Callable<Integer> {

    static final String HISTORY_NAME = ".ocpp-bdd-history";

    @Spec
    private CommandSpec spec;

    @Option(names = "--state", paramLabel = "<file>", defaultValue = StateFile.DEFAULT_NAME,
            description = "The station's state file, created when missing. Default: ${DEFAULT-VALUE}.")
    private Path stateFile;

    @Option(names = "--id", paramLabel = "<id>", defaultValue = "CS-001",
            description = "The station id when the state file does not exist yet. Default: ${DEFAULT-VALUE}.")
    private String stationId;

    @Mixin
    private CsmsChoice csms = new CsmsChoice();

    @Mixin
    private LogOptions logging = new LogOptions();

    @Override
    public Integer call() throws Exception {
        logging.applyQuietly(spec);
        if (!StateFile.isValidStationId(stationId)) {
            throw new ParameterException(spec.commandLine(), "--id '" + stationId + "' " + StateFile.STATION_ID_RULE);
        }
        Path state = stateFile.toAbsolutePath();
        Simulation.Builder builder = Simulation.builder().realTime().stateFolder(state.getParent());
        try (Simulation simulation = csms.apply(builder, spec.commandLine()).build();
             Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            StationDriver station = simulation.addStation(state, StationSpec.of(stationId));
            Shell shell = new Shell(simulation, station, terminal, state.resolveSibling(HISTORY_NAME));
            return shell.run(station.id() + " (state " + state + ") against " + simulation.csms().describe()
                    + ". Type help for the commands, connect to boot.");
        }
    }
}
