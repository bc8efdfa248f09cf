package io.ocppbdd.cli;

import io.ocppbdd.concurrent.SystemScheduler;
import io.ocppbdd.csms.AdminApi;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.profile.TestProfile;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.rpc.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** {@code ocpp-bdd csms}: the embedded CSMS on its own until SIGINT/SIGTERM. */
@Command(name = "csms", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Runs the embedded CSMS standalone until Ctrl+C or SIGTERM.",
        description = {"It prints its URL as the first line on stdout and the URL of its admin HTTP",
                "API as the second, accepts every station, answers each request with a schema-valid",
                "default (BootNotification Accepted, heartbeat interval 300 s, ...) or as the",
                "profile says, and logs every frame on stderr, until Ctrl+C (SIGINT) or SIGTERM;",
                "then it exits 0.", ""},
        footerHeading = "%n",
        footer = {"Stations connect to <url>/<station id>, for example:",
                "  ocpp-bdd station --csms ws://127.0.0.1:9000/ocpp --id CS-001",
                "The admin API sends CSMS calls, sets stubs and reads what stations sent:",
                "  curl -X POST http://127.0.0.1:9001/admin/stations/CS-001/calls/Reset -d '{\"type\":\"Immediate\"}'"})
final class CsmsCommand implements Callable<Integer> {

    private final CompletableFuture<Void> stop;

    private static final int FREE_PORT_ATTEMPTS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "<N>", defaultValue = "9000",
            description = "The TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "The address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--admin-port", paramLabel = "<N>",
            description = "The TCP port of the admin HTTP API. Default: the OCPP port + 1.")
    private Integer adminPort;

    @Option(names = "--heartbeat-interval", paramLabel = "<seconds>",
            description = "The interval BootNotification answers give. Default: the profile's, else 300.")
    private Integer heartbeatInterval;

    @Option(names = "--profile", paramLabel = "<file>",
            description = "A test profile (YAML): answer its tokens with their roles' statuses and groups, "
                    + "every other id token with Unknown, and give its heartbeat interval, as the CSMS it describes.")
    private Path profile;

    @Mixin
    private LogOptions logging = new LogOptions();

    CsmsCommand(CompletableFuture<Void> stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() {
        logging.apply(spec);
        checkPort("--port", port);
        if (adminPort != null) {
            checkPort("--admin-port", adminPort);
        }
        if (heartbeatInterval != null && heartbeatInterval <= 0) {
            throw new ParameterException(spec.commandLine(), "--heartbeat-interval " + heartbeatInterval
                    + " is not a positive number of seconds");
        }
        try (EmbeddedCsms csms = start()) {
            answerAsConfigured(csms);
            try (AdminApi admin = startAdmin(csms)) {
                logging.logFrames(csms.trace(), Direction.RECEIVED);
                PrintWriter out = spec.commandLine().getOut();
                out.println(csms.url());
                out.println(admin.url());
                out.flush();
                stop.join();
            }
        }
        return 0;
    }

    /**
     * The profile's answers, then the heartbeat interval option, which wins. With a profile the CSMS knows only the
     * profile's tokens, as a real one knows only its own: any other id token in Authorize or TransactionEvent is
     * answered Unknown (AuthorizationStatusEnumType; Part 6 TC_C_02_CSMS accepts Invalid or Unknown), so a feature
     * that names a literal token instead of a role fails against it.
     */
    private void answerAsConfigured(EmbeddedCsms csms) {
        if (profile != null) {
            csms.stubFor(unknownToken(Action.Authorize));
            csms.stubFor(unknownToken(Action.TransactionEvent));
            Map<String, String> settings = Map.of(TestProfile.PROFILE_PROPERTY, profile.toString(),
                    "ocpp.csms.url", csms.url().toString(), "ocpp.csms.trigger", "none");
            TestProfile.load(settings::get, System::getenv).csmsAnswers().forEach(csms::stubFor);
        }
        if (heartbeatInterval != null) {
            int interval = heartbeatInterval;
            csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("interval", interval)));
        }
    }

    /** Unknown to any request of this action with an id token; the profile's token stubs, added later, win. */
    private static Stub unknownToken(Action action) {
        return Stub.on(action).when(request -> request.has("idToken"))
                .willReturn(answer -> answer.putObject("idTokenInfo").put("status", "Unknown"));
    }

    private void checkPort(String option, int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(spec.commandLine(), option + " " + value + " is not a TCP port (0 to 65535)");
        }
    }

    /** The admin API on --admin-port, else on the OCPP port + 1. */
    private AdminApi startAdmin(EmbeddedCsms csms) {
        return AdminApi.start(csms, host, adminPort != null ? adminPort : csms.url().getPort() + 1);
    }

    /**
     * The CSMS on --port. With --port 0 and no --admin-port, a free port whose next port is free too, so that the
     * admin API sits on the OCPP port + 1 as profiles expect: a few tries, as another process may take it first.
     */
    private EmbeddedCsms start() {
        if (port != 0 || adminPort != null) {
            return startOn(port);
        }
        for (int attempt = 1; ; attempt++) {
            EmbeddedCsms csms = startOn(0);
            try (ServerSocket next = new ServerSocket(csms.url().getPort() + 1, 1, InetAddress.getByName(host))) {
                return csms;
            } catch (IOException e) {
                csms.close();
                if (attempt == FREE_PORT_ATTEMPTS) {
                    throw new IllegalStateException("cannot find two free ports in a row on " + host
                            + " (give --port and --admin-port)", e);
                }
            }
        }
    }

    private EmbeddedCsms startOn(int port) {
        try {
            return EmbeddedCsms.start(host, port, null, SystemScheduler.instance());
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot start the CSMS on " + host + ":" + port + ": " + cause.getMessage()
                    + " (choose another --port or --host; --port 0 picks a free port)", e);
        }
    }
}
