package io.ocppbdd.station.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.AuthorizationCacheEntry;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/** A booted station on an embedded CSMS in virtual time, with shortcuts for the authorization tests. */
final class TestStation implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long WAIT_SECONDS = 30;

    final EmbeddedCsms csms;
    final ManualScheduler time;
    final ChargingStation station;
    final String id;

    private TestStation(EmbeddedCsms csms, ManualScheduler time, StationState state, StateFile file) {
        this.csms = csms;
        this.time = time;
        this.id = state.getIdentity().id();
        ChargingStation.Builder builder = ChargingStation.builder(state).csmsUrl(csms.url()).scheduler(time).seed(1);
        if (file != null) {
            builder.stateFile(file);
        }
        this.station = builder.build();
        result(station.start());
        await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> station.bootStatus() == BootStatus.ACCEPTED);
    }

    /** Boots a station with 2 EVSEs and these device-model values ("AuthCtrlr.LocalPreAuthorize" → "true"). */
    static TestStation boot(EmbeddedCsms csms, String stationId, Map<String, String> variables) {
        StationState state = StationState.withEvses(stationId, 2);
        state.getDeviceModel().putAll(variables);
        return new TestStation(csms, new ManualScheduler(START), state, null);
    }

    /** Boots a station from a state file (created with defaults when missing). */
    static TestStation boot(EmbeddedCsms csms, ManualScheduler time, StateFile file, String stationId,
                            Map<String, String> variables) {
        StationState state = file.loadOrCreate(stationId);
        state.getDeviceModel().putAll(variables);
        return new TestStation(csms, time, state, file);
    }

    static IdToken token(String value, String type) {
        return new IdToken().withIdToken(value).withType(IdTokenEnum.fromValue(type));
    }

    static IdToken rfid(String value) {
        return token(value, "ISO14443");
    }

    AuthorizationModule authorization() {
        return station.module(AuthorizationModule.class);
    }

    IdTokenInfo authorize(IdToken token, Integer evseId) {
        return result(station.onLoop(() -> authorization().authorize(token, evseId)).thenCompose(future -> future));
    }

    IdTokenInfo authorize(String rfid) {
        return authorize(rfid(rfid), 1);
    }

    StopAuthorization authorizeStop(IdToken presented, IdToken starter, IdTokenInfo starterInfo) {
        return result(station.onLoop(() -> authorization().authorizeStop(presented, starter, starterInfo))
                .thenCompose(future -> future));
    }

    void remember(IdToken token, IdTokenInfo info) {
        onLoop(() -> {
            authorization().remember(token, info);
            return null;
        });
    }

    <T> T onLoop(Supplier<T> work) {
        return result(station.onLoop(work));
    }

    /** A copy of the Authorization Cache as kept in the station's state. */
    List<AuthorizationCacheEntry> cache() {
        return onLoop(() -> List.copyOf(station.state().getAuthorizationCache()));
    }

    /** How many Authorize requests the CSMS received from this station. */
    int authorizeRequests() {
        return csms.requests(id, Action.Authorize).size();
    }

    /** The CSMS answers Authorize for this token value with this idTokenInfo (edited from {"status":...}). */
    void answerAuthorize(String value, String status, Consumer<ObjectNode> moreInfo) {
        csms.stubFor(Stub.on(Action.Authorize).forStation(id)
                .when(payload -> payload.at("/idToken/idToken").asText().equals(value))
                .willReturn(payload -> moreInfo.accept(payload.putObject("idTokenInfo").put("status", status))));
    }

    void answerAuthorize(String value, String status) {
        answerAuthorize(value, status, info -> { });
    }

    /** Sets variables the way a CSMS does (SetVariables), checked by the station. */
    void setVariable(String component, String variable, String value) {
        ObjectNode request = io.ocppbdd.protocol.Json.object();
        ObjectNode data = request.putArray("setVariableData").addObject();
        data.put("attributeValue", value);
        data.putObject("component").put("name", component);
        data.putObject("variable").put("name", variable);
        ObjectNode answer = result(csms.send(id, Action.SetVariables, request));
        if (!"Accepted".equals(answer.at("/setVariableResult/0/attributeStatus").asText())) {
            throw new AssertionError("SetVariables " + component + "." + variable + "=" + value + ": " + answer);
        }
    }

    /** The CSMS drops the connection; in virtual time the station waits for its back-off, so it stays offline. */
    void goOffline() {
        csms.disconnect(id);
        await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> !station.isConnected());
    }

    /** Lets all in-flight CALLs finish, then moves virtual time forward. */
    void advance(Duration duration) {
        result(station.whenIdle());
        time.advance(duration);
    }

    static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        station.stop();
    }
}
