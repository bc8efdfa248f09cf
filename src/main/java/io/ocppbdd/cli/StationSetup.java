package io.ocppbdd.cli;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;

/**
 * The station's configuration, each value from the first place that has it: command-line option, environment
 * variable, state file, defaults. The state file is created with defaults (one EVSE, one connector) when
 * missing, and the id and CSMS URL given are written into it; the password and the security settings
 * ({@link StationSecurity}) never are.
 */
final class StationSetup {

    static final String CSMS_URL_VARIABLE = "OCPP_CSMS_URL";
    static final String STATION_ID_VARIABLE = "OCPP_STATION_ID";
    static final String PASSWORD_VARIABLE = "OCPP_STATION_PASSWORD";

    private static final VariableKey BASIC_AUTH_PASSWORD = VariableKey.of("SecurityCtrlr", "BasicAuthPassword");

    private final CommandLine commandLine;
    private final StateFile stateFile;
    private final StationState state;
    private final Setting password;
    private final StationSecurity security;

    /** A value and where it came from, to name the place in an error message. */
    record Setting(String value, String source) {
    }

    StationSetup(CommandLine commandLine, Map<String, String> environment, String csmsOption, String idOption,
                 String passwordOption, SecurityOptions securityOptions, Path stateFilePath) {
        this.commandLine = commandLine;
        this.stateFile = new StateFile(stateFilePath);
        Optional<Setting> id = first(idOption, "--id", environment, STATION_ID_VARIABLE);
        Optional<Setting> csmsUrl = first(csmsOption, "--csms", environment, CSMS_URL_VARIABLE);
        this.password = first(passwordOption, "--password", environment, PASSWORD_VARIABLE).orElse(null);
        id.ifPresent(this::checkStationId);
        checkStateFolder(stateFilePath);
        this.state = Files.exists(stateFilePath) ? stateFile.load() : StationState.defaults(id
                .orElseThrow(() -> missing("--id", STATION_ID_VARIABLE, "identity.id")).value());
        id.ifPresent(given -> {
            StationState.Identity known = state.getIdentity();
            state.setIdentity(new StationState.Identity(given.value(), known.vendorName(), known.model(),
                    known.serialNumber(), known.firmwareVersion()));
        });
        Setting url = csmsUrl.or(() -> Optional.ofNullable(state.getCsms().getUrl())
                        .map(value -> new Setting(value, "csms.url in " + stateFilePath)))
                .orElseThrow(() -> missing("--csms", CSMS_URL_VARIABLE, "csms.url"));
        URI csmsUri = checkCsmsUrl(url);
        state.getCsms().setUrl(csmsUri.toString());
        if (password != null) {
            checkPassword(password);
        }
        boolean hasPassword = password != null || state.getDeviceModel()
                .containsKey(DeviceModel.stateKey(BASIC_AUTH_PASSWORD, AttributeEnum.ACTUAL));
        this.security = new StationSecurity(commandLine, environment, securityOptions, state, stateFilePath, csmsUri,
                hasPassword, Optional.ofNullable(password));
    }

    StateFile stateFile() {
        return stateFile;
    }

    StationState state() {
        return state;
    }

    /** The security profile in use, for this run only. */
    int securityProfile() {
        return security.profile();
    }

    /** The TLS context for wss://, or null for ws://. */
    SSLContext sslContext() {
        return security.sslContext();
    }

    /**
     * Finishes the station's setup on its loop: gives it the password from option or environment, if any, as its
     * BasicAuthPassword (A00.FR.205, in memory only) and saves the state file. Stops the station when it fails.
     */
    void configure(ChargingStation station) {
        try {
            station.onLoop(() -> {
                if (password != null) {
                    station.deviceModel().setInternally(BASIC_AUTH_PASSWORD, AttributeEnum.ACTUAL, password.value());
                }
                stateFile.save(state);
                return null;
            }).join();
        } catch (CompletionException e) {
            station.stop();
            throw e;
        }
    }

    /** Checked before the station exists, so that nothing is saved for a password it could not use. */
    private void checkPassword(Setting given) {
        DeviceModel.forStation(state).find(BASIC_AUTH_PASSWORD)
                .flatMap(variable -> variable.checkValue(given.value()))
                .ifPresent(problem -> {
                    throw invalid(given, "is " + problem.detail());
                });
    }

    private ParameterException invalid(Setting setting, String problem) {
        return new ParameterException(commandLine, setting.source() + " " + problem);
    }

    static Optional<Setting> first(String option, String optionName, Map<String, String> environment,
                                           String variable) {
        if (option != null) {
            return Optional.of(new Setting(option, optionName));
        }
        String value = environment.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Setting(value, variable));
    }

    private void checkStationId(Setting id) {
        if (!StateFile.isValidStationId(id.value())) {
            throw invalid(id, "'" + id.value() + "' " + StateFile.STATION_ID_RULE);
        }
    }

    /** A typo in --state must not quietly create folders: the state file's folder has to exist. */
    private void checkStateFolder(Path stateFilePath) {
        Path folder = stateFilePath.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(commandLine, "--state '" + stateFilePath + "': the folder " + folder
                    + " does not exist (create it, or give a state file in an existing folder)");
        }
    }

    private URI checkCsmsUrl(Setting url) {
        String example = " (for example ws://127.0.0.1:9000/ocpp)";
        try {
            URI uri = new URI(url.value());
            if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null) {
                throw invalid(url, "'" + url.value() + "' is not a ws:// or wss:// URL" + example);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(url, "'" + url.value() + "' is not a URL: " + e.getReason() + example);
        }
    }

    private ParameterException missing(String option, String variable, String stateField) {
        return new ParameterException(commandLine, "missing " + option + " (or " + variable + ", or " + stateField
                + " in " + stateFile.path() + ")");
    }
}
