package io.ocppbdd.concurrent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time: nothing runs until {@link #advance} moves the clock. Each due task runs on its executor and
 * {@code advance} waits for it to finish, so after {@code advance} returns every effect is visible.
 */
public final class ManualScheduler implements Scheduler {

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Instant now;

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public Clock clock() {
        return new VirtualClock(ZoneOffset.UTC);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Executor executor, Runnable task) {
        Entry entry = new Entry(now.plus(delay), sequence.incrementAndGet(), executor, task);
        queue.add(entry);
        return () -> {
            synchronized (this) {
                queue.remove(entry);
            }
        };
    }

    /** Moves time forward, running every task that falls due on the way, in time order. */
    public void advance(Duration duration) {
        advance(duration, () -> { });
    }

    /**
     * Moves time forward as {@link #advance(Duration)} does, running {@code afterEachTask} (on the calling thread)
     * once each due task has finished and before the next one runs.
     */
    public void advance(Duration duration, Runnable afterEachTask) {
        Instant target = now.plus(duration);
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(target)) {
                    break;
                }
                queue.poll();
                now = next.due;
            }
            CompletableFuture.runAsync(next.task, next.executor).join();
            afterEachTask.run();
        }
        now = target;
    }

    /** How many tasks wait for their time. */
    public synchronized int pending() {
        return queue.size();
    }

    /**
     * When the waiting tasks fall due, earliest first: for a test to see that something was scheduled (a retry, a
     * task at a given time) where no other sign of it shows.
     */
    public synchronized List<Instant> dueTimes() {
        return queue.stream().sorted().map(Entry::due).toList();
    }

    /** Reads the virtual time, in any zone. */
    private final class VirtualClock extends Clock {
        private final ZoneId zone;

        private VirtualClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new VirtualClock(newZone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Entry(Instant due, long order, Executor executor, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
