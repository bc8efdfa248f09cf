package io.ocppbdd.station;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.RpcEndpoint;
import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.offline.Journal;
import io.ocppbdd.station.offline.Outbox;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a functional block of the station works with: its loop, time, device model, state and the way to the
 * CSMS. Everything here is used on the station's loop only.
 *
 * <p>Outgoing CALLs go through the station's {@link Outbox}: in order, one at a time, only once the CSMS has
 * accepted the station (B01.FR.08 / B02.FR.02 / B03.FR.02); TransactionEvents (every message with
 * QueueAllMessages) are journaled and survive connection losses and restarts.
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
    private final Journal journal;
    private final Outbox outbox;
    private BootStatus bootStatus = BootStatus.NOT_BOOTED;
    private BootReasonEnum bootReason = BootReasonEnum.POWER_UP;
    private Consumer<BootReasonEnum> rebooter = reason -> { };

    StationContext(StationState state, StateFile stateFile, Executor loop, Scheduler scheduler, Random random,
                   RpcEndpoint endpoint, DeviceModel deviceModel, Journal journal) {
        this.state = state;
        this.stateFile = stateFile;
        this.loop = loop;
        this.scheduler = scheduler;
        this.random = random;
        this.endpoint = endpoint;
        this.deviceModel = deviceModel;
        this.journal = journal;
        this.outbox = new Outbox(journal, new OutboxLink(), scheduler, loop);
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

    /**
     * Writes the state file (atomically), when the station has one. Each save commits the journal entries made so
     * far: they and the state that produced them survive a kill together.
     */
    public void saveState() {
        if (stateFile != null) {
            state.setJournalCommitted(journal.lastId());
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
     * Sends a request through the outbox once the station is accepted and connected. A TransactionEvent (any message
     * while QueueAllMessages is true) is journaled and the state saved with it before it can go out; another message
     * made while the accepted station is offline is not sent (the future fails as not connected). The future
     * completes on the station's loop.
     */
    public <T> CompletableFuture<T> send(Object request, Class<T> responseType) {
        Action action = Action.ofRequest(request.getClass());
        ObjectNode payload = Json.toTree(request);
        Outbox.Kind kind = action == Action.TransactionEvent ? Outbox.Kind.TRANSACTION
                : queueAllMessages() ? Outbox.Kind.QUEUED : Outbox.Kind.VOLATILE;
        CompletableFuture<ObjectNode> answer;
        if (kind == Outbox.Kind.VOLATILE && bootStatus == BootStatus.ACCEPTED && !endpoint.isConnected()) {
            answer = endpoint.call(action, payload); // refused: not connected
        } else {
            answer = outbox.add(action, payload, kind);
            if (kind != Outbox.Kind.VOLATILE) {
                saveState();
            }
            outbox.pump();
        }
        CompletableFuture<T> typed = new CompletableFuture<>();
        relay(answer.thenApply(response -> Json.fromTree(response, responseType)), typed);
        return typed;
    }

    /**
     * Tells this listener, on the loop, of every answered request of this type sent with {@link #send}, also of
     * those kept in the journal from an earlier run.
     */
    public <Q, A> void onAnswered(Class<Q> requestType, Class<A> responseType, BiConsumer<Q, A> listener) {
        outbox.onAnswered(Action.ofRequest(requestType), (request, response) ->
                listener.accept(Json.fromTree(request, requestType), Json.fromTree(response, responseType)));
    }

    /** Whether TransactionEvents of this transaction (of any, when null) wait to be delivered (E14). */
    public boolean holdsTransactionEvents(String transactionId) {
        return outbox.holdsTransactionEvents(transactionId);
    }

    private boolean queueAllMessages() {
        return Boolean.parseBoolean(deviceModel.actual("OCPPCommCtrlr", "QueueAllMessages").orElse("false"));
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

    void bootReason(BootReasonEnum reason) {
        this.bootReason = reason;
    }

    /** Records the CSMS's verdict on a BootNotification and tells the functional blocks. */
    public void bootStatus(BootStatus status) {
        bootStatus = status;
        state.getBoot().setStatus(status.name());
        saveState();
        events.fireBootStatus(status);
        outbox.pump();
    }

    void connected() {
        events.fireConnected();
        outbox.pump();
    }

    void disconnected() {
        outbox.disconnected(bootStatus == BootStatus.ACCEPTED);
        events.fireDisconnected();
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

    /**
     * Completes, on the station's loop, once no CALL of the station waits for an answer and the outbox has nothing
     * it could send now (messages waiting for a retry or for the connection do not count).
     */
    public CompletableFuture<Void> whenIdle() {
        return endpoint.whenIdle().thenComposeAsync(
                idle -> outbox.busy() ? whenIdle() : CompletableFuture.<Void>completedFuture(null), loop);
    }

    /** The outbox's view of this station. */
    private final class OutboxLink implements Outbox.Link {
        private static final String COMM = "OCPPCommCtrlr";

        @Override
        public boolean online() {
            return isOnline();
        }

        @Override
        public CompletableFuture<ObjectNode> call(Action action, ObjectNode payload) {
            return endpoint.call(action, payload);
        }

        @Override
        public int transactionEventAttempts() {
            return deviceModel.intValue(VariableKey.of(COMM, "MessageAttempts", "TransactionEvent"), 3);
        }

        @Override
        public Duration transactionEventInterval() {
            return Duration.ofSeconds(deviceModel.intValue(
                    VariableKey.of(COMM, "MessageAttemptInterval", "TransactionEvent"), 60));
        }
    }
}
