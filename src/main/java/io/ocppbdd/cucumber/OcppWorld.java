package io.ocppbdd.cucumber;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import org.opentest4j.TestAbortedException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The world of one scenario: the CSMS under test (embedded unless {@code ocpp.csms.url} / {@code OCPP_CSMS_URL}
 * names another), the stations, and virtual time. Step classes get it injected (PicoContainer); user glue can too.
 */
public class OcppWorld {

    /** How long a step waits for the network before it fails: {@code ocpp.patience.seconds}, 20 by default. */
    public static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("ocpp.patience.seconds", 20));

    private static final String DEFAULT_STATION_ID = "CS-001";

    private final ManualScheduler time = new ManualScheduler(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Optional<URI> externalCsms = CsmsTarget.external();
    private final Map<String, StationState> configured = new LinkedHashMap<>();
    private final Map<String, ChargingStation> stations = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> checked = new HashMap<>();
    private final Map<Action, CompletableFuture<ObjectNode>> csmsCalls = new HashMap<>();
    private EmbeddedCsms csms;
    private String currentId;

    /** Virtual time of every station in this scenario. */
    public ManualScheduler time() {
        return time;
    }

    /** Whether the scenario drives the embedded CSMS (and may stub it). */
    public boolean usesEmbeddedCsms() {
        return externalCsms.isEmpty();
    }

    /** The embedded CSMS; a step that needs it is skipped when the features run against an external CSMS. */
    public EmbeddedCsms csms() {
        if (externalCsms.isPresent()) {
            throw new TestAbortedException("this step drives the embedded CSMS; skipped against " + externalCsms.get());
        }
        if (csms == null) {
            csms = EmbeddedCsms.start("127.0.0.1", 0, null, time);
        }
        return csms;
    }

    /** The CSMS URL stations connect to. */
    public URI csmsUrl() {
        return externalCsms.orElseGet(() -> csms().url());
    }

    /** Describes a station that is not started yet; it becomes "the station" of later steps. */
    public StationState configure(String stationId, int evses, int connectorsPerEvse) {
        StationState state = StationState.withEvses(stationId, evses);
        state.getEvses().forEach(evse -> {
            evse.getConnectors().clear();
            for (int connector = 1; connector <= connectorsPerEvse; connector++) {
                evse.getConnectors().add(new io.ocppbdd.station.state.EvseState.ConnectorState(
                        connector, "cType2", "Available"));
            }
        });
        configured.put(stationId, state);
        currentId = stationId;
        return state;
    }

    /** The state of the current station before it starts (a default one-EVSE station if none was described). */
    public StationState pendingState() {
        if (currentId == null) {
            configure(DEFAULT_STATION_ID, 1, 1);
        }
        StationState state = configured.get(currentId);
        if (state == null) {
            throw new IllegalStateException("station " + currentId + " is already running; describe it before it starts");
        }
        return state;
    }

    /** The current station, started (and connected) on first use. */
    public ChargingStation station() {
        if (currentId == null || !stations.containsKey(currentId)) {
            StationState state = pendingState();
            ChargingStation station = ChargingStation.builder(state).csmsUrl(csmsUrl()).scheduler(time).seed(1)
                    .build();
            configured.remove(currentId);
            stations.put(currentId, station);
            await(station.start(), "station " + currentId + " to connect to " + csmsUrl());
        }
        return stations.get(currentId);
    }

    /** Makes another known station the current one. */
    public void select(String stationId) {
        if (!configured.containsKey(stationId) && !stations.containsKey(stationId)) {
            throw new IllegalArgumentException("no station \"" + stationId + "\" in this scenario; describe it first "
                    + "with: Given a charging station \"" + stationId + "\"");
        }
        currentId = stationId;
    }

    /**
     * Puts a restarted instance in place of the current station (same id), e.g. one built from its state file;
     * "the station sends" steps then count its messages afresh.
     */
    public void replaceStation(ChargingStation restarted) {
        stations.put(currentId, restarted);
        checked.keySet().removeIf(key -> key.startsWith(currentId + "/"));
        await(restarted.start(), "station " + currentId + " to connect again to " + csmsUrl());
    }

    /** Every started station. */
    public Collection<ChargingStation> stations() {
        return stations.values();
    }

    /** Moves virtual time forward once every station has its answers in. */
    public void pass(Duration duration) {
        stations.values().forEach(station -> await(station.whenIdle(), station.id() + " to get its answers"));
        time.advance(duration);
    }

    /** Waits for a future with the scenario's patience, failing the step with what it waited for. */
    public static <T> T await(Future<T> future, String what) {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + ", in vain", e);
        } catch (ExecutionException e) {
            throw new AssertionError("failed waiting for " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /**
     * How many of the current station's CALLs of this action steps have already checked; "the station sends X"
     * steps take the next unchecked one, so two such steps need two messages.
     */
    public AtomicInteger checked(Action action) {
        return checked.computeIfAbsent(station().id() + "/" + action, key -> new AtomicInteger());
    }

    /** Sends a CALL from the embedded CSMS to the current station and keeps the future of its answer. */
    public CompletableFuture<ObjectNode> csmsSends(Action action, ObjectNode payload) {
        CompletableFuture<ObjectNode> answer = csms().send(station().id(), action, payload);
        csmsCalls.put(action, answer);
        return answer;
    }

    /** The station's answer to the last CALL of this action the CSMS sent in this scenario. */
    public CompletableFuture<ObjectNode> answerTo(Action action) {
        CompletableFuture<ObjectNode> answer = csmsCalls.get(action);
        if (answer == null) {
            throw new IllegalStateException("the CSMS has not sent " + action + " in this scenario; add a step like: "
                    + "When the CSMS sends " + action);
        }
        return answer;
    }

    /** Stops every station and the embedded CSMS. */
    public void close() {
        stations.values().forEach(ChargingStation::stop);
        if (csms != null) {
            csms.close();
        }
    }
}
