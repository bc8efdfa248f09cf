package io.ocppbdd.cli;

import io.ocppbdd.concurrent.SystemScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.rpc.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** {@code ocpp-bdd csms}: the embedded CSMS on its own until SIGINT/SIGTERM. */
@Command(name = "csms", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Runs the embedded CSMS standalone until Ctrl+C or SIGTERM.",
        description = {"It prints its URL as the first line on stdout, accepts every station,",
                "answers each request with a schema-valid default (BootNotification Accepted,",
                "heartbeat interval 300 s, ...) and logs every frame on stderr, until Ctrl+C",
                "(SIGINT) or SIGTERM; then it exits 0.", ""},
        footerHeading = "%n",
        footer = {"Stations connect to <url>/<station id>, for example:",
                "  ocpp-bdd station --csms ws://127.0.0.1:9000/ocpp --id CS-001"})
final class CsmsCommand implements Callable<Integer> {

    private final CompletableFuture<Void> stop;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "<N>", defaultValue = "9000",
            description = "The TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "The address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Mixin
    private LogOptions logging = new LogOptions();

    CsmsCommand(CompletableFuture<Void> stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() {
        logging.apply(spec);
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is not a TCP port (0 to 65535)");
        }
        try (EmbeddedCsms csms = start()) {
            logging.logFrames(csms.trace(), Direction.RECEIVED);
            PrintWriter out = spec.commandLine().getOut();
            out.println(csms.url());
            out.flush();
            stop.join();
        }
        return 0;
    }

    private EmbeddedCsms start() {
        try {
            return EmbeddedCsms.start(host, port, null, SystemScheduler.instance());
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot start the CSMS on " + host + ":" + port + ": " + cause.getMessage()
                    + " (choose another --port or --host; --port 0 picks a free port)", e);
        }
    }
}
