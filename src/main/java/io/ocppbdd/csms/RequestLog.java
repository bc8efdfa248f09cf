package io.ocppbdd.csms;

import io.ocppbdd.protocol.Action;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The requests the CSMS received, kept per station and indexed by action, at most a limit per station (the oldest
 * go first). Each station has its own lock, so stations never wait for each other and no query scans the
 * requests of other stations or actions.
 */
final class RequestLog {

    /** Requests kept per station unless told otherwise. */
    static final int DEFAULT_LIMIT_PER_STATION = 10_000;

    private record Entry(long sequence, RecordedRequest request) {
    }

    private record Waiter(Action action, Predicate<RecordedRequest> test, CompletableFuture<RecordedRequest> future) {
    }

    /** One station's requests and the callers waiting for its next ones. */
    private static final class StationLog {
        private final Deque<Entry> all = new ArrayDeque<>();
        private final Map<Action, Deque<Entry>> byAction = new EnumMap<>(Action.class);
        private final List<Waiter> waiters = new ArrayList<>();
    }

    private final Map<String, StationLog> stations = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile int limitPerStation = DEFAULT_LIMIT_PER_STATION;

    void limitPerStation(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the recording limit must be at least 1, not " + limit);
        }
        this.limitPerStation = limit;
    }

    /** Records a request, then hands it to the callers waiting for it (their tests run outside the lock). */
    void add(RecordedRequest request) {
        StationLog log = log(request.stationId());
        List<Waiter> waiting;
        synchronized (log) {
            Entry entry = new Entry(sequence.incrementAndGet(), request);
            log.all.addLast(entry);
            log.byAction.computeIfAbsent(request.action(), action -> new ArrayDeque<>()).addLast(entry);
            while (log.all.size() > limitPerStation) {
                Entry oldest = log.all.removeFirst();
                log.byAction.get(oldest.request().action()).removeFirst();
            }
            waiting = log.waiters.stream().filter(waiter -> waiter.action() == request.action()).toList();
        }
        waiting.stream().filter(waiter -> waiter.test().test(request))
                .forEach(waiter -> waiter.future().complete(request));
    }

    /** One station's requests of one action, oldest first. */
    List<RecordedRequest> of(String stationId, Action action) {
        StationLog log = stations.get(stationId);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return log.byAction.getOrDefault(action, new ArrayDeque<>()).stream().map(Entry::request).toList();
        }
    }

    /** One station's requests, oldest first. */
    List<RecordedRequest> of(String stationId) {
        StationLog log = stations.get(stationId);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return log.all.stream().map(Entry::request).toList();
        }
    }

    /** Every station's requests, oldest first. */
    List<RecordedRequest> all() {
        List<Entry> entries = new ArrayList<>();
        for (StationLog log : stations.values()) {
            synchronized (log) {
                entries.addAll(log.all);
            }
        }
        entries.sort(Comparator.comparingLong(Entry::sequence));
        return entries.stream().map(Entry::request).toList();
    }

    /** The first request of the station and action that passes the test, recorded already or still to come. */
    CompletableFuture<RecordedRequest> first(String stationId, Action action, Predicate<RecordedRequest> test) {
        StationLog log = log(stationId);
        synchronized (log) {
            for (Entry entry : log.byAction.getOrDefault(action, new ArrayDeque<>())) {
                if (test.test(entry.request())) {
                    return CompletableFuture.completedFuture(entry.request());
                }
            }
            Waiter waiter = new Waiter(action, test, new CompletableFuture<>());
            log.waiters.add(waiter);
            waiter.future().whenComplete((request, failure) -> {
                synchronized (log) {
                    log.waiters.remove(waiter);
                }
            });
            return waiter.future();
        }
    }

    /** Forgets every request; callers still waiting go on waiting for new ones. */
    void clear() {
        for (StationLog log : stations.values()) {
            synchronized (log) {
                log.all.clear();
                log.byAction.clear();
            }
        }
    }

    private StationLog log(String stationId) {
        return stations.computeIfAbsent(stationId, id -> new StationLog());
    }
}
