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
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A scriptable CSMS test double, in process, on 127.0.0.1 and an ephemeral port by default. It accepts stations,
 * answers every station request with a schema-valid default (BootNotification Accepted, Authorize Accepted, ...),
 * records every request (bounded per station, indexed by station and action), answers as {@link Stub stubs} say,
 * verifies what came ({@link #verify}) and sends CSMS-initiated calls:
 * <pre>{@code
 * try (EmbeddedCsms csms = EmbeddedCsms.start()) {
 *     csms.stubFor(action(Action.BootNotification).willReturnFields(Map.of("status", "Pending")));
 *     ... connect a station to csms.url() ...
 *     csms.send("CS-001", Action.GetVariables, payload).join();
 *     csms.verify("CS-001", 1, Action.BootNotification, RequestMatcher.field("reason", "PowerUp"));
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
    private final List<String> duplicateConnections = new CopyOnWriteArrayList<>();
    private final Stubs stubs = new Stubs();
    private final RequestLog requests = new RequestLog();
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

    /** How many requests it keeps per station (10,000 by default); beyond that the oldest are dropped. */
    public EmbeddedCsms recordingLimit(int requestsPerStation) {
        requests.limitPerStation(requestsPerStation);
        return this;
    }

    /** Adds a stub; the newest matching stub wins. Returns it, to {@link #removeStub remove} it later. */
    public Stub stubFor(Stub stub) {
        stubs.add(stub);
        return stub;
    }

    /** Removes a stub added with {@link #stubFor}; whether it was still there. */
    public boolean removeStub(UUID stubId) {
        return stubs.remove(stubId);
    }

    /** The stubs in force, newest first within each action (used-up once stubs are gone). */
    public List<Stub> stubs() {
        return stubs.all();
    }

    /** Forgets stubs, recorded requests and registrations; connections stay open. */
    public void reset() {
        stubs.clear();
        requests.clear();
        registrations.clear();
        trace.clear();
    }

    /** Every request received (the latest ones up to the {@link #recordingLimit limit}), oldest first. */
    public List<RecordedRequest> requests() {
        return requests.all();
    }

    /** The requests from one station, oldest first. */
    public List<RecordedRequest> requests(String stationId) {
        return requests.of(stationId);
    }

    /** The requests of one action from one station, oldest first. */
    public List<RecordedRequest> requests(String stationId, Action action) {
        return requests.of(stationId, action);
    }

    /** The requests of one action from one station that match, oldest first. */
    public List<RecordedRequest> requests(String stationId, Action action, RequestMatcher matcher) {
        return requests.of(stationId, action).stream().filter(matcher::matches).toList();
    }

    /**
     * The first request, received now or later, from this station and of this action that matches; it looks at
     * requests already recorded first.
     */
    public CompletableFuture<RecordedRequest> request(String stationId, Action action,
                                                      Predicate<RecordedRequest> matching) {
        return requests.first(stationId, action, matching);
    }

    /** The same, with a matcher. */
    public CompletableFuture<RecordedRequest> request(String stationId, Action action, RequestMatcher matcher) {
        return requests.first(stationId, action, matcher::matches);
    }

    /**
     * Checks that exactly this many requests of this action from this station match; otherwise fails with an
     * AssertionError that names what was expected and the nearest misses, each with why it missed:
     * <pre>
     * Expected exactly 1 Authorize from CS-001 where /idToken/idToken = "BAD", but 0 came.
     * Nearest misses:
     *   Authorize from CS-001 at 2026-01-01T00:00:05Z (message 7) {...}: /idToken/idToken is "GOOD"
     * </pre>
     */
    public void verify(String stationId, int times, Action action, RequestMatcher matcher) {
        List<RecordedRequest> matched = requests(stationId, action, matcher);
        if (matched.size() != times) {
            List<RecordedRequest> candidates = new ArrayList<>(requests.of(stationId));
            Collections.reverse(candidates);
            List<RecordedRequest> others = new ArrayList<>(requests.all().stream()
                    .filter(r -> r.action() == action && !r.stationId().equals(stationId)).toList());
            Collections.reverse(others);
            candidates.addAll(others);
            throw new AssertionError(NearMisses.report(stationId, times, action, matcher, matched, candidates));
        }
    }

    /** Checks that exactly this many requests of this action came from this station. */
    public void verify(String stationId, int times, Action action) {
        verify(stationId, times, action, RequestMatcher.any());
    }

    /** Whether this station has an open connection. */
    public boolean isConnected(String stationId) {
        return sessions.containsKey(stationId);
    }

    /** The ids of the stations connected now, sorted. */
    public SortedSet<String> stations() {
        return new TreeSet<>(sessions.keySet());
    }

    /**
     * The ids of stations that opened a connection while a connection with the same id was still open, in order;
     * the CSMS closes the older one. Two stations sharing an id, or a station that reconnects before its old
     * connection is closed, show here.
     */
    public List<String> duplicateConnections() {
        return List.copyOf(duplicateConnections);
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
        CompletableFuture<Reply> reply = reply(recorded);
        requests.add(recorded);
        return reply;
    }

    /** The answer, already scheduled when delayed, so that whoever sees the request may move time at once. */
    private CompletableFuture<Reply> reply(RecordedRequest request) {
        Action action = request.action();
        if (!action.sentByStation()) {
            return CompletableFuture.completedFuture(
                    Reply.error(ErrorCode.NotSupported, action + " is not sent by a charging station"));
        }
        Registration registration = registration(request.stationId());
        if (action != Action.BootNotification && !registration.permits(action)) {
            return CompletableFuture.completedFuture(Reply.error(ErrorCode.SecurityError, request.stationId()
                    + " is not accepted by the CSMS (registration " + registration.status + ")"));
        }
        Optional<Stub> stub = stubs.claim(request);
        Reply reply = reply(stub, request);
        if (action == Action.BootNotification && reply instanceof Reply.Result result) {
            registration.status = result.payload().path("status").asText("Accepted");
        }
        Duration delay = stub.map(Stub::delay).orElse(Duration.ZERO);
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(reply);
        }
        CompletableFuture<Reply> later = new CompletableFuture<>();
        scheduler.schedule(delay, Runnable::run, () -> later.complete(reply));
        return later;
    }

    private Reply reply(Optional<Stub> found, RecordedRequest request) {
        ObjectNode payload = DefaultAnswers.answer(request.action(), request.payload(), scheduler.clock());
        if (found.isEmpty()) {
            return Reply.result(payload);
        }
        Stub stub = found.get();
        return switch (stub.kind()) {
            case RESULT -> Reply.result(stub.result(payload));
            case ERROR -> Reply.error(stub.errorCode(), stub.text());
            case RAW -> new Reply.Raw(stub.text().replace("{{messageId}}", request.messageId()));
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
                duplicateConnections.add(stationId);
                previous.endpoint.close();
            }
            return new ConnectionListener() {
                @Override
                public void onText(String text) {
                    endpoint.onText(text);
                }

                /** Forgets the session at once, on the server's thread, before a new connection of the id can come. */
                @Override
                public void onClosed(int code, String reason) {
                    sessions.remove(stationId, session);
                    endpoint.onClosed(code, reason);
                }
            };
        }
    }
}
