package io.ocppbdd.cli;

import io.ocppbdd.cli.StationSetup.Setting;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.transport.TlsContexts;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * The security profile and TLS context of a station started from the command line, each setting from option,
 * environment variable or state file ({@code csms.securityProfile}, {@code csms.ca}, {@code csms.clientCertificate},
 * {@code csms.clientKey}; paths relative to the state file's folder). Checked before the station starts: profile 1
 * needs ws:// and a password, 2 wss:// and a password, 3 wss:// and a client certificate; unreadable files and wrong
 * passwords are one line naming the file. Nothing here is written into the state file.
 */
final class StationSecurity {

    static final String PROFILE_VARIABLE = "OCPP_SECURITY_PROFILE";
    static final String CA_VARIABLE = "OCPP_CA";
    static final String CLIENT_CERT_VARIABLE = "OCPP_CLIENT_CERT";
    static final String CLIENT_KEY_VARIABLE = "OCPP_CLIENT_KEY";
    static final String CA_PASSWORD_VARIABLE = "OCPP_CA_PASSWORD";
    static final String CLIENT_CERT_PASSWORD_VARIABLE = "OCPP_CLIENT_CERT_PASSWORD";

    private static final String PROFILES = "0 (none), 1 (Basic auth, ws://), 2 (Basic auth, wss://) or 3 "
            + "(client certificate, wss://)";

    private final CommandLine commandLine;
    private final int profile;
    private final SSLContext sslContext;

    /**
     * @param hasPassword whether a BasicAuthPassword is at hand (option, environment or secrets file)
     * @param passwordGiven the password given as option or environment variable, if any
     */
    StationSecurity(CommandLine commandLine, Map<String, String> environment, SecurityOptions options,
                    StationState state, Path stateFile, URI csmsUrl, boolean hasPassword,
                    Optional<Setting> passwordGiven) {
        this.commandLine = commandLine;
        Path folder = stateFile.toAbsolutePath().getParent();
        StationState.CsmsSettings saved = state.getCsms();
        Optional<Setting> ca = path(options.ca, "--ca", environment, CA_VARIABLE, saved.getCa(), "csms.ca", folder,
                stateFile);
        Optional<Setting> certificate = path(options.clientCertificate, "--client-cert", environment,
                CLIENT_CERT_VARIABLE, saved.getClientCertificate(), "csms.clientCertificate", folder, stateFile);
        Optional<Setting> key = path(options.clientKey, "--client-key", environment, CLIENT_KEY_VARIABLE,
                saved.getClientKey(), "csms.clientKey", folder, stateFile);
        Setting profileSetting = profile(options, environment, saved, stateFile, certificate.isPresent(),
                hasPassword, csmsUrl);
        this.profile = check(profileSetting);
        boolean tls = "wss".equals(csmsUrl.getScheme());
        checkConsistency(profileSetting, csmsUrl, tls, hasPassword, passwordGiven, certificate);
        if (key.isPresent() && certificate.isEmpty()) {
            throw invalid(key.get().source() + " needs a client certificate too (--client-cert)");
        }
        if (!tls) {
            Optional<Setting> tlsOnly = ca.or(() -> certificate);
            if (tlsOnly.isPresent() || options.insecureSkipTlsVerify) {
                throw invalid(tlsOnly.map(Setting::source).orElse("--insecure-skip-tls-verify")
                        + " is for wss:// only, but the CSMS URL is " + csmsUrl);
            }
            this.sslContext = null;
            return;
        }
        if (options.insecureSkipTlsVerify && ca.isPresent()) {
            throw invalid("--insecure-skip-tls-verify and " + ca.get().source() + " exclude each other");
        }
        this.sslContext = context(options.insecureSkipTlsVerify, ca, certificate, key, environment);
    }

    int profile() {
        return profile;
    }

    /** The TLS context for wss://, or null for ws://. */
    SSLContext sslContext() {
        return sslContext;
    }

    private Setting profile(SecurityOptions options, Map<String, String> environment,
                            StationState.CsmsSettings saved, Path stateFile, boolean hasCertificate,
                            boolean hasPassword, URI csmsUrl) {
        Optional<Setting> given = StationSetup.first(options.profile == null ? null : options.profile.toString(),
                "--security-profile", environment, PROFILE_VARIABLE);
        if (given.isPresent()) {
            return given.get();
        }
        if (saved.getSecurityProfile() != 0) {
            return new Setting(String.valueOf(saved.getSecurityProfile()), "csms.securityProfile in " + stateFile);
        }
        int derived = hasCertificate ? 3 : hasPassword ? ("wss".equals(csmsUrl.getScheme()) ? 2 : 1) : 0;
        return new Setting(String.valueOf(derived), "the security profile " + derived);
    }

    private int check(Setting setting) {
        try {
            int value = Integer.parseInt(setting.value().trim());
            if (value >= 0 && value <= 3) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(setting.source() + " is '" + setting.value() + "'; security profiles are " + PROFILES);
    }

    private void checkConsistency(Setting setting, URI csmsUrl, boolean tls, boolean hasPassword,
                                  Optional<Setting> passwordGiven, Optional<Setting> certificate) {
        String profileName = "security profile " + profile + " (" + setting.source() + ")";
        if (profile == 1 && tls) {
            throw invalid(profileName + " is Basic auth over ws://, but the CSMS URL is " + csmsUrl
                    + ": use security profile 2 for wss://");
        }
        if (profile >= 2 && !tls) {
            throw invalid(profileName + " needs a wss:// CSMS URL, not " + csmsUrl);
        }
        if ((profile == 1 || profile == 2) && !hasPassword) {
            throw invalid(profileName + " needs a password: give --password or " + StationSetup.PASSWORD_VARIABLE);
        }
        if (profile == 3 && certificate.isEmpty()) {
            throw invalid(profileName + " needs a client certificate: give --client-cert (PEM with --client-key, "
                    + "or PKCS#12)");
        }
        if (profile != 3 && certificate.isPresent()) {
            throw invalid(certificate.get().source() + " is for security profile 3, but " + profileName
                    + " is in use");
        }
        if ((profile == 0 || profile == 3) && passwordGiven.isPresent()) {
            throw invalid(passwordGiven.get().source() + " is for security profiles 1 and 2, but " + profileName
                    + " is in use");
        }
    }

    private SSLContext context(boolean insecure, Optional<Setting> ca, Optional<Setting> certificate,
                               Optional<Setting> key, Map<String, String> environment) {
        Function<Setting, Path> asPath = setting -> Path.of(setting.value());
        Path certificateFile = certificate.map(asPath).orElse(null);
        Path keyFile = key.map(asPath).orElse(null);
        char[] certificatePassword = secret(environment, CLIENT_CERT_PASSWORD_VARIABLE);
        try {
            if (insecure) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": WARNING: "
                        + "--insecure-skip-tls-verify: the CSMS's certificate and host name are NOT verified; "
                        + "anyone on the network path can pose as the CSMS");
                commandLine.getErr().flush();
                return TlsContexts.trustingAnyServer(certificateFile, keyFile, certificatePassword);
            }
            return TlsContexts.station(ca.map(asPath).orElse(null), secret(environment, CA_PASSWORD_VARIABLE),
                    certificateFile, keyFile, certificatePassword);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static char[] secret(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value == null ? null : value.toCharArray();
    }

    /** A path from option, environment or state file; the state file's is relative to its folder. */
    private static Optional<Setting> path(Path option, String optionName, Map<String, String> environment,
                                          String variable, String saved, String key, Path folder, Path stateFile) {
        return StationSetup.first(option == null ? null : option.toString(), optionName, environment, variable)
                .or(() -> Optional.ofNullable(saved).map(value ->
                        new Setting(folder.resolve(value).toString(), key + " in " + stateFile)));
    }

    private ParameterException invalid(String problem) {
        return new ParameterException(commandLine, problem);
    }
}
