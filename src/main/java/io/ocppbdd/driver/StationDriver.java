package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.concurrent.SystemScheduler;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.SchemaValidator;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import io.ocppbdd.protocol.messages.DataTransferResponse;
import io.ocppbdd.protocol.messages.DataTransferStatusEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.report.TraceReport;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.FrameAudit;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.Redaction;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.authorization.AuthorizationModule;
import io.ocppbdd.station.datatransfer.DataTransferModule;
import io.ocppbdd.station.evse.Connector;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.ev.EvMode;
import io.ocppbdd.station.ev.SimulatedEv;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.faults.FaultModule;
import io.ocppbdd.station.faults.FaultType;
import io.ocppbdd.station.remote.UnlockConnectorModule;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.station.state.TransactionState;
import io.ocppbdd.station.transactions.TransactionModule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One simulated station, driven from any thread: every call hops onto the station's loop and hands back a typed
 * result or a {@link CompletionStage}, never a module or mutable state. Its conversation ({@link #calls()}) carries
 * on across power cuts and reboots.
 *
 * <p>Actions that the station itself may refuse (plugging into an EVSE that already has a cable, an unknown EVSE)
 * fail their stage with a one-line reason.
 */
public final class StationDriver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Simulation simulation;
    private final String id;
    private final MessageTrace trace = new MessageTrace();
    private final CallLog log = new CallLog(trace);
    private final BootWatch boot = new BootWatch();
    private final List<CompletableFuture<Void>> disconnections = new CopyOnWriteArrayList<>();
    /** The received CALLs already paired with a {@link #csmsSends} order: the k-th order takes the k-th CALL. */
    private final Set<Integer> claimedCalls = new HashSet<>();
    private final StateFile stateFile;
    private final List<StationModule> extraModules;
    private volatile Instance current;
    /** The simulated driver's plug delay while it plugs in by itself (see {@link #simulatedEv}); null: manual. */
    private volatile Duration simulatedEvDelay;

    /** One power cycle of the station: the simulator and what its loop lets the driver see. */
    private record Instance(ChargingStation station, Probe probe) {
    }

    /** Installed into each power cycle: hands the driver the context and tells it the boot status. */
    private final class Probe implements StationModule {
        private volatile StationContext context;

        @Override
        public void install(StationContext stationContext) {
            this.context = stationContext;
            stationContext.events().onBootStatus(boot::changed);
            stationContext.events().onDisconnected(() -> {
                disconnections.forEach(waiter -> waiter.complete(null));
                disconnections.clear();
            });
        }
    }

    StationDriver(Simulation simulation, StationState state, StateFile stateFile, boolean savedAlways,
                  List<StationModule> extraModules) {
        this.simulation = simulation;
        this.extraModules = List.copyOf(extraModules);
        this.id = state.getIdentity().id();
        this.stateFile = stateFile;
        this.current = build(state, savedAlways);
    }

    public String id() {
        return id;
    }

    // ---------------------------------------------------------------- lifecycle

    /** Connects to the CSMS (and keeps reconnecting); completes on the first connection. */
    public CompletionStage<Void> start() {
        return current.station.start();
    }

    /** Completes when the CSMS has answered a BootNotification with this status in the current power cycle. */
    public CompletionStage<Void> bootStatus(BootStatus wanted) {
        return boot.reach(wanted);
    }

    /**
     * Completes once the station is booted: the CSMS accepted its BootNotification and every CALL the station
     * sent so far has its answer (its StatusNotifications, for one). This is the one meaning of "booted".
     */
    public CompletionStage<Void> booted() {
        return boot.reach(BootStatus.ACCEPTED).thenCompose(accepted -> whenIdle());
    }

    /**
     * Closes the connection for good (no reconnection; {@link #connectAgain()} starts afresh); the station keeps its
     * state. Completes once the connection is closed.
     */
    public CompletionStage<Void> disconnect() {
        ChargingStation station = current.station;
        CompletableFuture<Void> closed = new CompletableFuture<>();
        return station.onLoop(() -> {
            if (station.isConnected()) {
                disconnections.add(closed);
            } else {
                closed.complete(null);
            }
            station.stop();
            return closed;
        }).thenCompose(done -> done);
    }

    /** The network drops; completes once the station noticed. It reconnects after the OCPP back-off (Part 4 §5.3). */
    public CompletionStage<Void> loseNetwork() {
        ChargingStation station = current.station;
        CompletableFuture<Void> offline = new CompletableFuture<>();
        return onLoop(() -> {
            if (station.isConnected()) {
                disconnections.add(offline);
                station.dropConnection();
            } else {
                offline.complete(null);
            }
            return offline;
        }).thenCompose(noticed -> noticed);
    }

    /**
     * The power fails: the station's state is written to its state file and the station stops at once. Once its
     * connection is closed and the simulation's reboot delay ({@link #rebootDelay()}, counted on the simulation's
     * clock: move virtual time with {@link Simulation#pass}) and then the reboot pause (real time, see
     * {@link Simulation.Builder#rebootPause}) have passed, it starts again from that file and connects; the stage
     * completes then. So the CSMS never sees the old and the new connection open at once.
     */
    public CompletionStage<Void> powerCut() {
        return restart(rebootDelay(), simulation.rebootPause());
    }

    /**
     * Connects again after {@link #disconnect()}: the station starts afresh from its state (as after a power cut,
     * at once) and boots again; completes on its first connection.
     */
    public CompletionStage<Void> connectAgain() {
        return restart(Duration.ZERO, Duration.ZERO);
    }

    /** Writes the station's state to its state file; completes once it is there. */
    public CompletionStage<Void> save() {
        ChargingStation station = current.station;
        return station.onLoop(() -> {
            stateFile.save(station.state());
            return null;
        });
    }

    /** The state file this station is kept in. */
    public Path stateFile() {
        return stateFile.path();
    }

    private CompletionStage<Void> restart(Duration delay, Duration pause) {
        Instance old = current;
        CompletableFuture<Void> off = old.station.onLoop(() -> {
            stateFile.save(old.station.state());
            old.station.stop();
            return null;
        });
        CompletableFuture<Void> back = new CompletableFuture<>();
        Runnable restart = () -> off.thenCompose(stopped -> old.station.closed())
                .thenCompose(closed -> after(pause)).thenRun(() -> {
                    boot.reset();
                    Instance fresh = build(stateFile.load(), true);
                    current = fresh;
                    fresh.station.start().whenComplete((connected, failure) -> complete(back, failure));
                }).exceptionally(failure -> {
                    back.completeExceptionally(failure);
                    return null;
                });
        if (delay.isZero()) {
            restart.run();
        } else {
            simulation.scheduler().schedule(delay, Runnable::run, restart);
        }
        return back;
    }

    private static CompletionStage<Void> after(Duration realTime) {
        CompletableFuture<Void> passed = new CompletableFuture<>();
        if (realTime.isZero()) {
            passed.complete(null);
        } else {
            SystemScheduler.instance().schedule(realTime, Runnable::run, () -> passed.complete(null));
        }
        return passed;
    }

    /** How long the station takes to come back after a power cut, on the simulation's clock. */
    public Duration rebootDelay() {
        return simulation.rebootDelay();
    }

    /** Reboots with this reason (B01.FR.09): the station reconnects (after the reboot pause) and boots again. */
    public CompletionStage<Void> reboot(BootReasonEnum reason) {
        ChargingStation station = current.station;
        return station.onLoop(() -> {
            station.reboot(reason);
            return null;
        });
    }

    /** Completes once no CALL of the station waits for an answer. */
    public CompletionStage<Void> whenIdle() {
        return current.station.whenIdle();
    }

    // ---------------------------------------------------------------- the driver and the EV

    /** The driver plugs a cable into this connector (E02). */
    public CompletionStage<Void> plugIn(int evseId, int connectorId) {
        return module(EvseModule.class).plugIn(evseId, connectorId);
    }

    /** The driver unplugs the cable of this EVSE. */
    public CompletionStage<Void> unplug(int evseId) {
        return module(EvseModule.class).unplug(evseId);
    }

    /** The driver presents an id token of this type at the EVSE: it authorizes, starts or stops charging. */
    public CompletionStage<TokenOutcome> presentToken(int evseId, IdTokenEnum type, String token) {
        return module(TransactionModule.class).presentToken(evseId, token(type, token))
                .thenApply(outcome -> TokenOutcome.valueOf(outcome.name()));
    }

    /**
     * The simulated driver and EV: with a delay, after a remote start the driver plugs in by itself that long after,
     * the EV charges, and the driver unplugs once the authorization ends (the README's "A simulated EV"); empty,
     * nothing happens unless this driver plugs in (the default). Kept across power cuts.
     */
    public void simulatedEv(Optional<Duration> plugDelay) {
        simulatedEvDelay = plugDelay.orElse(null);
        applySimulatedEv(current.station);
    }

    private void applySimulatedEv(ChargingStation station) {
        Duration delay = simulatedEvDelay;
        SimulatedEv ev = station.module(SimulatedEv.class);
        ev.mode(delay == null ? EvMode.MANUAL : EvMode.AUTO);
        if (delay != null) {
            ev.plugDelay(delay);
        }
    }

    /** The EV stops drawing energy (E01.FR.19). */
    public CompletionStage<Void> evSuspends(int evseId) {
        return module(EvseModule.class).evSuspends(evseId, true);
    }

    /** The EV draws energy again. */
    public CompletionStage<Void> evResumes(int evseId) {
        return module(EvseModule.class).evSuspends(evseId, false);
    }

    /** The parking bay detector of the EVSE sees (true) or no longer sees (false) an EV (E01.FR.01). */
    public CompletionStage<Void> parkingBay(int evseId, boolean occupied) {
        return module(EvseModule.class).parkingBay(evseId, occupied);
    }

    /** The lock of a connector fails (true) or works again (false): UnlockConnector answers UnlockFailed. */
    public CompletionStage<Void> lockStuck(int evseId, int connectorId, boolean stuck) {
        UnlockConnectorModule unlock = module(UnlockConnectorModule.class);
        return onLoop(() -> {
            unlock.stuck(evseId, connectorId, stuck);
            return null;
        });
    }

    /**
     * A fault occurs on this connector, named as in OCPP 1.6 (GroundFailure, OverCurrentFailure, ...): the connector
     * goes Faulted, the station sends NotifyEvent and ends a running transaction (the README's fault table).
     * An unknown name fails the stage with the list of names.
     */
    public CompletionStage<Void> fault(int evseId, int connectorId, String faultName) {
        FaultModule faults = module(FaultModule.class);
        return onLoop(() -> {
            faults.raise(evseId, connectorId, FaultType.fromName(faultName));
            return null;
        });
    }

    /** The fault of this name on the connector is cleared (every fault when the name is empty). */
    public CompletionStage<Void> clearFault(int evseId, int connectorId, Optional<String> faultName) {
        FaultModule faults = module(FaultModule.class);
        return onLoop(() -> {
            faultName.ifPresentOrElse(name -> faults.clear(evseId, connectorId, FaultType.fromName(name)),
                    () -> faults.clearAll(evseId, connectorId));
            return null;
        });
    }

    /** The OCPP 1.6 names of the faults {@link #fault} knows. */
    public static List<String> faultNames() {
        return java.util.Arrays.stream(FaultType.values()).map(FaultType::ocpp16Name).toList();
    }

    // ---------------------------------------------------------------- authorization

    /** Asks the authorization block alone (cache, local list, Authorize; C01) about a token for this EVSE. */
    public CompletionStage<AuthorizationDecision> authorize(IdTokenEnum type, String token, int evseId) {
        AuthorizationModule authorization = module(AuthorizationModule.class);
        return onLoop(() -> authorization.authorize(token(type, token), evseId)).thenCompose(decision -> decision)
                .thenCompose(info -> onLoop(() -> decision(info, authorization.mayStart(info, evseId))));
    }

    /** Whether the presented token may stop a transaction that the starter token started (C09, C16). */
    public CompletionStage<StopDecision> authorizeStop(IdTokenEnum type, String presented, String starter) {
        AuthorizationModule authorization = module(AuthorizationModule.class);
        return onLoop(() -> authorization.authorizeStop(token(type, presented), token(type, starter), null))
                .thenCompose(decision -> decision).thenApply(decision -> StopDecision.valueOf(decision.name()));
    }

    /** The Authorization Cache: each token with the status it is cached with, oldest first. */
    public CompletionStage<Map<String, String>> authorizationCache() {
        return onLoop(() -> {
            Map<String, String> cache = new LinkedHashMap<>();
            current.station.state().getAuthorizationCache().forEach(entry ->
                    cache.put(entry.idToken(), entry.idTokenInfo().path("status").asText()));
            return cache;
        });
    }

    // ---------------------------------------------------------------- device model and messages

    /** The Actual value of a device-model variable, keyed as in the state file (OCPPCommCtrlr.HeartbeatInterval). */
    public CompletionStage<Optional<String>> variable(String key) {
        return onLoop(() -> current.station.deviceModel().variables().stream()
                .filter(variable -> variable.key().toString().equals(key)).findFirst()
                .map(variable -> current.station.deviceModel().actual(variable.key()))
                .orElseThrow(() -> new IllegalArgumentException("device model has no variable \"" + key + "\"")));
    }

    /**
     * Sets a device-model value as the station's owner would (checked against its type, kept in the state file),
     * keyed as in the state file.
     */
    public CompletionStage<Void> setVariable(String key, String value) {
        return onLoop(() -> {
            current.station.deviceModel().applyOverrides(Map.of(key, value));
            current.station.state().getDeviceModel().put(key, value);
            current.probe.context.saveState();
            return null;
        });
    }

    /**
     * Sends any station-to-CSMS CALL; the payload is checked against its schema before it leaves (a stage failed
     * with the field and the rule otherwise). Held, like every CALL, until the station is accepted and online.
     */
    public CompletionStage<ObjectNode> send(Action action, ObjectNode payload) {
        if (!action.sentByStation()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(action
                    + " is sent by a CSMS, not by a station"));
        }
        Optional<String> problem = SchemaValidator.instance().checkRequest(action, payload)
                .map(violation -> action + " not sent, its payload breaks the OCPP 2.0.1 schema: "
                        + violation.describe());
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        Object request = Json.fromTree(payload, action.requestType());
        return current.station.send(request, action.responseType()).thenApply(Json::toTree);
    }

    /** Answers the CSMS's DataTransfers of this vendor and message with this status (P01). */
    public CompletionStage<Void> answerDataTransfer(String vendorId, String messageId, DataTransferStatusEnum status) {
        DataTransferModule dataTransfer = module(DataTransferModule.class);
        return onLoop(() -> {
            dataTransfer.handle(vendorId, messageId, request -> new DataTransferResponse().withStatus(status));
            return null;
        });
    }

    /**
     * Makes the CSMS under test send this CALL to the station (through the simulation's {@link CsmsDriver}); the
     * answer is read from the station's trace, so it works for every CSMS driver: each order takes the first CALL
     * of its action that reaches the station after it and that no earlier order took.
     */
    public CsmsCall csmsSends(Action action, ObjectNode payload) {
        int mark = log.calls().size();
        int[] claimed = {-1};
        CompletableFuture<OcppAnswer> answer = log.when(calls -> {
            synchronized (claimedCalls) {
                if (claimed[0] < 0) {
                    calls.stream().skip(mark).filter(call -> !call.fromStation() && call.action() == action
                            && !claimedCalls.contains(call.index())).findFirst().ifPresent(call -> {
                                claimedCalls.add(call.index());
                                claimed[0] = call.index();
                            });
                }
            }
            return claimed[0] < 0 ? Optional.empty() : Optional.ofNullable(calls.get(claimed[0]).answer());
        });
        simulation.csms().trigger(id, action, payload.deepCopy()).whenComplete((ordered, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(unwrap(failure));
            }
        });
        return new CsmsCall(id, action, payload.deepCopy(), answer);
    }

    // ---------------------------------------------------------------- observation

    /** A picture of the station taken on its loop. */
    public CompletionStage<StationSnapshot> snapshot() {
        Instance instance = current;
        return onLoop(() -> {
            EvseModule evses = instance.station.module(EvseModule.class);
            List<EvseSnapshot> pictures = new ArrayList<>();
            for (Evse evse : evses.evses()) {
                List<ConnectorSnapshot> connectors = evse.connectors().stream()
                        .map(c -> new ConnectorSnapshot(evse.id(), c.id(), c.status().value(), c.isCablePlugged()))
                        .toList();
                pictures.add(new EvseSnapshot(evse.id(), connectors, evse.isEvSuspended(), evse.isParkingBayOccupied(),
                        transaction(evse.id(), instance.station.state().getEvses().get(evse.id() - 1))));
            }
            return new StationSnapshot(id, instance.station.isConnected(), instance.station.bootStatus(),
                    instance.probe.context.heldMessages(), pictures);
        });
    }

    /** Every CALL the station sent or received, with its answer, oldest first (across power cycles). */
    public List<OcppCall> calls() {
        return log.calls();
    }

    /**
     * Completes with the condition's value as soon as the station's calls give one (now or after a later frame).
     * Cancel the future to stop waiting.
     */
    public <T> CompletableFuture<T> whenCalls(Function<List<OcppCall>, Optional<T>> condition) {
        return log.when(condition);
    }

    /**
     * Tells the listener of every CALL as it comes (its answer null) and again when its answer comes, on the
     * station's network thread: keep it short.
     */
    public void onCall(Consumer<OcppCall> listener) {
        log.onCall(listener);
    }

    /** The newest frames, one line each ({@code time → sent} / {@code time ← received}), secrets masked. */
    public List<String> recentFrames(int count) {
        return trace.last(count).stream().map(entry -> TIME.format(entry.time())
                + (entry.direction() == Direction.SENT ? " → " : " ← ") + Redaction.redact(entry.frame())).toList();
    }

    /** Every frame the station sent that broke its schema, and every own frame it refused for that; one line each. */
    public List<String> sentFrameProblems() {
        List<String> problems = new ArrayList<>();
        FrameAudit.problemsInSent(trace.entries()).forEach(problem -> problems.add(id + " sent " + problem));
        trace.refusals().forEach(problem -> problems.add(id + " built a " + problem));
        return problems;
    }

    /** Every frame the station received that broke its schema; one line each. */
    public List<String> receivedFrameProblems() {
        return FrameAudit.problemsInReceived(trace.entries()).stream()
                .map(problem -> "the CSMS sent " + id + " " + problem).toList();
    }

    /** The station's whole conversation as an HTML page (one row per frame, secrets masked). */
    public String traceReport() {
        return TraceReport.html("OCPP messages of " + id, trace.entries());
    }

    // ---------------------------------------------------------------- internals

    void stop() {
        current.station.stop();
    }

    /** The simulator of the current power cycle, for white-box tests only (reached through the test accessor). */
    ChargingStation simulatorForWhiteBoxTests() {
        return current.station;
    }

    private Instance build(StationState state, boolean withStateFile) {
        Probe probe = new Probe();
        ChargingStation.Builder builder = ChargingStation.builder(state).csmsUrl(simulation.csms().url())
                .scheduler(simulation.scheduler()).rebootPause(simulation.rebootPause()).seed(simulation.seedOf(id))
                .trace(trace).module(probe);
        if (withStateFile) {
            builder.stateFile(stateFile);
        }
        simulation.sslContext().ifPresent(builder::sslContext);
        extraModules.forEach(builder::module);
        ChargingStation station = builder.build();
        applySimulatedEv(station);
        return new Instance(station, probe);
    }

    private <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        return current.station.onLoop(work);
    }

    private <T extends StationModule> T module(Class<T> type) {
        return current.station.module(type);
    }

    private static Optional<TransactionSnapshot> transaction(int evseId, EvseState state) {
        TransactionState transaction = state.getTransaction();
        return Optional.ofNullable(transaction).map(t -> new TransactionSnapshot(t.getId(), evseId, t.isAuthorized(),
                t.getChargingState(), t.getNextSeqNo()));
    }

    private static AuthorizationDecision decision(IdTokenInfo info, boolean mayStart) {
        return new AuthorizationDecision(info.getStatus().value(),
                info.getEvseId() == null ? List.of() : info.getEvseId(),
                info.getGroupIdToken() == null ? null : info.getGroupIdToken().getIdToken(), mayStart);
    }

    private static IdToken token(IdTokenEnum type, String value) {
        return new IdToken().withIdToken(value).withType(type);
    }

    private static void complete(CompletableFuture<Void> future, Throwable failure) {
        if (failure == null) {
            future.complete(null);
        } else {
            future.completeExceptionally(unwrap(failure));
        }
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The boot status of the current power cycle, and who waits for which. */
    private static final class BootWatch {
        private final Map<CompletableFuture<Void>, BootStatus> waiting = new LinkedHashMap<>();
        private BootStatus status = BootStatus.NOT_BOOTED;

        synchronized void changed(BootStatus now) {
            status = now;
            waiting.entrySet().removeIf(entry -> entry.getValue() == now && entry.getKey().complete(null));
        }

        synchronized void reset() {
            status = BootStatus.NOT_BOOTED;
        }

        synchronized CompletableFuture<Void> reach(BootStatus wanted) {
            CompletableFuture<Void> reached = new CompletableFuture<>();
            if (status == wanted) {
                reached.complete(null);
            } else {
                waiting.put(reached, wanted);
            }
            return reached;
        }
    }
}
