package io.ocppbdd.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.CallError;
import io.ocppbdd.protocol.CallResult;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.SchemaValidator;
import io.ocppbdd.protocol.Violation;
import io.ocppbdd.rpc.CallFailedException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One side of an OCPP-J connection (Part 4, §4): sends CALLs one at a time with a queue behind and a timeout,
 * matches answers by message id, validates every payload both ways against the official schemas, dispatches
 * incoming CALLs to handlers and answers bad frames with the right CALLERROR. The connection survives all of it.
 *
 * <p>All state lives on one serial executor; public methods may be called from any thread.
 */
public final class RpcEndpoint implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RpcEndpoint.class);
    /** Where own frames that break their schema (and so were not sent) are reported: always a bug of the sender. */
    private static final Logger VIOLATIONS = LoggerFactory.getLogger("io.ocppbdd.rpc.SchemaViolations");

    private final String name;
    private final Executor loop;
    private final Scheduler scheduler;
    private final MessageTrace trace;
    private final Supplier<Duration> messageTimeout;
    private final SchemaValidator validator = SchemaValidator.instance();
    private final Map<Action, CallHandler> handlers = new EnumMap<>(Action.class);
    private final Queue<PendingCall> queue = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();
    /** Message ids of incoming CALLs whose handler has not answered yet. */
    private final Set<String> callsInProgress = new HashSet<>();
    private volatile CallGate gate = call -> { };
    private volatile Consumer<String> closeListener = reason -> { };
    private volatile Connection connection;
    private PendingCall outstanding;

    /**
     * @param name           the station identity this endpoint speaks for or with, used in the trace
     * @param loop           the serial executor that owns this endpoint's state
     * @param messageTimeout read before each CALL, so a changed MessageTimeout takes effect
     */
    public RpcEndpoint(String name, Executor loop, Scheduler scheduler, MessageTrace trace,
                       Supplier<Duration> messageTimeout) {
        this.name = name;
        this.loop = loop;
        this.scheduler = scheduler;
        this.trace = trace;
        this.messageTimeout = messageTimeout;
    }

    /** Decides first, before action, handler and schema checks, whether an incoming CALL may be handled at all. */
    @FunctionalInterface
    public interface CallGate {
        /** Throws {@link OcppException} to refuse the call. */
        void check(Call call);
    }

    String name() {
        return name;
    }

    public MessageTrace trace() {
        return trace;
    }

    /** Handles incoming CALLs of this action; actions without a handler get NotSupported. */
    public void handle(Action action, CallHandler handler) {
        loop.execute(() -> handlers.put(action, handler));
    }

    /** Handles every incoming CALL that has no handler of its own. */
    public void handleOthers(CallHandler handler) {
        loop.execute(() -> {
            for (Action action : Action.values()) {
                handlers.putIfAbsent(action, handler);
            }
        });
    }

    public void setCallGate(CallGate gate) {
        this.gate = gate;
    }

    /** Told (on the loop) when the attached connection closes. */
    public void onConnectionClosed(Consumer<String> listener) {
        this.closeListener = listener;
    }

    /** Starts using a freshly opened connection. */
    public void attach(Connection newConnection) {
        loop.execute(() -> connection = newConnection);
    }

    public boolean isConnected() {
        return connection != null;
    }

    /** Drops the connection without a closing handshake, as a network failure would. */
    public void abortConnection() {
        loop.execute(() -> {
            if (connection != null) {
                connection.abort();
            }
        });
    }

    /** Closes the connection normally. */
    public void close() {
        loop.execute(() -> {
            if (connection != null) {
                connection.close();
            }
        });
    }

    /**
     * Sends a request built from a generated message object and reads the answer into its response type.
     * The action comes from the request's class name ({@code HeartbeatRequest} → {@code Heartbeat}).
     */
    public <T> CompletableFuture<T> call(Object request, Class<T> responseType) {
        Action action = Action.ofRequest(request.getClass());
        return call(action, Json.toTree(request)).thenApply(payload -> Json.fromTree(payload, responseType));
    }

    /**
     * Sends a CALL once every earlier one is answered or timed out (Part 4, §4.1.1).
     * Fails with {@link CallFailedException}; an invalid payload is never sent.
     */
    public CompletableFuture<ObjectNode> call(Action action, ObjectNode payload) {
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        Optional<Violation> violation = validator.checkRequest(action, payload);
        if (violation.isPresent()) {
            String problem = action + " request not sent, it breaks the schema: " + violation.get().describe();
            VIOLATIONS.error("{}: {}", name, problem);
            trace.refused(problem);
            answer.completeExceptionally(new CallFailedException(Reason.INVALID_REQUEST, problem));
            return answer;
        }
        loop.execute(() -> {
            if (connection == null) {
                answer.completeExceptionally(new CallFailedException(Reason.NOT_CONNECTED,
                        action + " not sent: " + name + " is not connected"));
                return;
            }
            queue.add(new PendingCall(new Call(UUID.randomUUID().toString(), action.name(), payload), answer));
            sendNextCall();
        });
        return answer;
    }

    /** Sends text exactly as given, for fault injection. */
    public void sendRaw(String text) {
        loop.execute(() -> transmit(text));
    }

    /**
     * Completes once no CALL of this endpoint waits for an answer or for its turn; tests use it before they move
     * virtual time, so that no answer still on the wire times out.
     */
    public CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        loop.execute(() -> {
            idleWaiters.add(idle);
            notifyIfIdle();
        });
        return idle;
    }

    private void notifyIfIdle() {
        if (outstanding == null && queue.isEmpty() && !idleWaiters.isEmpty()) {
            List<CompletableFuture<Void>> waiting = List.copyOf(idleWaiters);
            idleWaiters.clear();
            waiting.forEach(waiter -> waiter.complete(null));
        }
    }

    /** How many CALLs wait behind the outstanding one. */
    int queuedCalls() {
        return queue.size();
    }

    @Override
    public void onText(String text) {
        loop.execute(() -> receive(text));
    }

    @Override
    public void onClosed(int code, String reason) {
        loop.execute(() -> {
            connection = null;
            callsInProgress.clear();
            String why = "connection closed (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")";
            if (outstanding != null) {
                outstanding.timer.cancel();
                outstanding.fail(new CallFailedException(Reason.CONNECTION_LOST,
                        outstanding.call.action() + " got no answer: " + why));
                outstanding = null;
            }
            PendingCall waiting;
            while ((waiting = queue.poll()) != null) {
                waiting.fail(new CallFailedException(Reason.CONNECTION_LOST,
                        waiting.call.action() + " not sent: " + why));
            }
            notifyIfIdle();
            closeListener.accept(why);
        });
    }

    private void sendNextCall() {
        if (outstanding != null || queue.isEmpty() || connection == null) {
            notifyIfIdle();
            return;
        }
        PendingCall next = queue.poll();
        outstanding = next;
        Duration timeout = messageTimeout.get();
        next.timer = scheduler.schedule(timeout, loop, () -> {
            if (outstanding == next) {
                outstanding = null;
                next.fail(new CallFailedException(Reason.TIMEOUT,
                        next.call.action() + " got no answer within " + timeout.toSeconds() + " s"));
                sendNextCall();
            }
        });
        transmit(FrameCodec.encode(next.call));
    }

    private void transmit(String text) {
        if (connection == null) {
            LOG.warn("{}: not connected, dropped {}", name, text);
            return;
        }
        trace.record(new TraceEntry(scheduler.clock().instant(), name, Direction.SENT, text));
        connection.send(text);
    }

    private void receive(String text) {
        trace.record(new TraceEntry(scheduler.clock().instant(), name, Direction.RECEIVED, text));
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (FrameException e) {
            if (e.wasCall()) {
                transmit(FrameCodec.encode(e.answer()));
            } else {
                failOutstanding(e.answer().messageId(), new CallFailedException(Reason.INVALID_RESPONSE,
                        "malformed answer: " + e.answer().errorDescription()));
            }
            return;
        }
        if (frame instanceof Call call) {
            dispatch(call);
        } else if (frame instanceof CallResult result) {
            complete(result);
        } else if (frame instanceof CallError error) {
            failOutstanding(error.messageId(), new CallFailedException(Reason.CALL_ERROR,
                    "answered with CALLERROR " + error.errorCode() + " \"" + error.errorDescription() + "\"", error));
        }
    }

    private void complete(CallResult result) {
        if (!isOutstanding(result.messageId())) {
            LOG.warn("{}: CALLRESULT for unknown message id {}", name, result.messageId());
            return;
        }
        PendingCall call = outstanding;
        Action action = Action.valueOf(call.call.action());
        Optional<Violation> violation = validator.checkResponse(action, result.payload());
        if (violation.isPresent()) {
            failOutstanding(result.messageId(), new CallFailedException(Reason.INVALID_RESPONSE,
                    action + " response breaks the schema: " + violation.get().describe()));
            return;
        }
        outstanding = null;
        call.timer.cancel();
        call.answer.complete(result.payload());
        sendNextCall();
    }

    private void failOutstanding(String messageId, CallFailedException failure) {
        if (!isOutstanding(messageId)) {
            LOG.warn("{}: {} for unknown message id {}", name, failure.getMessage(), messageId);
            return;
        }
        PendingCall call = outstanding;
        outstanding = null;
        call.timer.cancel();
        call.fail(failure);
        sendNextCall();
    }

    private boolean isOutstanding(String messageId) {
        return outstanding != null && outstanding.call.messageId().equals(messageId);
    }

    private void dispatch(Call call) {
        if (callsInProgress.contains(call.messageId())) {
            answerError(call, ErrorCode.RpcFrameworkError, "A CALL with message id " + call.messageId()
                    + " is being handled already; every CALL needs its own message id");
            return;
        }
        try {
            gate.check(call);
        } catch (RuntimeException refused) {
            answer(call, null, null, refused);
            return;
        }
        Optional<Action> action = Action.named(call.action());
        if (action.isEmpty()) {
            answerError(call, ErrorCode.NotImplemented, "Unknown action " + call.action());
            return;
        }
        CallHandler handler = handlers.get(action.get());
        if (handler == null) {
            answerError(call, ErrorCode.NotSupported, call.action() + " is not supported");
            return;
        }
        Optional<Violation> violation = validator.checkRequest(action.get(), call.payload());
        if (violation.isPresent()) {
            answerError(call, violation.get().code(), violation.get().describe());
            return;
        }
        CompletionStage<Reply> reply;
        callsInProgress.add(call.messageId());
        try {
            reply = handler.handle(call);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((answer, failure) -> loop.execute(() -> {
            callsInProgress.remove(call.messageId());
            answer(call, action.get(), answer, failure);
        }));
    }

    private void answer(Call call, Action action, Reply reply, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof OcppException ocpp) {
                answerError(call, ocpp.errorCode(), ocpp.getMessage());
            } else {
                LOG.error("{}: handler for {} failed", name, call.action(), cause);
                answerError(call, ErrorCode.InternalError, "Could not process " + call.action());
            }
            return;
        }
        if (reply instanceof Reply.Result result) {
            Optional<Violation> violation = validator.checkResponse(action, result.payload());
            if (violation.isPresent()) {
                String problem = action + " response not sent, it breaks the schema: " + violation.get().describe();
                VIOLATIONS.error("{}: {}; answering InternalError", name, problem);
                trace.refused(problem);
                answerError(call, ErrorCode.InternalError, "Could not build a valid " + action + " response");
                return;
            }
            transmit(FrameCodec.encode(new CallResult(call.messageId(), result.payload())));
        } else if (reply instanceof Reply.Error error) {
            answerError(call, error.code(), error.description());
        } else if (reply instanceof Reply.Raw raw) {
            transmit(raw.text());
        }
    }

    private void answerError(Call call, ErrorCode code, String description) {
        transmit(FrameCodec.encode(CallError.of(call.messageId(), code, description)));
    }

    private static final class PendingCall {
        private final Call call;
        private final CompletableFuture<ObjectNode> answer;
        private Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;

        private PendingCall(Call call, CompletableFuture<ObjectNode> answer) {
            this.call = call;
            this.answer = answer;
        }

        private void fail(CallFailedException failure) {
            answer.completeExceptionally(failure);
        }
    }

    @Override
    public String toString() {
        return "RpcEndpoint[" + name + "]";
    }

}
