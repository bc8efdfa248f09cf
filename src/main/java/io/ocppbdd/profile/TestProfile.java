package io.ocppbdd.profile;

import io.ocppbdd.config.ConfigError;
import io.ocppbdd.config.YamlNode;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.driver.CsmsDriver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The CSMS under test as a test sees it, from one YAML file ({@code ocpp-bdd.yaml}): where stations connect, how
 * to make it send CSMS-initiated messages, which station ids to use, the security profile and password, the id
 * tokens it knows by role, the heartbeat interval it gives and free-form values. Features name roles, the profile
 * gives the values; without a file, the built-in profile of the embedded CSMS applies.
 *
 * <p>Which file: {@code -Docpp.profile}, else {@code OCPP_PROFILE}, else {@code ocpp-bdd.yaml} in the working
 * folder if there is one, else the built-in {@code io/ocppbdd/profile/embedded.yaml}. A bad file is a
 * {@link ConfigError} ({@code file:line: what is wrong, how to fix}); a value a scenario needs and the profile
 * lacks is a {@link ProfileValueMissing} when the scenario asks for it. Passwords come from environment variables
 * and never appear in any message or {@link #toString()}.
 */
public final class TestProfile {

    public static final String PROFILE_PROPERTY = "ocpp.profile";
    public static final String PROFILE_ENVIRONMENT = "OCPP_PROFILE";
    static final String WORKING_FOLDER_FILE = "ocpp-bdd.yaml";
    static final String BUILT_IN = "io/ocppbdd/profile/embedded.yaml";

    private final String source;
    private final Optional<URI> csmsUrl;
    private final Trigger trigger;
    private final CsmsDriver external;
    private final StationIds stationIds;
    private final Duration rebootPause;
    private final int securityProfile;
    private final Optional<String> passwordVariable;
    private final Map<TokenRole, ProfileToken> tokens;
    private final Optional<Integer> heartbeatInterval;
    private final Map<String, String> values;
    private final Function<String, String> environment;

    TestProfile(ProfileReader read) {
        this.source = read.source;
        this.csmsUrl = read.csmsUrl;
        this.trigger = read.trigger;
        this.external = read.external;
        this.stationIds = read.stationIds;
        this.rebootPause = read.rebootPause;
        this.securityProfile = read.securityProfile;
        this.passwordVariable = read.passwordVariable;
        this.tokens = Map.copyOf(read.tokens);
        this.heartbeatInterval = read.heartbeatInterval;
        this.values = Map.copyOf(read.values);
        this.environment = read.settings.environment();
    }

    /** The profile this run uses, from the system properties and the environment. */
    public static TestProfile load() {
        return load(System::getProperty, System::getenv);
    }

    /** The profile chosen and read with these sources of system properties and environment variables. */
    public static TestProfile load(Function<String, String> properties, Function<String, String> environment) {
        Settings settings = new Settings(properties, environment);
        Optional<String> named = Optional.ofNullable(properties.apply(PROFILE_PROPERTY)).filter(Settings::present)
                .or(() -> Optional.ofNullable(environment.apply(PROFILE_ENVIRONMENT)).filter(Settings::present));
        if (named.isPresent()) {
            return new TestProfile(new ProfileReader(YamlNode.read(Path.of(named.get().trim())), settings));
        }
        if (Files.isRegularFile(Path.of(WORKING_FOLDER_FILE))) {
            return new TestProfile(new ProfileReader(YamlNode.read(Path.of(WORKING_FOLDER_FILE)), settings));
        }
        return builtIn(settings);
    }

    private static TestProfile builtIn(Settings settings) {
        try (InputStream in = TestProfile.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new TestProfile(new ProfileReader(YamlNode.parse(text, "built-in " + BUILT_IN, null), settings));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
    }

    /** The file this profile was read from, for messages. */
    public String source() {
        return source;
    }

    /** The external CSMS stations connect to; empty for the embedded CSMS. */
    public Optional<URI> csmsUrl() {
        return csmsUrl;
    }

    /** How the CSMS is made to act: {@code ocpp.csms.trigger} > {@code OCPP_CSMS_TRIGGER} > profile > default. */
    Trigger trigger() {
        return trigger;
    }

    /**
     * The CSMS driver of the chosen trigger. The http and manual drivers are built here (one per profile, shared:
     * they hold no state); the embedded one and {@code none} come from the caller, which owns them.
     *
     * @param embedded makes a driver with a fresh embedded CSMS
     * @param none     makes the driver of an external CSMS that cannot be made to act, at this URL
     */
    public CsmsDriver csmsDriver(Supplier<CsmsDriver> embedded, Function<URI, CsmsDriver> none) {
        return switch (trigger) {
            case EMBEDDED -> embedded.get();
            case NONE -> none.apply(csmsUrl.orElseThrow());
            case HTTP, MANUAL -> external;
        };
    }

    /** Which identity each station of a scenario has. */
    public StationIds stationIds() {
        return stationIds;
    }

    /**
     * How long, in real time, a station that reboots or loses power stays off before it connects again
     * ({@code stations.rebootSeconds}, 0 by default): the time the CSMS needs to end the old session.
     */
    public Duration rebootPause() {
        return rebootPause;
    }

    /** The OCPP security profile stations use: 0 (none), 1 (Basic auth, ws), 2 (Basic auth, wss), 3 (mTLS). */
    public int securityProfile() {
        return securityProfile;
    }

    /** The Basic auth password of the stations, read now from the environment variable the profile names. */
    public Optional<String> stationPassword() {
        return passwordVariable.map(variable -> Optional.ofNullable(environment.apply(variable))
                .filter(Settings::present).orElseThrow(() -> new ProfileValueMissing(source, "security.password",
                        "the environment variable " + variable + " it names is not set")));
    }

    /** The id token the CSMS treats as this role. */
    public ProfileToken token(TokenRole role) {
        ProfileToken token = tokens.get(role);
        if (token == null) {
            throw new ProfileValueMissing(source, "tokens." + role.key(), "");
        }
        return token;
    }

    /** The heartbeat interval, in seconds, the CSMS gives in its BootNotification answer. */
    public int heartbeatInterval() {
        return heartbeatInterval.orElseThrow(() -> new ProfileValueMissing(source, "csms.heartbeatInterval", ""));
    }

    /**
     * The stubs that make the embedded CSMS answer as the CSMS this profile describes: its heartbeat interval, each
     * profiled token's role status and group (Authorize, TransactionEvent), DataTransfer UnknownVendorId. Stubs added
     * after them win.
     */
    public List<Stub> csmsAnswers() {
        return ProfiledAnswers.of(this);
    }

    /** A free-form value under {@code values:}, for anything else a feature would otherwise hard-code. */
    public String value(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ProfileValueMissing(source, "values." + key, "");
        }
        return value;
    }

    /** Every free-form value, by key. */
    public Map<String, String> values() {
        return values;
    }

    @Override
    public String toString() {
        return "test profile " + source + " (CSMS " + csmsUrl.map(URI::toString).orElse("embedded") + ", trigger "
                + trigger + ", " + stationIds + ", security profile " + securityProfile + ")";
    }
}
