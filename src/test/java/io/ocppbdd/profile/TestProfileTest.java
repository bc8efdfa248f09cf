package io.ocppbdd.profile;

import io.ocppbdd.config.ConfigError;
import io.ocppbdd.config.YamlNode;
import io.ocppbdd.driver.CsmsDriver;
import io.ocppbdd.protocol.Action;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestProfileTest {

    @TempDir
    Path folder;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private TestProfile load() {
        return TestProfile.load(properties::get, environment::get);
    }

    private Path profile(String yaml) throws IOException {
        Path file = folder.resolve("ocpp-bdd.yaml");
        Files.writeString(file, yaml);
        properties.put(TestProfile.PROFILE_PROPERTY, file.toString());
        return file;
    }

    private void badProfile(String yaml, int line, String problem) throws IOException {
        Path file = profile(yaml);
        assertThatThrownBy(this::load).isInstanceOf(ConfigError.class).hasMessage(file + ":" + line + ": " + problem);
    }

    @Test
    @DisplayName("without a file the embedded CSMS's built-in profile applies, the same as profiles/embedded.yaml")
    void builtIn() throws IOException {
        TestProfile profile = load();

        assertThat(profile.source()).isEqualTo("built-in io/ocppbdd/profile/embedded.yaml");
        assertThat(profile.trigger()).isEqualTo(Trigger.EMBEDDED);
        assertThat(profile.csmsUrl()).isEmpty();
        assertThat(profile.heartbeatInterval()).isEqualTo(300);
        assertThat(profile.securityProfile()).isZero();
        assertThat(profile.stationPassword()).isEmpty();
        assertThat(profile.token(TokenRole.ACCEPTED)).isEqualTo(new ProfileToken("04A2B3C4", "ISO14443",
                Optional.empty()));
        assertThat(profile.token(TokenRole.MASTER_PASS).groupId()).contains("POLICE");
        assertThat(profile.stationIds().requiresSerialExecution()).isFalse();
        assertThat(profile.stationIds().newScenario().idFor("CS-001")).isEqualTo("CS-001");
        assertThat(profile.rebootPause()).isZero();
        assertThat(Files.readString(Path.of("profiles/embedded.yaml"))).isEqualTo(Files.readString(
                Path.of("src/main/resources", TestProfile.BUILT_IN)));
    }

    @Test
    @DisplayName("every token of the bundled profiles is valid, ISO14443 ones 8 or 14 hex digits")
    void bundledProfilesLoad() {
        properties.put(TestProfile.PROFILE_PROPERTY, "profiles/embedded.yaml");
        TestProfile embedded = load();
        properties.put(TestProfile.PROFILE_PROPERTY, "profiles/citrineos.yaml");
        TestProfile citrineos = load();

        for (TokenRole role : TokenRole.values()) {
            assertThat(embedded.token(role).idToken()).matches("[0-9A-F]{8}|[0-9A-F]{14}");
            assertThat(citrineos.token(role).type()).isEqualTo("ISO14443");
        }
        assertThat(citrineos.trigger()).isEqualTo(Trigger.HTTP);
        assertThat(citrineos.heartbeatInterval()).isEqualTo(60);
        assertThat(citrineos.csmsUrl()).contains(URI.create("ws://localhost:8081"));
        assertThat(citrineos.value("tenantId")).isEqualTo("1");
    }

    @Test
    @DisplayName("profiles/citrineos.yaml maps every action a CSMS sends to CitrineOS's message API")
    void citrineosMapsEveryCsmsAction() {
        YamlNode actions = YamlNode.read(Path.of("profiles/citrineos.yaml")).get("http").get("actions");

        Set<String> mapped = actions.fields().stream().map(Map.Entry::getKey).collect(Collectors.toSet());

        assertThat(mapped).isEqualTo(Arrays.stream(Action.values()).filter(Action::sentByCsms).map(Action::name)
                .collect(Collectors.toSet()));
        assertThat(actions.get("RequestStartTransaction").get("url").text()).contains(
                "/ocpp/2.0.1/evdriver/requestStartTransaction?identifier={stationId}&tenantId={tenantId}");
    }

    @Test
    @DisplayName("the trigger: property > environment > profile > default (embedded without URL, else none)")
    void triggerPrecedence() throws IOException {
        profile("csms: {url: ws://csms.example:9000/ocpp}\ntrigger: manual\n");
        assertThat(load().trigger()).isEqualTo(Trigger.MANUAL);
        environment.put("OCPP_CSMS_TRIGGER", "none");
        assertThat(load().trigger()).isEqualTo(Trigger.NONE);
        environment.put("OCPP_CSMS_TRIGGER", "embedded");
        properties.put("ocpp.csms.trigger", "MANUAL");
        assertThat(load().trigger()).isEqualTo(Trigger.MANUAL);

        profile("csms: {url: ws://csms.example:9000/ocpp}\n");
        environment.clear();
        properties.remove("ocpp.csms.trigger");
        assertThat(load().trigger()).isEqualTo(Trigger.NONE);
        profile("tokens: {}\n");
        assertThat(load().trigger()).isEqualTo(Trigger.EMBEDDED);
    }

    @Test
    @DisplayName("the CSMS URL: property > environment > profile; the none driver gets it, embedded is the caller's")
    void urlPrecedence() throws IOException {
        profile("csms: {url: ws://from-profile:1/ocpp}\n");
        environment.put("OCPP_CSMS_URL", "ws://from-environment:2/ocpp");
        assertThat(load().csmsUrl()).contains(URI.create("ws://from-environment:2/ocpp"));
        properties.put("ocpp.csms.url", "wss://from-property:3/ocpp");
        TestProfile profile = load();

        assertThat(profile.csmsUrl()).contains(URI.create("wss://from-property:3/ocpp"));
        URI[] given = new URI[1];
        profile.csmsDriver(() -> null, url -> {
            given[0] = url;
            return null;
        });
        assertThat(given[0]).isEqualTo(URI.create("wss://from-property:3/ocpp"));
    }

    @Test
    @DisplayName("trigger http with the mapping in a file next to the profile; values fill its templates")
    void httpTrigger() throws IOException {
        Files.writeString(folder.resolve("api.yaml"), "baseUrl: http://127.0.0.1:1\nactions:\n"
                + "  Reset: {url: \"/reset?tenant={tenantId}\"}\n");
        profile("csms: {url: ws://127.0.0.1:2/ocpp}\ntrigger: http\nhttp: api.yaml\nvalues: {tenantId: 7}\n");
        properties.put("ocpp.patience.seconds", "45");

        CsmsDriver driver = load().csmsDriver(() -> null, url -> null);

        assertThat(driver.describe()).contains("HTTP API", folder.resolve("api.yaml") + ":2");
        assertThat(driver.patience()).isEqualTo(Duration.ofSeconds(45));
        assertThat(driver.url()).isEqualTo(URI.create("ws://127.0.0.1:2/ocpp"));
    }

    @Test
    @DisplayName("trigger manual waits 300 s by default, the profile's patience, or ocpp.csms.manual.patience.seconds")
    void manualPatience() throws IOException {
        profile("csms: {url: ws://127.0.0.1:2/ocpp}\ntrigger: manual\n");
        assertThat(load().csmsDriver(() -> null, url -> null).patience()).isEqualTo(Duration.ofSeconds(300));
        profile("csms: {url: ws://127.0.0.1:2/ocpp}\ntrigger: manual\nmanual: {patienceSeconds: 600}\n");
        assertThat(load().csmsDriver(() -> null, url -> null).patience()).isEqualTo(Duration.ofSeconds(600));
        properties.put("ocpp.csms.manual.patience.seconds", "90");
        assertThat(load().csmsDriver(() -> null, url -> null).patience()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    @DisplayName("a value the profile lacks fails only the scenario that asks, naming the key and the file")
    void missingValues() throws IOException {
        Path file = profile("tokens:\n  accepted: {idToken: \"0A0B0C0D\", type: ISO14443}\n");
        TestProfile profile = load();

        assertThat(profile.token(TokenRole.ACCEPTED).idToken()).isEqualTo("0A0B0C0D");
        assertThatThrownBy(() -> profile.token(TokenRole.BLOCKED)).isInstanceOf(ProfileValueMissing.class)
                .hasMessage("the test profile " + file + " has no tokens.blocked, which this scenario needs; add it "
                        + "to the profile (README: Test profiles and CSMS triggers)");
        assertThatThrownBy(profile::heartbeatInterval).isInstanceOf(ProfileValueMissing.class)
                .hasMessageContaining("has no csms.heartbeatInterval");
        assertThatThrownBy(() -> profile.value("siteId")).isInstanceOf(ProfileValueMissing.class)
                .hasMessageContaining("has no values.siteId");
    }

    @Test
    @DisplayName("the password comes from the environment variable the profile names, and never shows")
    void password() throws IOException {
        Path file = profile("security: {profile: 1, password: \"${STATION_SECRET}\"}\n");
        TestProfile profile = load();
        assertThatThrownBy(profile::stationPassword).isInstanceOf(ProfileValueMissing.class).hasMessage(
                "the test profile " + file + " has no security.password (the environment variable STATION_SECRET "
                        + "it names is not set), which this scenario needs; add it to the profile (README: Test "
                        + "profiles and CSMS triggers)");

        environment.put("STATION_SECRET", "pa55word");
        assertThat(profile.stationPassword()).contains("pa55word");
        assertThat(profile.securityProfile()).isEqualTo(1);
        assertThat(profile.toString()).doesNotContain("pa55word").contains("security profile 1");
    }

    @Test
    @DisplayName("fresh ids: unique per scenario and run, at most 48 identifierString characters; the same name "
            + "in one scenario is the same station")
    void freshIds() throws IOException {
        profile("csms: {url: ws://127.0.0.1:2/ocpp}\nstations: {idPrefix: " + "P".repeat(33) + "}\n");
        StationIds ids = load().stationIds();
        StationIds.Scenario one = ids.newScenario();
        StationIds.Scenario two = ids.newScenario();

        assertThat(one.idFor("CS-001")).isEqualTo(one.idFor("CS-001")).isNotEqualTo(one.idFor("CS-002"))
                .isNotEqualTo(two.idFor("CS-001")).startsWith("P".repeat(33)).hasSizeLessThanOrEqualTo(48)
                .matches(StationIds.IDENTITY.pattern());
        assertThat(ids.requiresSerialExecution()).isFalse();
        assertThat(IntStream.range(0, 8_000).parallel().mapToObj(i -> ids.newScenario().idFor("CS-001")).distinct())
                .hasSize(8_000);

        profile("csms: {url: ws://127.0.0.1:2/ocpp}\n");
        assertThat(load().stationIds().newScenario().idFor("CS-001")).startsWith("ocppbdd-");
    }

    @Test
    @DisplayName("stations.rebootSeconds: how long a rebooting station stays off for the CSMS to end its session")
    void rebootPause() throws IOException {
        profile("csms: {url: ws://127.0.0.1:2/ocpp}\nstations: {idPrefix: cs-, rebootSeconds: 3}\n");
        assertThat(load().rebootPause()).isEqualTo(Duration.ofSeconds(3));

        badProfile("stations:\n  rebootSeconds: -1\n", 2, "stations.rebootSeconds must be 0 or more seconds");
    }

    @Test
    @DisplayName("fixed ids: handed out in order per scenario, scenarios one at a time, one too few is named")
    void fixedIds() throws IOException {
        Path file = profile("csms: {url: ws://127.0.0.1:2/ocpp}\nstations:\n  ids: [REAL-1, REAL-2]\n");
        StationIds ids = load().stationIds();
        StationIds.Scenario scenario = ids.newScenario();

        assertThat(ids.requiresSerialExecution()).isTrue();
        assertThat(scenario.idFor("CS-001")).isEqualTo("REAL-1");
        assertThat(scenario.idFor("CS-002")).isEqualTo("REAL-2");
        assertThat(scenario.idFor("CS-001")).isEqualTo("REAL-1");
        assertThat(ids.newScenario().idFor("CS-009")).isEqualTo("REAL-1");
        assertThatThrownBy(() -> scenario.idFor("CS-003")).isInstanceOf(ProfileValueMissing.class)
                .hasMessageStartingWith("the test profile " + file + " has no stations.ids entry for a station "
                        + "number 3 (it lists 2 and station 'CS-003' needs one more)");
    }

    @Test
    @DisplayName("a bad profile is one line: file:line, what is wrong, how to fix")
    void badProfiles() throws IOException {
        badProfile("csms:\n  url: ws://x/ocpp\ntokns: {}\n", 3,
                "unknown key 'tokns'; use one of [csms, http, manual, security, stations, tokens, trigger, values]");
        badProfile("tokens:\n  accepted:\n    idToken: DRIVER01\n    type: ISO14443\n", 3,
                "tokens.accepted 'DRIVER01' is not a valid ISO14443 UID: 8 or 14 hex digits, such as 04A2B3C4");
        badProfile("tokens:\n  group: {idToken: ABC, type: Central}\n", 2,
                "tokens.group needs groupId: the group id token the CSMS answers with");
        badProfile("tokens:\n  blocked: {idToken: ABC, type: RFID}\n", 2,
                "'RFID' is not an OCPP id token type; use one of [Central, eMAID, ISO14443, ISO15693, KeyCode, "
                        + "Local, MacAddress, NoAuthorization]");
        badProfile("security:\n  profile: 1\n  password: hunter2\n", 3, "security.password must name an "
                + "environment variable, as ${CSMS_STATION_PASSWORD}; never write the password itself in the profile");
        badProfile("security:\n  profile: 2\n", 2, "security profile 2 uses Basic auth; add security.password: "
                + "${YOUR_VARIABLE} naming the environment variable that holds it");
        badProfile("csms: {url: ws://x:1/ocpp}\n\ntrigger: embedded\n", 3, "the embedded trigger cannot make the "
                + "CSMS at ws://x:1/ocpp act; choose http, manual or none, or leave the CSMS URL out");
        badProfile("csms: {url: ws://x:1/ocpp}\ntrigger: http\n", 2, "trigger http needs an HTTP mapping; add "
                + "http: with the mapping, or the path of a mapping file, to the profile");
        badProfile("trigger: manual\n", 1, "trigger manual needs the URL of the CSMS under test; set csms.url in "
                + "the profile, -Docpp.csms.url or OCPP_CSMS_URL");
        badProfile("csms:\n  url: http://x:1/ocpp\n", 2,
                "the CSMS URL 'http://x:1/ocpp' is not ws:// or wss:// (for example ws://localhost:8081)");
        badProfile("stations:\n  idPrefix: \"a:b\"\n", 2, "'a:b' cannot be (the start of) a station identity: use "
                + "at most 33 of a-z A-Z 0-9 * - _ = + | @ . (OCPP 2.0.1 identifierString, no ':')");
        badProfile("csms:\n  heartbeatInterval: often\n", 2, "csms.heartbeatInterval must be a whole number, not "
                + "'often'");
        badProfile("values:\n  a: 1\n  a: 2\n", 3, "key 'a' appears twice; keep one");
        Path file = profile("csms: [\n");
        assertThatThrownBy(this::load).isInstanceOf(ConfigError.class).hasMessage(file + ":2: not valid YAML "
                + "(expected the node content, but found '<stream end>'); check the indentation and quoting");
    }

    @Test
    @DisplayName("a bad trigger setting or a missing profile file is one line naming where it came from")
    void badSettings() {
        environment.put("OCPP_CSMS_TRIGGER", "carrier-pigeon");
        assertThatThrownBy(this::load).isInstanceOf(ConfigError.class).hasMessage("OCPP_CSMS_TRIGGER=carrier-pigeon: "
                + "trigger 'carrier-pigeon' is not one of embedded, http, manual, none");
        environment.put(TestProfile.PROFILE_ENVIRONMENT, folder.resolve("nowhere.yaml").toString());
        assertThatThrownBy(this::load).isInstanceOf(ConfigError.class).hasMessage(folder.resolve("nowhere.yaml")
                + ": no such file; check the path");
    }
}
