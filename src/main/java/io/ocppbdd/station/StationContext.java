package io.ocppbdd.station;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.concurrent.SerialExecutor;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.Reply;
import io.ocppbdd.rpc.RpcEndpoint;
import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.offline.Journal;
import io.ocppbdd.station.offline.Outbox;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a functional block of the station works with: its loop, time, device model, state and the way to the
 * CSMS. Everything here is used on the station's loop only.
 *
 * <p>Outgoing CALLs go through the station's {@link Outbox}: in order, one at a time, only once the CSMS has
 * accepted the station (B01.FR.08 / B02.FR.02 / B03.FR.02); TransactionEvents (every message with
 * QueueAllMessages) are journaled and survive connection losses and restarts.
 *
 * <p>The state file is written off the loop, at most once per turn of it: {@link #saveState()} marks the state
 * changed and the snapshot is taken at the end of the turn. The CSMS never learns of a state that is not on disk
 * yet: CALLs and answers to the CSMS wait, in order, until everything saved before them is written, so a restart
 * after a kill never repeats, say, a TransactionEvent seqNo the CSMS has seen.
 */
public final class StationContext {

    private static final Logger LOG = LoggerFactory.getLogger(StationContext.class);

    private final StationState state;
    private final StateFile stateFile;
    private final SerialExecutor loop;
    private final Scheduler scheduler;
    private final Random random;
    private final RpcEndpoint endpoint;
    private final DeviceModel deviceModel;
    private final StationEvents events = new StationEvents();
    private List<Runnable> afterReply;
    private final Queue<Gated> awaitingDisk = new ArrayDeque<>();
    private long snapshotsRequested;
    private long snapshotsWritten;
    private CompletableFuture<Void> nextSnapshot;
    private boolean stateClosed;
    private final Journal journal;
    private final Outbox outbox;
    private BootStatus bootStatus = BootStatus.NOT_BOOTED;
    private BootReasonEnum bootReason = BootReasonEnum.POWER_UP;
    private Consumer<BootReasonEnum> rebooter = reason -> { };
    private Runnable reconnector = () -> { };

    StationContext(StationState state, StateFile stateFile, SerialExecutor loop, Scheduler scheduler, Random random,
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
     * Has the state written to the state file, when the station has one: once, at the end of this turn of the
     * loop, however often it is called in it. Each save commits the journal entries made until then: they and the
     * state that produced them survive a kill together. Completes on the loop once the state is on disk, or fails with a
     * {@link io.ocppbdd.station.state.StateFileException} when it cannot be written.
     */
    public CompletableFuture<Void> saveState() {
        if (stateFile == null || stateClosed) {
            return CompletableFuture.completedFuture(null);
        }
        if (nextSnapshot == null) {
            nextSnapshot = new CompletableFuture<>();
            snapshotsRequested++;
            loop.execute(this::writeSnapshot);
        }
        return nextSnapshot;
    }

    /** Completes on the loop once everything saved so far is on disk (written or failed). */
    CompletableFuture<Void> stateSaved() {
        CompletableFuture<Void> saved = new CompletableFuture<>();
        afterStateSaved(() -> saved.complete(null));
        return saved;
    }

    /** The last save: once what was saved so far is on disk, later saves are ignored (the station stopped). */
    CompletableFuture<Void> closeState() {
        CompletableFuture<Void> saved = stateSaved();
        stateClosed = true;
        return saved;
    }

    private void writeSnapshot() {
        CompletableFuture<Void> written = nextSnapshot;
        long generation = snapshotsRequested;
        nextSnapshot = null;
        CompletableFuture<Void> onDisk;
        try {
            state.setJournalCommitted(journal.lastId());
            onDisk = stateFile.writeLater(stateFile.snapshot(state));
        } catch (RuntimeException e) {
            onDisk = CompletableFuture.failedFuture(e);
        }
        onDisk.whenComplete((done, failure) -> loop.execute(() -> {
            snapshotsWritten = Math.max(snapshotsWritten, generation);
            if (failure != null) {
                LOG.warn("{}: {}", stationId(), failure.getMessage());
                written.completeExceptionally(failure);
            } else {
                written.complete(null);
            }
            while (!awaitingDisk.isEmpty() && awaitingDisk.peek().generation() <= snapshotsWritten) {
                awaitingDisk.poll().action().run();
            }
        }));
    }

    /** Runs the action once everything saved so far is on disk, after the actions that wait already. */
    private void afterStateSaved(Runnable action) {
        if (awaitingDisk.isEmpty() && snapshotsWritten >= snapshotsRequested) {
            action.run();
        } else {
            awaitingDisk.add(new Gated(snapshotsRequested, action));
        }
    }

    public BootStatus bootStatus() {
        return bootStatus;
    }

    /** Whether a CALL sent now would go straight out. */
    public boolean isOnline() {
        return bootStatus == BootStatus.ACCEPTED && endpoint.isConnected();
    }

    /**
     * Handles incoming CALLs of this action; with a state file, the answer waits until the state is on disk. Work
     * the handler hands to {@link #afterReply} runs once the answer has gone out.
     */
    public void handle(Action action, CallHandler handler) {
        endpoint.handle(action, call -> {
            List<Runnable> later = new ArrayList<>();
            afterReply = later;
            CompletionStage<Reply> reply;
            try {
                reply = handler.handle(call);
            } finally {
                afterReply = null;
            }
            CompletionStage<Reply> answer = stateFile == null ? reply
                    : reply.thenComposeAsync(result -> stateSaved().thenApply(saved -> result), loop);
            if (!later.isEmpty()) {
                // the endpoint queues the answer on the loop when it completes; queued twice, the work comes after it
                answer.whenComplete((result, failure) -> loop.execute(() -> loop.execute(
                        () -> later.forEach(Runnable::run))));
            }
            return answer;
        });
    }

    /**
     * Runs this work once the answer to the CALL being handled has gone out (F06.FR.04: response first, then the
     * requested message). Call it from a CALL handler; elsewhere the work just waits for the loop's next turns.
     */
    public void afterReply(Runnable work) {
        if (afterReply != null) {
            afterReply.add(work);
        } else {
            loop.execute(() -> loop.execute(work));
        }
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

    /** How many CALLs wait to be delivered (the offline queue), the one on its way included. */
    public int heldMessages() {
        return outbox.size();
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
        afterStateSaved(() -> relay(endpoint.call(request, responseType), answer));
        return answer;
    }

    /** The reason the next BootNotification gives (B01.FR.09). */
    public BootReasonEnum bootReason() {
        return bootReason;
    }

    /**
     * Reboots the station: it forgets its registration, closes the connection, connects again (after the station's
     * reboot pause, none by default) and sends
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

    void connectFailed(Throwable failure) {
        events.fireConnectFailed(failure);
    }

    /**
     * Completes the answer on the loop. An answer that arrives on the loop is acted on at once: a hop would put it
     * behind a CSMS CALL that came right after it on the wire, which would then meet the station in its old state
     * (a GetVariables before the Rejected boot status took effect, a ClearCache before the Authorize result was
     * cached).
     */
    private <T> void relay(CompletableFuture<T> call, CompletableFuture<T> answer) {
        call.whenComplete((value, failure) -> {
            Runnable complete = () -> {
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else {
                    answer.complete(value);
                }
            };
            if (loop.isRunningHere()) {
                complete.run();
            } else {
                loop.execute(complete);
            }
        });
    }

    /**
     * Completes, on the station's loop, once the state is on disk, no CALL of the station waits for an answer and
     * the outbox has nothing it could send now (messages waiting for a retry or for the connection do not count).
     */
    public CompletableFuture<Void> whenIdle() {
        return stateSaved().thenCompose(saved -> endpoint.whenIdle()).thenComposeAsync(
                idle -> outbox.busy() ? whenIdle() : CompletableFuture.<Void>completedFuture(null), loop);
    }

    /** The outbox's view of this station. */
    private final class OutboxLink implements Outbox.Link {
        private static final String COMM = "OCPPCommCtrlr";

        @Override
        public boolean online() {
            return isOnline();
        }

        /** The CSMS never hears of a state that is not on disk yet (see {@link #saveState()}). */
        @Override
        public CompletableFuture<ObjectNode> call(Action action, ObjectNode payload) {
            CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
            afterStateSaved(() -> endpoint.call(action, payload).whenComplete((value, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else {
                    answer.complete(value);
                }
            }));
            return answer;
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

    /** An action that waits until the snapshot of this generation is on disk. */
    private record Gated(long generation, Runnable action) {
    }
}
