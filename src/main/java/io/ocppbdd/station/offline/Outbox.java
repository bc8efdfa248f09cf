package io.ocppbdd.station.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.rpc.CallFailedException;
import io.ocppbdd.rpc.CallFailedException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The station's outgoing CALLs, in the order they were made, sent one at a time once the station is online
 * (Part 4 §4.1.1), so a station coming back does not flood the CSMS.
 *
 * <p>TransactionEvents, and every message while {@code OCPPCommCtrlr.QueueAllMessages} is true, are kept in the
 * {@link Journal} before they can be sent and until the CSMS answers them (E04.FR.01-02, E12.FR.01-02). One whose
 * connection is lost before its answer is sent again, identical (with a new message id), once the station is back.
 * A TransactionEvent answered with a CALLERROR, or not in time, is sent again after MessageAttemptInterval times
 * the number of its failed transmissions, until it has failed MessageAttempts times; then it is discarded
 * (E13.FR.02-04). Kept messages keep their order: while one waits for its retry, the next kept ones wait too.
 *
 * <p>Other messages wait in memory until the CSMS has accepted the station (B02.FR.02) and may pass a kept message
 * that waits for its retry; when an accepted station goes offline they are dropped (their futures fail as not
 * connected), as the spec queues only transaction-related messages.
 *
 * <p>Used on the station's loop only.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Set<Reason> NOT_PROCESSED = EnumSet.of(Reason.CALL_ERROR, Reason.TIMEOUT, Reason.INVALID_RESPONSE);
    private static final Set<Reason> OFFLINE = EnumSet.of(Reason.CONNECTION_LOST, Reason.NOT_CONNECTED);

    /** How a message is kept. */
    public enum Kind {
        /** A TransactionEvent: journaled, sent again after a lost connection, retried per E13. */
        TRANSACTION,
        /** Another message while QueueAllMessages is true: journaled, sent again after a lost connection. */
        QUEUED,
        /** Any other message: in memory until accepted, dropped when the accepted station goes offline. */
        VOLATILE;

        boolean kept() {
            return this != VOLATILE;
        }
    }

    /** What the outbox needs of its station. */
    public interface Link {
        /** Whether a CALL may go out now: connected and accepted. */
        boolean online();

        /** Sends a CALL; the future completes on the station's loop. */
        CompletableFuture<ObjectNode> call(Action action, ObjectNode payload);

        /** OCPPCommCtrlr.MessageAttempts for TransactionEvent. */
        int transactionEventAttempts();

        /** OCPPCommCtrlr.MessageAttemptInterval for TransactionEvent. */
        Duration transactionEventInterval();
    }

    private final Journal journal;
    private final Link link;
    private final Scheduler scheduler;
    private final Executor loop;
    private final List<Message> messages = new ArrayList<>();
    private final List<Answered> listeners = new ArrayList<>();
    private Message inFlight;

    private record Answered(Action action, BiConsumer<ObjectNode, ObjectNode> listener) {
    }

    /** Takes over what the journal kept from the last run; it goes out first once the station is online. */
    public Outbox(Journal journal, Link link, Scheduler scheduler, Executor loop) {
        this.journal = journal;
        this.link = link;
        this.scheduler = scheduler;
        this.loop = loop;
        for (JournalEntry entry : journal.restored()) {
            Message message = new Message(entry.action() == Action.TransactionEvent ? Kind.TRANSACTION : Kind.QUEUED,
                    entry);
            message.transmitted = true; // it may have reached the CSMS before the kill: never change it
            messages.add(message);
        }
    }

    /**
     * Queues a message (and journals it when it is kept); it goes out with {@link #pump()}.
     *
     * @return the CSMS's answer, or the failure that ended the message
     */
    public CompletableFuture<ObjectNode> add(Action action, ObjectNode payload, Kind kind) {
        Message message = new Message(kind, new JournalEntry(kind.kept() ? journal.nextId() : 0, action, payload));
        if (kind.kept()) {
            journal.added(message.entry);
        }
        messages.add(message);
        return message.answer;
    }

    /** Tells this listener of every answered message of this action, also of those kept from an earlier run. */
    public void onAnswered(Action action, BiConsumer<ObjectNode, ObjectNode> listener) {
        listeners.add(new Answered(action, listener));
    }

    /** Sends the next message if the station is online and no message of the outbox waits for its answer. */
    public void pump() {
        if (inFlight != null || !link.online()) {
            return;
        }
        Message next = next();
        if (next == null) {
            return;
        }
        inFlight = next;
        next.transmitted = true;
        link.call(next.entry.action(), next.entry.payload())
                .whenComplete((answer, failure) -> loop.execute(() -> finished(next, answer, failure)));
    }

    /**
     * The connection is gone. Kept TransactionEvents not yet sent now report offline (E11.FR.07); when the station
     * is offline after being accepted, waiting volatile messages are dropped.
     */
    public void disconnected(boolean acceptedStationOffline) {
        for (Message message : List.copyOf(messages)) {
            if (message == inFlight) {
                continue;
            }
            if (message.kind == Kind.TRANSACTION && !message.transmitted
                    && !message.entry.payload().path("offline").asBoolean()) {
                ObjectNode offline = message.entry.payload().deepCopy().put("offline", true);
                message.entry = new JournalEntry(message.entry.id(), message.entry.action(), offline);
                journal.replaced(message.entry);
            } else if (message.kind == Kind.VOLATILE && acceptedStationOffline) {
                messages.remove(message);
                link.call(message.entry.action(), message.entry.payload()).whenComplete(message::settle);
            }
        }
    }

    /** Whether a message of the outbox is on its way or could go out now. */
    public boolean busy() {
        return inFlight != null || link.online() && next() != null;
    }

    /** How many messages wait to be delivered, the one on its way included. */
    public int size() {
        return messages.size();
    }

    /** Whether TransactionEvents of this transaction (of any, when null) wait to be delivered (E14.FR.04-08). */
    public boolean holdsTransactionEvents(String transactionId) {
        return messages.stream().anyMatch(message -> message.kind == Kind.TRANSACTION && (transactionId == null
                || transactionId.equals(message.entry.payload().at("/transactionInfo/transactionId").asText())));
    }

    /** The first volatile message, or the first kept one unless it waits for a retry. */
    private Message next() {
        boolean keptBlocked = false;
        for (Message message : messages) {
            if (message.kind == Kind.VOLATILE) {
                return message;
            }
            if (!keptBlocked) {
                if (!message.waiting) {
                    return message;
                }
                keptBlocked = true;
            }
        }
        return null;
    }

    private void finished(Message message, ObjectNode answer, Throwable failure) {
        inFlight = null;
        try {
            if (failure == null) {
                remove(message);
                message.answer.complete(answer);
                listeners.stream().filter(l -> l.action == message.entry.action())
                        .forEach(l -> l.listener.accept(message.entry.payload(), answer));
            } else {
                failed(message, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        } finally {
            pump(); // a listener that fails must not stop the queue
        }
    }

    private void failed(Message message, Throwable cause) {
        Reason reason = cause instanceof CallFailedException callFailed ? callFailed.reason() : null;
        if (message.kind.kept() && OFFLINE.contains(reason)) {
            return; // sent again once online
        }
        if (message.kind == Kind.TRANSACTION && NOT_PROCESSED.contains(reason)) {
            message.failures++;
            int attempts = link.transactionEventAttempts();
            if (message.failures < attempts) {
                Duration wait = link.transactionEventInterval().multipliedBy(message.failures);
                LOG.info("{} {} ({}); attempt {} of {} in {} s", message.entry.action(), describe(message),
                        cause.getMessage(), message.failures + 1, attempts, wait.toSeconds());
                message.waiting = true;
                scheduler.schedule(wait, loop, () -> {
                    message.waiting = false;
                    pump();
                });
                return;
            }
            LOG.warn("{} {} discarded after {} failed attempts (E13.FR.04): {}", message.entry.action(),
                    describe(message), message.failures, cause.getMessage());
        }
        remove(message);
        message.answer.completeExceptionally(cause);
    }

    private static String describe(Message message) {
        ObjectNode payload = message.entry.payload();
        return "seqNo " + payload.path("seqNo").asText() + " of "
                + payload.at("/transactionInfo/transactionId").asText();
    }

    private void remove(Message message) {
        messages.remove(message);
        if (message.kind.kept()) {
            journal.removed(message.entry.id());
        }
    }

    private static final class Message {
        private final Kind kind;
        private final CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        private JournalEntry entry;
        private boolean transmitted;
        private boolean waiting;
        private int failures;

        private Message(Kind kind, JournalEntry entry) {
            this.kind = kind;
            this.entry = entry;
        }

        private void settle(ObjectNode result, Throwable failure) {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(result);
            }
        }
    }
}
