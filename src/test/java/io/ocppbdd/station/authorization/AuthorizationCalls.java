package io.ocppbdd.station.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.state.AuthorizationCacheEntry;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/** Shortcuts for the authorization tests, on a {@link TestHarness} station with 2 EVSEs. */
final class AuthorizationCalls {

    private AuthorizationCalls() {
    }

    /** Boots a station with 2 EVSEs and these device-model values ("AuthCtrlr.LocalPreAuthorize" → "true"). */
    static Station boot(TestHarness harness, String stationId, Map<String, String> variables) {
        StationState state = StationState.withEvses(stationId, 2);
        state.getDeviceModel().putAll(variables);
        return harness.boot(state);
    }

    /** Boots a station from a state file (created with defaults when missing). */
    static Station boot(TestHarness harness, StateFile file, String stationId, Map<String, String> variables) {
        StationState state = file.loadOrCreate(stationId);
        state.getDeviceModel().putAll(variables);
        return harness.boot(state, file);
    }

    static IdToken token(String value, String type) {
        return new IdToken().withIdToken(value).withType(IdTokenEnum.fromValue(type));
    }

    static IdToken rfid(String value) {
        return token(value, "ISO14443");
    }

    static AuthorizationModule authorization(Station station) {
        return station.module(AuthorizationModule.class);
    }

    static IdTokenInfo authorize(Station station, IdToken token, Integer evseId) {
        return TestHarness.join(station.simulator().onLoop(() -> authorization(station).authorize(token, evseId))
                .thenCompose(future -> future));
    }

    static IdTokenInfo authorize(Station station, String rfid) {
        return authorize(station, rfid(rfid), 1);
    }

    static StopAuthorization authorizeStop(Station station, IdToken presented, IdToken starter,
                                           IdTokenInfo starterInfo) {
        return TestHarness.join(station.simulator()
                .onLoop(() -> authorization(station).authorizeStop(presented, starter, starterInfo))
                .thenCompose(future -> future));
    }

    static void remember(Station station, IdToken token, IdTokenInfo info) {
        station.onLoop(() -> {
            authorization(station).remember(token, info);
            return null;
        });
    }

    /** A copy of the Authorization Cache as kept in the station's state. */
    static List<AuthorizationCacheEntry> cache(Station station) {
        return station.onLoop(() -> List.copyOf(station.simulator().state().getAuthorizationCache()));
    }

    /** How many Authorize requests the CSMS received from this station. */
    static int authorizeRequests(Station station) {
        return station.requests(Action.Authorize).size();
    }

    /** The CSMS answers Authorize for this token value with this idTokenInfo (edited from {"status":...}). */
    static void answerAuthorize(Station station, String value, String status, Consumer<ObjectNode> moreInfo) {
        station.csms.stubFor(Stub.on(Action.Authorize).forStation(station.id)
                .when(payload -> payload.at("/idToken/idToken").asText().equals(value))
                .willReturn(payload -> moreInfo.accept(payload.putObject("idTokenInfo").put("status", status))));
    }

    static void answerAuthorize(Station station, String value, String status) {
        answerAuthorize(station, value, status, info -> { });
    }

    /** Sets variables the way a CSMS does (SetVariables), checked by the station. */
    static void setVariable(Station station, String component, String variable, String value) {
        ObjectNode request = io.ocppbdd.protocol.Json.object();
        ObjectNode data = request.putArray("setVariableData").addObject();
        data.put("attributeValue", value);
        data.putObject("component").put("name", component);
        data.putObject("variable").put("name", variable);
        ObjectNode answer = TestHarness.join(station.csms.send(station.id, Action.SetVariables, request));
        if (!"Accepted".equals(answer.at("/setVariableResult/0/attributeStatus").asText())) {
            throw new AssertionError("SetVariables " + component + "." + variable + "=" + value + ": " + answer);
        }
    }

    /** The CSMS drops the connection; in virtual time the station waits for its back-off, so it stays offline. */
    static void goOffline(Station station) {
        station.csms.disconnect(station.id);
        await().atMost(TestHarness.PATIENCE).until(() -> !station.simulator().isConnected());
    }
}
