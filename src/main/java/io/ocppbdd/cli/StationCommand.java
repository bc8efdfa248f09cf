package io.ocppbdd.cli;

import io.ocppbdd.rpc.Direction;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code ocpp-bdd station}: one headless charging station until SIGINT/SIGTERM. */
@Command(name = "station", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Runs one headless charging station until Ctrl+C or SIGTERM.",
        description = {"The station connects to the CSMS, boots, heartbeats and answers CSMS calls",
                "until Ctrl+C (SIGINT) or SIGTERM, then closes the connection and exits 0.",
                "While the CSMS cannot be reached it retries with back-off and logs one line",
                "per attempt. Status lines go to stdout, logs and OCPP frames to stderr.", ""},
        footerHeading = "%n",
        footer = {"Environment:",
                "  " + StationSetup.CSMS_URL_VARIABLE + "          the CSMS URL when --csms is not given",
                "  " + StationSetup.STATION_ID_VARIABLE + "        the station id when --id is not given",
                "  " + StationSetup.PASSWORD_VARIABLE + "  the password when --password is not given",
                "                         (keeps it out of the process list)",
                "  " + StationSecurity.PROFILE_VARIABLE + ", " + StationSecurity.CA_VARIABLE + ", "
                        + StationSecurity.CLIENT_CERT_VARIABLE + ", " + StationSecurity.CLIENT_KEY_VARIABLE,
                "                         --security-profile, --ca, --client-cert, --client-key",
                "  " + StationSecurity.CA_PASSWORD_VARIABLE + ", " + StationSecurity.CLIENT_CERT_PASSWORD_VARIABLE,
                "                         passwords of PKCS#12 files given as --ca / --client-cert",
                "",
                "Each setting comes from the first of: option, environment variable, state file,",
                "default. The state file is created when missing (one EVSE with one connector);",
                "the id and CSMS URL given are written into it; the password, the security profile",
                "and the TLS files never are. A password the CSMS sets (SetVariables) is kept in",
                "<state>.secrets.json beside the state file, readable by its owner only.",
                "Give each station its own state file.",
                "",
                "Example: ocpp-bdd station --csms ws://127.0.0.1:9000/ocpp --id CS-001"})
final class StationCommand implements Callable<Integer> {

    /** How long a stopping station waits for the CSMS to close the connection. */
    private static final long CLOSE_WAIT_SECONDS = 3;

    private final CompletableFuture<Void> stop;
    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--csms", paramLabel = "<url>",
            description = "The CSMS's OCPP-J endpoint, ws:// or wss://; the station id is appended to it.")
    private String csmsUrl;

    @Option(names = "--id", paramLabel = "<id>", description = "The station id (identity), e.g. CS-001.")
    private String stationId;

    @Option(names = "--password", paramLabel = "<pw>", description = "The HTTP Basic auth password "
            + "(SecurityCtrlr.BasicAuthPassword); turns security profile 0 into 1 (ws://) or 2 (wss://).")
    private String password;

    @Option(names = "--state", paramLabel = "<file>", defaultValue = StateFile.DEFAULT_NAME,
            description = "The state file (charge_point_state.json format). Default: ${DEFAULT-VALUE} in the "
                    + "current folder.")
    private Path stateFile;

    @Mixin
    private SecurityOptions security = new SecurityOptions();

    @Mixin
    private EvOptions ev = new EvOptions();

    @Mixin
    private LogOptions logging = new LogOptions();

    StationCommand(CompletableFuture<Void> stop, Map<String, String> environment) {
        this.stop = stop;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        logging.apply(spec);
        StationSetup setup = new StationSetup(spec.commandLine(), environment, csmsUrl, stationId, password,
                security, stateFile);
        StatusLine status = new StatusLine(spec.commandLine().getOut());
        ChargingStation station = ChargingStation.builder(setup.state()).stateFile(setup.stateFile())
                .securityProfile(setup.securityProfile()).sslContext(setup.sslContext()).module(status).build();
        logging.logFrames(station.trace(), Direction.SENT);
        setup.configure(station);
        ev.apply(station);
        station.start();
        stop.join();
        try {
            status.stop(station).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // the CSMS did not answer the close in time; the process ends anyway
        }
        return 0;
    }
}
