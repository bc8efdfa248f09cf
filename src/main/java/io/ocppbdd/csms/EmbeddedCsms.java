package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.concurrent.SerialExecutor;
import io.ocppbdd.concurrent.SystemScheduler;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.Reply;
import io.ocppbdd.rpc.RpcEndpoint;
import io.ocppbdd.transport.OcppServer;
import io.ocppbdd.transport.ServerHandler;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A scriptable CSMS test double, in process, on 127.0.0.1 and an ephemeral port by default. It accepts stations,
 * answers every station request with a schema-valid default (BootNotification Accepted, Authorize Accepted, ...),
 * records everything, answers as {@link Stub stubs} say, and sends CSMS-initiated calls:
 * <pre>{@code
 * try (EmbeddedCsms csms = EmbeddedCsms.start()) {
 *     csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("status", "Pending")));
 *     ... connect a station to csms.url() ...
 *     csms.send("CS-001", Action.GetVariables, payload).join();
 * }
 * }</pre>
 * Like a real CSMS it refuses, with SecurityError, requests from a station it has not accepted
 * (B01.FR.10, B02.FR.09, B03.FR.07), except those it asked for while the station is Pending.
 */
public final class EmbeddedCsms implements AutoCloseable {

    private final OcppServer server;
    private final Scheduler scheduler;
    private final MessageTrace trace = new MessageTrace();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final List<Stub> stubs = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private volatile Duration messageTimeout = Duration.ofSeconds(30);

    private EmbeddedCsms(String host, int port, SSLContext sslContext, Scheduler scheduler) {
        this.scheduler = scheduler;
        this.server = new OcppServer(host, port, sslContext, new Handler()).start();
    }

    /** Starts on 127.0.0.1 and an ephemeral port, plain ws://. */
    public static EmbeddedCsms start() {
        return start(0);
    }

    /** Starts on 127.0.0.1 and this port (0 for an ephemeral one), plain ws://. */
    public static EmbeddedCsms start(int port) {
        return new EmbeddedCsms("127.0.0.1", port, null, SystemScheduler.instance());
    }

    /** Starts with full control: host, port, TLS (null for ws://) and time source. */
    public static EmbeddedCsms start(String host, int port, SSLContext sslContext, Scheduler scheduler) {
        return new EmbeddedCsms(host, port, sslContext, scheduler);
    }

    /** The OCPP-J endpoint URL; stations append their identity. */
    public URI url() {
        return server.url();
    }

    /** Every frame the CSMS sent and received, all stations together. */
    public MessageTrace trace() {
        return trace;
    }

    /** Admits this station only with Basic auth and this password (others stay open unless also listed). */
    public EmbeddedCsms requirePassword(String stationId, String password) {
        passwords.put(stationId, password);
        return this;
    }

    /** Knows this station as accepted before it connects, as a CSMS restarted from its database does. */
    public EmbeddedCsms remembersAccepted(String stationId) {
        registration(stationId).status = "Accepted";
        return this;
    }

    /** How long CSMS-initiated calls wait for the station's answer. */
    public EmbeddedCsms messageTimeout(Duration timeout) {
        this.messageTimeout = timeout;
        return this;
    }

    /** Adds a stub; the newest matching stub wins. */
    public EmbeddedCsms stubFor(Stub stub) {
        stubs.add(0, stub);
        return this;
    }

    /** Forgets stubs, recorded requests and registrations; connections stay open. */
    public void reset() {
        stubs.clear();
        requests.clear();
        registrations.clear();
        trace.clear();
    }

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests of one action from one station, oldest first. */
    public List<RecordedRequest> requests(String stationId, Action action) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.stationId().equals(stationId) && r.action() == action).toList();
        }
    }

    /**
     * The first request, received now or later, from this station and of this action that matches; it looks at
     * requests already recorded first.
     */
    public CompletableFuture<RecordedRequest> request(String stationId, Action action,
                                                      Predicate<RecordedRequest> matching) {
        Predicate<RecordedRequest> test = r -> r.stationId().equals(stationId) && r.action() == action
                && matching.test(r);
        Waiter waiter = new Waiter(test, new CompletableFuture<>());
        waiters.add(waiter);
        synchronized (requests) {
            requests.stream().filter(test).findFirst().ifPresent(found -> waiter.future.complete(found));
        }
        waiter.future.whenComplete((r, e) -> waiters.remove(waiter));
        return waiter.future;
    }

    /** Whether this station has an open connection. */
    public boolean isConnected(String stationId) {
        return sessions.containsKey(stationId);
    }

    /** Sends a CALL to a connected station; completes with its answer, or fails with a CallFailedException. */
    public CompletableFuture<ObjectNode> send(String stationId, Action action, ObjectNode payload) {
        if (!action.sentByCsms()) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException(action + " is sent by a station, not by a CSMS"));
        }
        Session session = sessions.get(stationId);
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(stationId + " is not connected"));
        }
        if (action == Action.TriggerMessage) {
            registration(stationId).allowTriggered(payload.path("requestedMessage").asText());
        }
        return session.endpoint.call(action, payload);
    }

    /** Sends a CALL built from a generated request object and reads the answer. */
    public <T> CompletableFuture<T> send(String stationId, Object request, Class<T> responseType) {
        return send(stationId, Action.ofRequest(request.getClass()), Json.toTree(request))
                .thenApply(answer -> Json.fromTree(answer, responseType));
    }

    /** Sends text as is to a connected station, for fault injection. */
    public void sendRaw(String stationId, String text) {
        Session session = sessions.get(stationId);
        if (session == null) {
            throw new IllegalStateException(stationId + " is not connected");
        }
        session.endpoint.sendRaw(text);
    }

    /** Closes a station's connection from the CSMS side. */
    public void disconnect(String stationId) {
        Session session = sessions.get(stationId);
        if (session != null) {
            session.endpoint.close();
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private Registration registration(String stationId) {
        return registrations.computeIfAbsent(stationId, id -> new Registration());
    }

    private CompletableFuture<Reply> answer(String stationId, Call call) {
        Action action = Action.valueOf(call.action());
        RecordedRequest recorded = new RecordedRequest(scheduler.clock().instant(), stationId, action,
                call.messageId(), call.payload());
        CompletableFuture<Reply> reply = reply(stationId, action, call);
        requests.add(recorded);
        waiters.forEach(waiter -> {
            if (waiter.test.test(recorded)) {
                waiter.future.complete(recorded);
            }
        });
        return reply;
    }

    /** The answer, already scheduled when delayed, so that whoever sees the request may move time at once. */
    private CompletableFuture<Reply> reply(String stationId, Action action, Call call) {
        if (!action.sentByStation()) {
            return CompletableFuture.completedFuture(
                    Reply.error(ErrorCode.NotSupported, action + " is not sent by a charging station"));
        }
        Registration registration = registration(stationId);
        if (action != Action.BootNotification && !registration.permits(action)) {
            return CompletableFuture.completedFuture(Reply.error(ErrorCode.SecurityError,
                    stationId + " is not accepted by the CSMS (registration " + registration.status + ")"));
        }
        Stub stub = findStub(stationId, action, call.payload());
        Reply reply = reply(stub, action, call);
        if (action == Action.BootNotification && reply instanceof Reply.Result result) {
            registration.status = result.payload().path("status").asText("Accepted");
        }
        Duration delay = stub == null ? Duration.ZERO : stub.delay;
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(reply);
        }
        CompletableFuture<Reply> later = new CompletableFuture<>();
        scheduler.schedule(delay, Runnable::run, () -> later.complete(reply));
        return later;
    }

    private Stub findStub(String stationId, Action action, ObjectNode payload) {
        for (Stub stub : stubs) {
            if (stub.action == action && stub.matches(stationId, payload)) {
                if (stub.once) {
                    stubs.remove(stub);
                }
                return stub;
            }
        }
        return null;
    }

    private Reply reply(Stub stub, Action action, Call call) {
        ObjectNode payload = DefaultAnswers.answer(action, call.payload(), scheduler.clock());
        if (stub == null) {
            return Reply.result(payload);
        }
        return switch (stub.kind) {
            case RESULT -> {
                if (stub.fullPayload != null) {
                    yield Reply.result(stub.fullPayload.deepCopy());
                }
                stub.edit.accept(payload);
                yield Reply.result(payload);
            }
            case ERROR -> Reply.error(stub.errorCode, stub.text);
            case RAW -> new Reply.Raw(stub.text.replace("{{messageId}}", call.messageId()));
            case SILENCE -> new Reply.Silence();
        };
    }

    /** What the CSMS knows of one station across its connections. */
    private static final class Registration {
        private volatile String status = "none";
        private final List<String> triggered = new CopyOnWriteArrayList<>();

        boolean permits(Action action) {
            if ("Accepted".equals(status)) {
                return true;
            }
            if ("Pending".equals(status)) {
                return action == Action.NotifyReport || action == Action.NotifyMonitoringReport
                        || triggered.remove(action.name());
            }
            return false;
        }

        void allowTriggered(String requestedMessage) {
            triggered.add(requestedMessage.startsWith("Sign") ? "SignCertificate" : requestedMessage);
        }
    }

    private record Waiter(Predicate<RecordedRequest> test, CompletableFuture<RecordedRequest> future) {
    }

    private record Session(RpcEndpoint endpoint) {
    }

    private final class Handler implements ServerHandler {
        @Override
        public boolean admits(String stationId, String password) {
            String required = passwords.get(stationId);
            return required == null || required.equals(password);
        }

        @Override
        public ConnectionListener connected(String stationId, Connection connection) {
            RpcEndpoint endpoint = new RpcEndpoint(stationId, new SerialExecutor(), scheduler, trace,
                    () -> messageTimeout);
            endpoint.handleOthers(call -> answer(stationId, call));
            endpoint.attach(connection);
            Session session = new Session(endpoint);
            Session previous = sessions.put(stationId, session);
            if (previous != null) {
                previous.endpoint.close();
            }
            endpoint.onConnectionClosed(reason -> sessions.remove(stationId, session));
            return endpoint;
        }
    }
}
