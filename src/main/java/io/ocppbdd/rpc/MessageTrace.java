package io.ocppbdd.rpc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames an endpoint sent and received, newest last, bounded so that a long-running station does not
 * grow without end. Listeners see each entry as it is recorded (logs, reports, assertions).
 */
public final class MessageTrace {

    private static final Logger LOG = LoggerFactory.getLogger(MessageTrace.class);

    /** How many entries a trace keeps unless told otherwise. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final Deque<TraceEntry> entries = new ArrayDeque<>();
    private final List<Consumer<TraceEntry>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final int capacity;

    public MessageTrace() {
        this(DEFAULT_CAPACITY);
    }

    public MessageTrace(int capacity) {
        this.capacity = capacity;
    }

    /** Records one frame and tells every listener. */
    public void record(TraceEntry entry) {
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        for (Consumer<TraceEntry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                LOG.warn("message trace listener failed on {}", entry, e);
            }
        }
    }

    /** Every entry still kept, oldest first. */
    public List<TraceEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The newest {@code count} entries, oldest first. */
    public List<TraceEntry> last(int count) {
        List<TraceEntry> all = entries();
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /** Notes an own frame the endpoint refused to send because it broke its schema (a bug of its sender). */
    void refused(String problem) {
        refusals.add(problem);
    }

    /** The own frames refused for breaking their schema, oldest first: none, unless something is wrong. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Forgets every entry (listeners stay). */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    public void addListener(Consumer<TraceEntry> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<TraceEntry> listener) {
        listeners.remove(listener);
    }
}
