package io.ocppbdd.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The station's security options: profile, TLS files, and the option that turns verification off. */
final class SecurityOptions {

    @Option(names = "--security-profile", paramLabel = "<0-3>", description = "0 none, 1 Basic auth over ws://, "
            + "2 Basic auth over wss://, 3 client certificate over wss://. Default: from the state file, else 1 or 2 "
            + "with a password, 3 with a client certificate.")
    Integer profile;

    @Option(names = "--ca", paramLabel = "<file>", description = "The CSMS's CA certificate(s), PEM or PKCS#12, "
            + "for wss://. Default: the JVM's trusted CAs.")
    Path ca;

    @Option(names = "--client-cert", paramLabel = "<file>", description = "The station's certificate for "
            + "security profile 3: PEM (chain, with --client-key) or PKCS#12 (with its key).")
    Path clientCertificate;

    @Option(names = "--client-key", paramLabel = "<file>", description = "The private key of a PEM --client-cert "
            + "(PEM, unencrypted PKCS#8, RSA or EC).")
    Path clientKey;

    @Option(names = "--insecure-skip-tls-verify", description = "Trust any CSMS certificate and host name. "
            + "Anyone on the network can then pose as the CSMS: for throw-away test setups only.")
    boolean insecureSkipTlsVerify;
}
