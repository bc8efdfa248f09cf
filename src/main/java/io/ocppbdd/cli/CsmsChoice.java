package io.ocppbdd.cli;

import io.ocppbdd.driver.CsmsDrivers;
import io.ocppbdd.driver.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.net.URISyntaxException;

/** {@code --csms <url>} of the shell and the scenario runner: a CSMS at that URL, or the embedded CSMS without it. */
final class CsmsChoice {

    @Option(names = "--csms", paramLabel = "<url>",
            description = "The CSMS's OCPP-J endpoint, ws:// or wss://; the embedded CSMS when absent.")
    private String url;

    /** Sets the simulation's CSMS to the one at the URL given (none: the embedded CSMS, the builder's default). */
    Simulation.Builder apply(Simulation.Builder builder, CommandLine commandLine) {
        if (url == null) {
            return builder;
        }
        String example = " (for example ws://127.0.0.1:9000/ocpp)";
        try {
            URI uri = new URI(url);
            if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ParameterException(commandLine, "--csms '" + url + "' is not a ws:// or wss:// URL" + example);
            }
            return builder.csms(CsmsDrivers.external(uri));
        } catch (URISyntaxException e) {
            throw new ParameterException(commandLine, "--csms '" + url + "' is not a URL: " + e.getReason() + example);
        }
    }
}
