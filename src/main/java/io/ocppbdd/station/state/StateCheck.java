package io.ocppbdd.station.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.SchemaValidator;
import io.ocppbdd.protocol.Violation;
import io.ocppbdd.protocol.messages.ChargingStateEnum;
import io.ocppbdd.protocol.messages.ConnectorEnum;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.ReasonEnum;
import io.ocppbdd.station.BootStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks every value of a state file before a station uses it, so that a bad one stops start-up with one line
 * naming the file, the key and the fix instead of failing later inside the running station.
 */
final class StateCheck {

    private static final int MAX_TRANSACTION_ID = 36;

    private final String file;
    private final SchemaValidator schemas = SchemaValidator.instance();

    private StateCheck(String file) {
        this.file = file;
    }

    /** Throws {@link StateFileException} at the first bad value; {@code file} names the file in the message. */
    static void check(StationState state, String file) {
        new StateCheck(file).all(state);
    }

    private void all(StationState state) {
        if (state.getFormatVersion() != StationState.FORMAT_VERSION) {
            throw bad("formatVersion " + state.getFormatVersion() + " is not supported (this version reads "
                    + StationState.FORMAT_VERSION + "; use the ocpp-bdd that wrote it, or delete the file to start "
                    + "from defaults)");
        }
        identity(state.getIdentity());
        securityProfile(state.getCsms().getSecurityProfile());
        bootStatus(state.getBoot().getStatus());
        if (state.getEvses().isEmpty()) {
            throw bad("\"evses\" is empty (a station needs at least one EVSE)");
        }
        for (int index = 0; index < state.getEvses().size(); index++) {
            evse(state.getEvses().get(index), index);
        }
        for (int index = 0; index < state.getAuthorizationCache().size(); index++) {
            cacheEntry(state.getAuthorizationCache().get(index), "authorizationCache[" + index + "]");
        }
        localList(state.getLocalAuthorizationList());
        for (int index = 0; index < state.getChargingProfiles().size(); index++) {
            schema("chargingProfiles[" + index + "]", Action.SetChargingProfile, state.getChargingProfiles().get(index),
                    "{\"evseId\": 0, \"chargingProfile\": {...}} as in SetChargingProfileRequest");
        }
    }

    private void identity(StationState.Identity identity) {
        if (identity == null || identity.id() == null) {
            throw bad("\"identity.id\" is missing (add the station id)");
        }
        if (!StateFile.isValidStationId(identity.id())) {
            throw bad("identity.id \"" + identity.id() + "\" " + StateFile.STATION_ID_RULE);
        }
        length("identity.vendorName", identity.vendorName(), 50, true);
        length("identity.model", identity.model(), 20, true);
        length("identity.serialNumber", identity.serialNumber(), 25, false);
        length("identity.firmwareVersion", identity.firmwareVersion(), 50, false);
    }

    /** BootNotification limits (ChargingStationType): a longer value could never be sent. */
    private void length(String key, String value, int max, boolean required) {
        if (value == null && required) {
            throw bad("\"" + key + "\" is missing (add it, at most " + max + " characters)");
        }
        if (value != null && value.length() > max) {
            throw bad(key + " \"" + value + "\" is longer than " + max
                    + " characters, the most a BootNotification allows (shorten it)");
        }
    }

    private void securityProfile(int profile) {
        if (profile < 0 || profile > 3) {
            throw bad("csms.securityProfile " + profile + " is not a security profile (use 0 none, "
                    + "1 Basic auth over ws://, 2 Basic auth over wss://, 3 client certificate over wss://)");
        }
    }

    private void bootStatus(String status) {
        if (status != null && Arrays.stream(BootStatus.values()).noneMatch(known -> comparable(known.name())
                .equals(comparable(status)))) {
            throw bad("boot.status \"" + status + "\" is not a boot status (use Accepted, Pending, Rejected or "
                    + "NotBooted, or leave it out)");
        }
    }

    private static String comparable(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private void evse(EvseState evse, int index) {
        String key = "evses[" + index + "]";
        if (evse.getId() != index + 1) {
            throw bad(key + ".id is " + evse.getId() + " (EVSE ids run 1, 2, 3, ... in order)");
        }
        if (evse.getConnectors().isEmpty()) {
            throw bad(key + ".connectors is empty (an EVSE needs at least one connector)");
        }
        for (int c = 0; c < evse.getConnectors().size(); c++) {
            EvseState.ConnectorState connector = evse.getConnectors().get(c);
            String connectorKey = key + ".connectors[" + c + "]";
            if (connector.getId() != c + 1) {
                throw bad(connectorKey + ".id is " + connector.getId()
                        + " (connector ids run 1, 2, 3, ... in order within an EVSE)");
            }
            oneOf(connectorKey + ".type", connector.getType(), ConnectorEnum.values(), ConnectorEnum::value,
                    "an OCPP connector type");
            oneOf(connectorKey + ".status", connector.getStatus(), ConnectorStatusEnum.values(),
                    ConnectorStatusEnum::value, "a connector status");
        }
        meter(evse.getMeter(), key + ".meter");
        transaction(evse.getTransaction(), key + ".transaction");
    }

    private void meter(MeterState meter, String key) {
        if (meter == null) {
            return;
        }
        if (!Double.isFinite(meter.getRegisterWh()) || meter.getRegisterWh() < 0) {
            throw bad(key + ".registerWh " + meter.getRegisterWh() + " is not a meter reading (use Wh, 0 or more)");
        }
        Double soc = meter.getSocPercent();
        if (soc != null && !(soc >= 0 && soc <= 100)) {
            throw bad(key + ".socPercent " + soc + " is not a state of charge (use 0 to 100, or leave it out)");
        }
    }

    private void transaction(TransactionState transaction, String key) {
        if (transaction == null) {
            return;
        }
        if (transaction.getId() == null || transaction.getId().isEmpty()
                || transaction.getId().length() > MAX_TRANSACTION_ID) {
            throw bad(key + ".id " + quoted(transaction.getId()) + " is not a transaction id (1 to "
                    + MAX_TRANSACTION_ID + " characters; delete the transaction to forget it)");
        }
        if (transaction.getNextSeqNo() < 0) {
            throw bad(key + ".nextSeqNo " + transaction.getNextSeqNo() + " is negative (use 0 or more)");
        }
        try {
            Instant.parse(String.valueOf(transaction.getStartedAt()));
        } catch (DateTimeParseException e) {
            throw bad(key + ".startedAt " + quoted(transaction.getStartedAt())
                    + " is not a UTC time (use e.g. 2026-01-01T12:00:00.000Z)");
        }
        if (transaction.getChargingState() != null) {
            oneOf(key + ".chargingState", transaction.getChargingState(), ChargingStateEnum.values(),
                    ChargingStateEnum::value, "a charging state");
        }
        if (transaction.getStoppedReason() != null) {
            oneOf(key + ".stoppedReason", transaction.getStoppedReason(), ReasonEnum.values(), ReasonEnum::value,
                    "a stop reason");
        }
        token(transaction.getIdToken(), key + ".idToken");
        token(transaction.getGroupIdToken(), key + ".groupIdToken");
        if (!transaction.getEndedMeterValues().isEmpty()) {
            ObjectNode meterValues = Json.object().put("evseId", 1);
            meterValues.putArray("meterValue").addAll(transaction.getEndedMeterValues());
            schema(key + ".endedMeterValues", Action.MeterValues, meterValues, "a list of OCPP MeterValue");
        }
    }

    private void token(TransactionState.Token token, String key) {
        if (token != null) {
            oneOf(key + ".type", token.type(), IdTokenEnum.values(), IdTokenEnum::value, "an id token type");
        }
    }

    private void cacheEntry(AuthorizationCacheEntry entry, String key) {
        oneOf(key + ".type", entry.type(), IdTokenEnum.values(), IdTokenEnum::value, "an id token type");
        ObjectNode authorize = Json.object();
        authorize.putObject("idToken").put("idToken", String.valueOf(entry.idToken())).put("type", entry.type());
        schema(key + ".idToken", Action.Authorize, authorize, "an id token of at most 36 characters");
        ObjectNode answer = Json.object();
        answer.set("idTokenInfo", entry.idTokenInfo());
        schema(key + ".idTokenInfo", Action.Authorize, answer, "an OCPP IdTokenInfo", true);
        for (String time : new String[] {entry.updated(), entry.used()}) {
            try {
                Instant.parse(String.valueOf(time));
            } catch (DateTimeParseException e) {
                throw bad(key + " time " + quoted(time) + " is not a UTC time (use e.g. 2026-01-01T12:00:00.000Z, "
                        + "or delete the entry)");
            }
        }
    }

    private void localList(LocalAuthorizationListState list) {
        if (list == null) {
            return;
        }
        ObjectNode request = Json.object().put("versionNumber", list.versionNumber()).put("updateType", "Full");
        if (!list.authorizationData().isEmpty()) {
            request.putArray("localAuthorizationList").addAll(list.authorizationData());
        }
        schema("localAuthorizationList", Action.SendLocalList, request,
                "a versionNumber and authorizationData as in SendLocalListRequest");
    }

    private void schema(String key, Action action, ObjectNode payload, String expected) {
        schema(key, action, payload, expected, false);
    }

    private void schema(String key, Action action, ObjectNode payload, String expected, boolean response) {
        Optional<Violation> violation = response ? schemas.checkResponse(action, payload)
                : schemas.checkRequest(action, payload);
        violation.ifPresent(problem -> {
            throw bad(key + " is not " + expected + ": " + problem.describe() + " (fix it or delete it)");
        });
    }

    private <E> void oneOf(String key, String value, E[] known, Function<E, String> name, String what) {
        if (value == null || Arrays.stream(known).map(name).noneMatch(value::equals)) {
            List<String> names = Arrays.stream(known).map(name).toList();
            throw bad(key + " " + quoted(value) + " is not " + what + " (use one of "
                    + names.stream().collect(Collectors.joining(", ")) + ")");
        }
    }

    private static String quoted(String value) {
        return value == null ? "(missing)" : "\"" + value + "\"";
    }

    private StateFileException bad(String problem) {
        return new StateFileException(file + ": " + problem, null);
    }
}
