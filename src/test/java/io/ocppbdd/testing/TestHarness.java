package io.ocppbdd.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.TokenOutcome;
import io.ocppbdd.driver.WhiteBox;
import io.ocppbdd.expect.Fields;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.MessageTriggerEnum;
import io.ocppbdd.protocol.messages.TriggerMessageRequest;
import io.ocppbdd.protocol.messages.TriggerMessageResponse;
import io.ocppbdd.protocol.messages.TriggerMessageStatusEnum;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.Exchange;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The one test harness: a {@link Simulation} on virtual time from {@link #START} with the embedded CSMS, its seed
 * rule (simulation seed and station id), its meaning of "booted" ({@link StationDriver#booted()}) and one way to
 * move time ({@link #pass}).
 */
public final class TestHarness implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Time moves in steps no longer than this, so that no answer times out (MessageTimeout 30 s) in a jump. */
    private static final Duration STEP = Duration.ofSeconds(10);

    public final Simulation simulation = Simulation.builder().virtualTime(START).patience(PATIENCE).build();
    public final EmbeddedCsms csms = simulation.csms().embedded().orElseThrow();

    /** A booted station with this state. */
    public Station boot(StationState state) {
        return boot(state, null);
    }

    /** A booted station with the default state and this id. */
    public Station boot(String stationId) {
        return boot(StationState.defaults(stationId));
    }

    /** A booted station with this state, kept up to date in this file (none if null). */
    public Station boot(StationState state, StateFile file) {
        Station station = connect(state, file);
        join(station.driver.booted());
        return station;
    }

    /** A started, connected station, whatever the CSMS answers to its BootNotification. */
    public Station connect(StationState state, StateFile file) {
        return connect(state, file, List.of());
    }

    /** A started, connected station with these modules of the test's own (to watch its events). */
    public Station connect(StationState state, StateFile file, List<StationModule> testModules) {
        Station station = new Station(WhiteBox.addStation(simulation, state, file, testModules));
        join(station.driver.start());
        return station;
    }

    /** A started, connected station with the default state and this id. */
    public Station connect(String stationId) {
        return connect(StationState.defaults(stationId), null);
    }

    /**
     * Lets time pass in steps of at most 10 s; before each, every station gets the answers to its CALLs in flight.
     */
    public void pass(Duration duration) {
        for (Duration left = duration; !left.isZero(); ) {
            Duration step = left.compareTo(STEP) > 0 ? STEP : left;
            simulation.pass(step);
            left = left.minus(step);
        }
        simulation.stations().forEach(station -> new Station(station).idle());
    }

    /**
     * Moves time in one jump, without waiting for answers: for a CSMS that deliberately leaves a CALL unanswered
     * (where {@link #pass} would wait for the answer in vain), or to fire exactly one round of due timers (a retry
     * whose outcome comes back over the network only after the jump).
     */
    public void jump(Duration duration) {
        WhiteBox.advanceUnanswered(simulation, duration);
    }

    /**
     * Waits until, every station idle on the wire, a timer waits to fire this long from now; time stands still. For
     * what a station schedules without a message to show it: a transfer's retry, a download at retrieveDateTime.
     */
    public void awaitTimer(Duration fromNow) {
        Instant due = now().plus(fromNow);
        try {
            Awaitility.await().atMost(PATIENCE).until(() -> {
                simulation.stations().forEach(station -> join(station.whenIdle()));
                return WhiteBox.timersDue(simulation).contains(due);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected a timer due at " + due + " (" + fromNow + " from now), but timers are "
                    + "due at " + WhiteBox.timersDue(simulation), e);
        }
    }

    /** The n-th (from 1) request of this action the CSMS received from the station, waiting for it. */
    public RecordedRequest nth(String stationId, Action action, int n) {
        try {
            Awaitility.await().atMost(PATIENCE).until(() -> csms.requests(stationId, action).size() >= n);
        } catch (ConditionTimeoutException e) {
            throw missing(stationId, action + " #" + n, csms.requests(stationId, action).size() + " came", e);
        }
        return csms.requests(stationId, action).get(n - 1);
    }

    private AssertionError missing(String stationId, String expected, String got, Exception cause) {
        return new AssertionError("expected " + expected + " from " + stationId + ", got " + got
                + "; recent frames:\n" + String.join("\n", simulation.station(stationId).recentFrames(20)), cause);
    }

    /** The actions the station sent, in order. */
    public static List<String> sentActions(ChargingStation station) {
        return Exchange.of(station.trace().entries()).stream().filter(e -> e.direction() == Direction.SENT)
                .map(e -> e.call().action()).toList();
    }

    /** The simulation's virtual now. */
    public Instant now() {
        return simulation.clock().instant();
    }

    /** The virtual now plus this offset, as OCPP date-times are sent (UTC). */
    public OffsetDateTime dateTime(Duration fromNow) {
        return now().plus(fromNow).atOffset(ZoneOffset.UTC);
    }

    public static <T> T join(CompletionStage<T> stage) {
        return Simulation.await(stage, "the station", PATIENCE);
    }

    public static IdToken rfid(String value) {
        return new IdToken().withIdToken(value).withType(IdTokenEnum.ISO_14443);
    }

    /** Stops every station and the CSMS. */
    @Override
    public void close() {
        simulation.close();
    }

    /** One station of the harness: its driver, what the CSMS received from it, and its internals for white-box checks. */
    public final class Station {
        public final StationDriver driver;
        public final String id;
        /** The harness's CSMS, which the station is connected to. */
        public final EmbeddedCsms csms = TestHarness.this.csms;

        private Station(StationDriver driver) {
            this.driver = driver;
            this.id = driver.id();
        }

        /** Lets time pass for the whole harness ({@link TestHarness#pass}). */
        public void pass(Duration duration) {
            TestHarness.this.pass(duration);
        }

        /** The harness's virtual now. */
        public Instant now() {
            return TestHarness.this.now();
        }

        /** The simulator itself, for white-box checks only. */
        public ChargingStation simulator() {
            return WhiteBox.simulator(driver);
        }

        public <T extends StationModule> T module(Class<T> type) {
            return simulator().module(type);
        }

        /** Runs this on the station's loop and waits for its result. */
        public <T> T onLoop(Supplier<T> work) {
            return join(simulator().onLoop(work));
        }

        public BootStatus bootStatus() {
            return join(driver.snapshot()).bootStatus();
        }

        public void plugIn(int evseId) {
            join(driver.plugIn(evseId, 1));
            idle();
        }

        public void unplug(int evseId) {
            join(driver.unplug(evseId));
            idle();
        }

        /** Presents an RFID (ISO14443) token at the EVSE. */
        public TokenOutcome present(int evseId, String token) {
            TokenOutcome outcome = join(driver.presentToken(evseId, IdTokenEnum.ISO_14443, token));
            idle();
            return outcome;
        }

        public void evSuspends(int evseId, boolean suspended) {
            join(suspended ? driver.evSuspends(evseId) : driver.evResumes(evseId));
            idle();
        }

        /**
         * The power fails and comes back ({@link StationDriver#powerCut()}): the station starts again from its state
         * file after the reboot delay, which passes here, and boots.
         */
        public void powerCutAndRestart() {
            CompletionStage<Void> back = driver.powerCut();
            TestHarness.this.simulation.pass(driver.rebootDelay());
            join(back);
            join(driver.booted());
        }

        /** Waits until no CALL waits for an answer and the loop has run what was queued. */
        public void idle() {
            join(driver.whenIdle());
            onLoop(() -> null);
            join(driver.whenIdle());
        }

        /** Every request of this action the CSMS received from the station, oldest first. */
        public List<RecordedRequest> requests(Action action) {
            return csms.requests(id, action);
        }

        /** The n-th (from 1) request of this action the CSMS received from the station, waiting for it. */
        public RecordedRequest nth(Action action, int n) {
            return TestHarness.this.nth(id, action, n);
        }

        /**
         * The first request of this action whose field (dotted path or JSON pointer) has this value, that the CSMS
         * received or receives from the station, waiting for it (unlike {@code expect}, it looks at every request).
         */
        public RecordedRequest awaitRequest(Action action, String field, String value) {
            Supplier<Optional<RecordedRequest>> first = () -> requests(action).stream()
                    .filter(r -> value.equals(Fields.text(r.payload(), field))).findFirst();
            try {
                return Awaitility.await().atMost(PATIENCE).until(first::get, Optional::isPresent).orElseThrow();
            } catch (ConditionTimeoutException e) {
                throw missing(id, action + " with " + field + " \"" + value + "\"", "the values "
                        + requests(action).stream().map(r -> Fields.text(r.payload(), field)).toList(), e);
            }
        }

        /** The {@code status} of every request of this action the CSMS received from the station, oldest first. */
        public List<String> statuses(Action action) {
            return requests(action).stream().map(r -> r.payload().path("status").asText()).toList();
        }

        /**
         * The CSMS triggers this message (F06), the station accepts; returns the request of this action it then
         * sends.
         */
        public RecordedRequest trigger(MessageTriggerEnum message, Action action) {
            idle();
            int before = requests(action).size();
            TriggerMessageResponse response = join(csms.send(id, new TriggerMessageRequest()
                    .withRequestedMessage(message), TriggerMessageResponse.class));
            if (response.getStatus() != TriggerMessageStatusEnum.ACCEPTED) {
                throw new AssertionError("expected " + id + " to accept TriggerMessage " + message.value()
                        + ", but it answered " + response.getStatus().value());
            }
            return nth(action, before + 1);
        }

        /** The actions the station sent, in order. */
        public List<String> sentActions() {
            return TestHarness.sentActions(simulator());
        }

        /** The payloads of the TransactionEvents the CSMS received, in order. */
        public List<ObjectNode> events() {
            return requests(Action.TransactionEvent).stream().map(RecordedRequest::payload).toList();
        }

        /** The n-th (from 0) TransactionEvent, waiting for it. */
        public ObjectNode event(int index) {
            return nth(Action.TransactionEvent, index + 1).payload();
        }
    }
}
