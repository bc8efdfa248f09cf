package io.ocppbdd.profile;

import io.ocppbdd.config.YamlNode;
import io.ocppbdd.driver.CsmsDriver;
import io.ocppbdd.driver.CsmsDrivers;
import io.ocppbdd.protocol.messages.IdTokenEnum;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads a profile file, checking every value as it goes; what it finds becomes a {@link TestProfile}. */
final class ProfileReader {

    private static final Set<String> TOP_KEYS =
            Set.of("csms", "trigger", "http", "manual", "stations", "security", "tokens", "values");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Map<String, Pattern> TOKEN_FORMATS = Map.of(
            "ISO14443", Pattern.compile("[0-9A-Fa-f]{8}|[0-9A-Fa-f]{14}"),
            "ISO15693", Pattern.compile("[0-9A-Fa-f]{16}"));
    private static final int DEFAULT_PATIENCE_SECONDS = 20;
    private static final int DEFAULT_MANUAL_PATIENCE_SECONDS = 300;

    final Settings settings;
    final String source;
    Optional<URI> csmsUrl;
    Trigger trigger;
    CsmsDriver external;
    StationIds stationIds;
    Duration rebootPause;
    int securityProfile;
    Optional<String> passwordVariable;
    final Map<TokenRole, ProfileToken> tokens = new EnumMap<>(TokenRole.class);
    Optional<Integer> heartbeatInterval;
    final Map<String, String> values = new LinkedHashMap<>();

    ProfileReader(YamlNode root, Settings settings) {
        this.settings = settings;
        this.source = root.source();
        root.onlyKeys(TOP_KEYS);
        readValues(root.get("values"));
        readCsms(root.get("csms"));
        readTrigger(root);
        readStations(root.get("stations"));
        readSecurity(root.get("security"));
        readTokens(root.get("tokens"));
    }

    private void readValues(YamlNode node) {
        node.fields().forEach(field -> values.put(field.getKey(), field.getValue().text().orElse("")));
    }

    private void readCsms(YamlNode csms) {
        csms.onlyKeys(Set.of("url", "heartbeatInterval"));
        csmsUrl = settings.find("ocpp.csms.url", "OCPP_CSMS_URL", csms.get("url")).map(found -> {
            URI url;
            try {
                url = URI.create(found.text());
            } catch (IllegalArgumentException e) {
                throw found.error("'" + found.text() + "' is not a URL (" + e.getMessage() + ")");
            }
            if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
                throw found.error("the CSMS URL '" + found.text() + "' is not ws:// or wss:// (for example "
                        + "ws://localhost:8081)");
            }
            return url;
        });
        heartbeatInterval = csms.get("heartbeatInterval").integer();
        if (heartbeatInterval.filter(seconds -> seconds <= 0).isPresent()) {
            throw csms.get("heartbeatInterval").error("csms.heartbeatInterval must be a positive number of seconds");
        }
    }

    private void readTrigger(YamlNode root) {
        Optional<Settings.Found> chosen = settings.find("ocpp.csms.trigger", "OCPP_CSMS_TRIGGER", root.get("trigger"));
        trigger = chosen.map(found -> Trigger.named(found.text()).orElseThrow(() -> found.error("trigger '"
                        + found.text() + "' is not one of embedded, http, manual, none")))
                .orElse(csmsUrl.isPresent() ? Trigger.NONE : Trigger.EMBEDDED);
        String where = chosen.map(Settings.Found::where).orElse(source);
        if (trigger == Trigger.EMBEDDED && csmsUrl.isPresent()) {
            throw new Settings.Found("", where).error("the embedded trigger cannot make the CSMS at "
                    + csmsUrl.get() + " act; choose http, manual or none, or leave the CSMS URL out");
        }
        if (trigger != Trigger.EMBEDDED && csmsUrl.isEmpty()) {
            throw new Settings.Found("", where).error("trigger " + trigger + " needs the URL of the CSMS under "
                    + "test; set csms.url in the profile, -Docpp.csms.url or OCPP_CSMS_URL");
        }
        if (trigger == Trigger.HTTP) {
            external = CsmsDrivers.http(csmsUrl.get(), httpMapping(root.get("http"), where), httpValues(),
                    settings.environment(), seconds("ocpp.patience.seconds", Optional.empty(),
                            DEFAULT_PATIENCE_SECONDS));
        } else if (trigger == Trigger.MANUAL) {
            YamlNode manual = root.get("manual").onlyKeys(Set.of("patienceSeconds"));
            external = CsmsDrivers.manual(csmsUrl.get(), seconds("ocpp.csms.manual.patience.seconds",
                    Optional.of(manual.get("patienceSeconds")), DEFAULT_MANUAL_PATIENCE_SECONDS), System.out::println);
        }
    }

    /**
     * What an http mapping may name: the profile's values, and {@code csmsHost}, {@code csmsPort} and
     * {@code csmsNextPort} (the port + 1, where the standalone ocpp-bdd CSMS serves its admin API) from the CSMS URL.
     */
    private Map<String, String> httpValues() {
        URI url = csmsUrl.orElseThrow();
        int port = url.getPort() >= 0 ? url.getPort() : "wss".equals(url.getScheme()) ? 443 : 80;
        Map<String, String> known = new LinkedHashMap<>(values);
        known.put("csmsHost", url.getHost());
        known.put("csmsPort", String.valueOf(port));
        known.put("csmsNextPort", String.valueOf(port + 1));
        return known;
    }

    private YamlNode httpMapping(YamlNode http, String where) {
        if (http.isMissing()) {
            throw new Settings.Found("", where).error("trigger http needs an HTTP mapping; add http: with the "
                    + "mapping, or the path of a mapping file, to the profile");
        }
        return http.value().isTextual() ? YamlNode.read(http.path(http.value().asText())) : http;
    }

    /** A number of seconds from a system property, else the profile node, else the fallback. */
    private Duration seconds(String property, Optional<YamlNode> node, int fallback) {
        int seconds = settings.find(property, node).map(found -> {
            try {
                return Integer.parseInt(found.text());
            } catch (NumberFormatException e) {
                throw found.error("'" + found.text() + "' is not a whole number of seconds");
            }
        }).orElse(fallback);
        if (seconds <= 0) {
            throw new Settings.Found("", property).error("a patience must be a positive number of seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    private void readStations(YamlNode stations) {
        stations.onlyKeys(Set.of("idPrefix", "ids", "rebootSeconds"));
        YamlNode reboot = stations.get("rebootSeconds");
        rebootPause = Duration.ofSeconds(reboot.integer().orElse(0));
        if (rebootPause.isNegative()) {
            throw reboot.error("stations.rebootSeconds must be 0 or more seconds");
        }
        YamlNode prefix = stations.get("idPrefix");
        List<YamlNode> ids = stations.get("ids").elements();
        if (!prefix.isMissing() && !ids.isEmpty()) {
            throw prefix.error("give either stations.idPrefix (a fresh id per scenario) or stations.ids (fixed "
                    + "ids, scenarios one at a time), not both");
        }
        if (!ids.isEmpty()) {
            List<String> fixed = new ArrayList<>();
            for (YamlNode id : ids) {
                fixed.add(identity(id, id.text().orElse(""), StationIds.MAX_LENGTH));
            }
            stationIds = StationIds.fixed(source, fixed);
        } else if (!prefix.isMissing()) {
            int room = StationIds.MAX_LENGTH - StationIds.FRESH_PART;
            stationIds = StationIds.fresh(source, identity(prefix, prefix.text().orElse(""), room));
        } else {
            stationIds = csmsUrl.isPresent() ? StationIds.fresh(source, StationIds.DEFAULT_PREFIX)
                    : StationIds.asWritten(source);
        }
    }

    private static String identity(YamlNode node, String id, int maxLength) {
        if (!StationIds.IDENTITY.matcher(id).matches() || id.length() > maxLength) {
            throw node.error("'" + id + "' cannot be (the start of) a station identity: use at most " + maxLength
                    + " of a-z A-Z 0-9 * - _ = + | @ . (OCPP 2.0.1 identifierString, no ':')");
        }
        return id;
    }

    private void readSecurity(YamlNode security) {
        security.onlyKeys(Set.of("profile", "password"));
        securityProfile = security.get("profile").integer().orElse(0);
        if (securityProfile < 0 || securityProfile > 3) {
            throw security.get("profile").error("security.profile must be 0, 1, 2 or 3, not " + securityProfile);
        }
        YamlNode password = security.get("password");
        passwordVariable = password.text().map(text -> {
            Matcher variable = ENVIRONMENT_VARIABLE.matcher(text.trim());
            if (!variable.matches()) {
                throw password.error("security.password must name an environment variable, as "
                        + "${CSMS_STATION_PASSWORD}; never write the password itself in the profile");
            }
            return variable.group(1);
        });
        if ((securityProfile == 1 || securityProfile == 2) && passwordVariable.isEmpty()) {
            throw security.get("profile").error("security profile " + securityProfile + " uses Basic auth; add "
                    + "security.password: ${YOUR_VARIABLE} naming the environment variable that holds it");
        }
    }

    private void readTokens(YamlNode node) {
        Map<String, TokenRole> roles = Arrays.stream(TokenRole.values())
                .collect(Collectors.toMap(TokenRole::key, role -> role));
        node.onlyKeys(roles.keySet());
        for (Map.Entry<String, YamlNode> field : node.fields()) {
            TokenRole role = roles.get(field.getKey());
            tokens.put(role, token(role, field.getValue()));
        }
    }

    private static ProfileToken token(TokenRole role, YamlNode node) {
        node.onlyKeys(Set.of("idToken", "type", "groupId"));
        String key = "tokens." + role.key();
        String type = node.get("type").text().orElseThrow(() -> node.error(key + " needs type: one of "
                + typeNames()));
        if (Arrays.stream(IdTokenEnum.values()).noneMatch(t -> t.value().equals(type))) {
            throw node.get("type").error("'" + type + "' is not an OCPP id token type; use one of " + typeNames());
        }
        String idToken = node.get("idToken").text().orElse("");
        Pattern format = TOKEN_FORMATS.get(type);
        if (format != null && !format.matcher(idToken).matches()) {
            throw node.get("idToken").error(key + " '" + idToken + "' is not a valid " + type + " UID: "
                    + ("ISO14443".equals(type) ? "8 or 14" : "16") + " hex digits, such as 04A2B3C4");
        }
        if (idToken.isEmpty() != "NoAuthorization".equals(type) || idToken.length() > 36) {
            throw node.get("idToken").error(key + " needs idToken: 1 to 36 characters (empty only for type "
                    + "NoAuthorization)");
        }
        Optional<String> groupId = node.get("groupId").text();
        if (role.grouped() && groupId.isEmpty()) {
            throw node.error(key + " needs groupId: the group id token the CSMS answers with");
        }
        return new ProfileToken(idToken, type, groupId);
    }

    private static List<String> typeNames() {
        return Arrays.stream(IdTokenEnum.values()).map(IdTokenEnum::value).toList();
    }
}
