package io.ocppbdd.csms;

import io.ocppbdd.protocol.Action;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The registered stubs, by action, newest first. A {@link Stub#once() once} stub is claimed with a
 * compare-and-set, so of two requests racing for it exactly one gets it.
 */
final class Stubs {

    private record Registered(Stub stub, AtomicBoolean used) {
    }

    private final Map<Action, List<Registered>> byAction = new ConcurrentHashMap<>();

    void add(Stub stub) {
        byAction.computeIfAbsent(stub.action(), action -> new CopyOnWriteArrayList<>())
                .add(0, new Registered(stub, new AtomicBoolean()));
    }

    /** Removes every registration of the stub with this id; whether there was one. */
    boolean remove(UUID id) {
        boolean removed = false;
        for (List<Registered> stubs : byAction.values()) {
            removed |= stubs.removeIf(registered -> registered.stub().id().equals(id));
        }
        return removed;
    }

    void clear() {
        byAction.clear();
    }

    /** The newest stub that matches the request and is still available; a once stub is used up by this call. */
    Optional<Stub> claim(RecordedRequest request) {
        List<Registered> stubs = byAction.getOrDefault(request.action(), List.of());
        for (Registered registered : stubs) {
            if (!registered.stub().matcher().matches(request)) {
                continue;
            }
            if (!registered.stub().isOnce()) {
                return Optional.of(registered.stub());
            }
            if (registered.used().compareAndSet(false, true)) {
                stubs.remove(registered);
                return Optional.of(registered.stub());
            }
        }
        return Optional.empty();
    }

    /** Every stub still available, newest first within each action. */
    List<Stub> all() {
        return byAction.values().stream().flatMap(List::stream).filter(registered -> !registered.used().get())
                .map(Registered::stub).toList();
    }
}
