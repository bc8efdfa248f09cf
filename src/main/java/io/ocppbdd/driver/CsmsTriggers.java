package io.ocppbdd.driver;

import io.ocppbdd.config.YamlNode;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link CsmsDriver}s for a real CSMS: one steered through its own HTTP API, one steered by a person. The
 * test profile ({@code io.ocppbdd.profile.TestProfile}) chooses between them; Java users may call these directly.
 */
public final class CsmsTriggers {

    private CsmsTriggers() {
    }

    /**
     * A CSMS whose stations connect to {@code stationUrl} and which sends CSMS-initiated CALLs when its HTTP API is
     * asked to, as {@code mapping} (a parsed YAML mapping, see the README) says.
     *
     * @param values      the values a template may name besides {@code stationId}, {@code action} and
     *                    {@code payload}, such as {@code tenantId}
     * @param environment where {@code ${NAME}} placeholders are looked up; {@code System::getenv} in real runs
     * @param patience    how long a triggered CALL may take to reach the station
     * @throws io.ocppbdd.config.ConfigError when the mapping is not usable, naming its file and line
     */
    public static CsmsDriver http(URI stationUrl, YamlNode mapping, Map<String, String> values,
                                  Function<String, String> environment, Duration patience) {
        return new HttpCsmsDriver(stationUrl, HttpMapping.parse(mapping, values.keySet()), values, environment,
                patience);
    }

    /**
     * A CSMS an operator steers: each trigger hands {@code operator} one line saying what to make the CSMS send to
     * which station ({@code System.out::println} for a person at a terminal).
     */
    public static CsmsDriver manual(URI stationUrl, Duration patience, Consumer<String> operator) {
        return new ManualCsmsDriver(stationUrl, patience, operator);
    }
}
