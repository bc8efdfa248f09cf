package io.ocppbdd.station;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.RpcEndpoint;
import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What a functional block of the station works with: its loop, time, device model, state and the way to the
 * CSMS. Everything here is used on the station's loop only.
 *
 * <p>Outgoing CALLs obey B01.FR.08 / B02.FR.02 / B03.FR.02: until the CSMS accepts the station, and while it is
 * offline, they wait in order and go out once it is accepted and connected.
 */
public final class StationContext {

    private final StationState state;
    private final StateFile stateFile;
    private final Executor loop;
    private final Scheduler scheduler;
    private final Random random;
    private final RpcEndpoint endpoint;
    private final DeviceModel deviceModel;
    private final StationEvents events = new StationEvents();
    private final Queue<Runnable> held = new ArrayDeque<>();
    private BootStatus bootStatus = BootStatus.NOT_BOOTED;
    private BootReasonEnum bootReason = BootReasonEnum.POWER_UP;
    private Consumer<BootReasonEnum> rebooter = reason -> { };
    private Runnable reconnector = () -> { };

    StationContext(StationState state, StateFile stateFile, Executor loop, Scheduler scheduler, Random random,
                   RpcEndpoint endpoint, DeviceModel deviceModel) {
        this.state = state;
        this.stateFile = stateFile;
        this.loop = loop;
        this.scheduler = scheduler;
        this.random = random;
        this.endpoint = endpoint;
        this.deviceModel = deviceModel;
    }

    public String stationId() {
        return state.getIdentity().id();
    }

    public Executor loop() {
        return loop;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Clock clock() {
        return scheduler.clock();
    }

    /** The seedable source of randomness (back-off jitter, meter noise). */
    public Random random() {
        return random;
    }

    public DeviceModel deviceModel() {
        return deviceModel;
    }

    public StationEvents events() {
        return events;
    }

    /** Every frame this station sent and received (its OCPP log, e.g. for GetLog). */
    public MessageTrace trace() {
        return endpoint.trace();
    }

    /** The persisted state; call {@link #saveState()} after changing it. */
    public StationState state() {
        return state;
    }

    /** Writes the state file (atomically), when the station has one. */
    public void saveState() {
        if (stateFile != null) {
            stateFile.save(state);
        }
    }

    public BootStatus bootStatus() {
        return bootStatus;
    }

    /** Whether a CALL sent now would go straight out. */
    public boolean isOnline() {
        return bootStatus == BootStatus.ACCEPTED && endpoint.isConnected();
    }

    /** Handles incoming CALLs of this action. */
    public void handle(Action action, CallHandler handler) {
        endpoint.handle(action, handler);
    }

    /**
     * Sends a request once the station is accepted and connected (held in order until then).
     * The future completes on the station's loop.
     */
    public <T> CompletableFuture<T> send(Object request, Class<T> responseType) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Runnable transmit = () -> relay(endpoint.call(request, responseType), answer);
        if (isOnline()) {
            transmit.run();
        } else {
            held.add(transmit);
        }
        return answer;
    }

    /**
     * Sends a request now, whatever the boot status: for BootNotification and for messages the CSMS asked for
     * with TriggerMessage, GetBaseReport or GetReport (B02.FR.02).
     */
    public <T> CompletableFuture<T> sendRegardlessOfBoot(Object request, Class<T> responseType) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        relay(endpoint.call(request, responseType), answer);
        return answer;
    }

    /** The reason the next BootNotification gives (B01.FR.09). */
    public BootReasonEnum bootReason() {
        return bootReason;
    }

    /**
     * Reboots the station: it forgets its registration, closes the connection, connects again at once and sends
     * BootNotification with this reason (B01.FR.03). Persisted state survives; held CALLs wait for the new boot.
     */
    public void reboot(BootReasonEnum reason) {
        bootReason = reason;
        bootStatus = BootStatus.NOT_BOOTED;
        events.fireBootStatus(BootStatus.NOT_BOOTED);
        rebooter.accept(reason);
    }

    void rebooter(Consumer<BootReasonEnum> action) {
        this.rebooter = action;
    }

    /**
     * Closes the connection and connects again at once, without a reboot: for new credentials (A01). Held CALLs
     * wait for the new connection.
     */
    public void reconnect() {
        reconnector.run();
    }

    void reconnector(Runnable action) {
        this.reconnector = action;
    }

    void bootReason(BootReasonEnum reason) {
        this.bootReason = reason;
    }

    /** How many CALLs wait for the station to be accepted and online. */
    public int heldMessages() {
        return held.size();
    }

    /** Records the CSMS's verdict on a BootNotification and tells the functional blocks. */
    public void bootStatus(BootStatus status) {
        bootStatus = status;
        state.getBoot().setStatus(status.name());
        saveState();
        events.fireBootStatus(status);
        releaseHeld();
    }

    void connected() {
        events.fireConnected();
        releaseHeld();
    }

    void disconnected() {
        events.fireDisconnected();
    }

    void connectFailed(Throwable failure) {
        events.fireConnectFailed(failure);
    }

    private void releaseHeld() {
        while (isOnline() && !held.isEmpty()) {
            held.poll().run();
        }
    }

    private <T> void relay(CompletableFuture<T> call, CompletableFuture<T> answer) {
        call.whenComplete((value, failure) -> loop.execute(() -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(value);
            }
        }));
    }

    /** Completes, on the station's loop, once no CALL of the station waits for an answer. */
    public CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        relay(endpoint.whenIdle(), idle);
        return idle;
    }
}
