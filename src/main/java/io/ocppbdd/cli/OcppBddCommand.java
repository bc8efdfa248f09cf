package io.ocppbdd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: only help, version and the subcommands. */
@Command(name = "ocpp-bdd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"OCPP 2.0.1 charging-station simulator and embedded CSMS.", ""},
        footerHeading = "%n",
        footer = {"Run 'ocpp-bdd COMMAND --help' for the options of a command.",
                "Exit codes: 0 done (also after Ctrl+C or SIGTERM), 1 failure,",
                "            2 bad arguments or a bad state file."})
final class OcppBddCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: station, csms, shell or run");
    }
}
