package io.ocppbdd.cli;

import io.ocppbdd.scenario.ScenarioError;
import io.ocppbdd.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ocpp-bdd run <file>}: runs a scenario file and prints pass/fail per step. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Runs a scenario file (YAML or JSON): shell commands, waits and expectations.",
        description = {"Without --csms it runs against the embedded CSMS. The format is published as",
                "scenarios/scenario.schema.json.", ""},
        footerHeading = "%n",
        footer = {"Exit codes: 0 every step passed, 1 a step failed (named in the summary),",
                "            2 the file cannot be run as written (file:line: what, how to fix).",
                "",
                "Example: ocpp-bdd run scenarios/charging-session.yaml"})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<file>", description = "The scenario, .yaml, .yml or .json.")
    private Path file;

    @Mixin
    private CsmsChoice csms = new CsmsChoice();

    @Mixin
    private LogOptions logging = new LogOptions();

    @Override
    public Integer call() {
        logging.applyQuietly(spec);
        try {
            return ScenarioRunner.run(file, builder -> csms.apply(builder, spec.commandLine()),
                    spec.commandLine().getOut());
        } catch (ScenarioError e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return spec.exitCodeOnInvalidInput();
        }
    }
}
