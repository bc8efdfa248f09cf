package io.ocppbdd.station.transactions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A booted station on virtual time against an embedded CSMS, with helpers to drive and read transactions. */
public final class TxFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-01-01T00:00:10Z");

    private static final Duration STEP = Duration.ofSeconds(10);

    public final ManualScheduler time = new ManualScheduler(START);
    public final EmbeddedCsms csms;
    public final String id;
    public ChargingStation station;
    private final boolean ownCsms;

    private TxFixture(EmbeddedCsms csms, boolean ownCsms, String id) {
        this.csms = csms;
        this.ownCsms = ownCsms;
        this.id = id;
    }

    /** A fresh CSMS and a station with this state (device-model overrides go in state.getDeviceModel()). */
    public static TxFixture boot(StationState state, StateFile file) {
        TxFixture fixture = new TxFixture(EmbeddedCsms.start(), true, state.getIdentity().id());
        fixture.start(state, file);
        return fixture;
    }

    /** A station against a CSMS that someone else owns. */
    public static TxFixture boot(EmbeddedCsms csms, StationState state, StateFile file) {
        TxFixture fixture = new TxFixture(csms, false, state.getIdentity().id());
        fixture.start(state, file);
        return fixture;
    }

    private void start(StationState state, StateFile file) {
        ChargingStation.Builder builder = ChargingStation.builder(state).csmsUrl(csms.url()).scheduler(time).seed(7);
        if (file != null) {
            builder.stateFile(file);
        }
        station = builder.build();
        join(station.start());
        await().atMost(Duration.ofSeconds(30)).until(() -> station.bootStatus() == BootStatus.ACCEPTED);
        idle();
    }

    public static IdToken token(String value) {
        return new IdToken().withIdToken(value).withType(IdTokenEnum.ISO_14443);
    }

    public void plugIn(int evseId) {
        join(station.module(EvseModule.class).plugIn(evseId, 1));
        idle();
    }

    public void unplug(int evseId) {
        join(station.module(EvseModule.class).unplug(evseId));
        idle();
    }

    public TokenOutcome present(int evseId, String token) {
        TokenOutcome outcome = join(station.module(TransactionModule.class).presentToken(evseId, token(token)));
        idle();
        return outcome;
    }

    public void evSuspends(int evseId, boolean suspended) {
        join(station.module(EvseModule.class).evSuspends(evseId, suspended));
        idle();
    }

    /**
     * Moves virtual time in steps of at most 10 s, waiting for every CALL in flight to be answered before each
     * step, so that no answer times out (MessageTimeout is 30 s) while time jumps.
     */
    public void advance(Duration duration) {
        Duration left = duration;
        while (!left.isZero()) {
            Duration step = left.compareTo(STEP) > 0 ? STEP : left;
            idle();
            time.advance(step);
            left = left.minus(step);
        }
        idle();
    }

    /** The TransactionEvents the CSMS received, in order. */
    public List<ObjectNode> events() {
        return csms.requests(id, Action.TransactionEvent).stream().map(RecordedRequest::payload).toList();
    }

    /** Waits for the n-th (from 0) TransactionEvent. */
    public ObjectNode event(int index) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> events().size() > index);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("expected TransactionEvent " + index + ", got " + events().size() + "; trace:\n"
                    + String.join("\n", station.trace().entries().stream().map(Object::toString).toList()), e);
        }
        return events().get(index);
    }

    public void idle() {
        join(station.whenIdle());
        join(station.onLoop(() -> null));
        join(station.whenIdle());
    }

    public static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e.getCause() == null ? e : e.getCause());
        }
    }

    @Override
    public void close() {
        station.stop();
        if (ownCsms) {
            csms.close();
        }
    }
}
