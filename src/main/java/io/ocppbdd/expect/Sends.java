package io.ocppbdd.expect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.protocol.Action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An expectation on the CALLs a station sends of some actions: by default, the next one not yet checked that
 * matches every condition (the unchecked ones before it count as checked then).
 */
public final class Sends {

    private static final int NEAREST_MISSES = 3;

    private final StationDriver station;
    private final Cursors cursors;
    private final Set<Action> actions;
    private final List<Condition> conditions = new ArrayList<>();
    private boolean strictly;
    private boolean anyOrder;

    Sends(StationDriver station, Cursors cursors, Set<Action> actions) {
        this.station = station;
        this.cursors = cursors;
        this.actions = actions;
    }

    /** The field (dotted path or JSON pointer) has this value, written as a feature writes it. */
    public Sends where(String field, String value) {
        conditions.add(Condition.fieldIs(field, value));
        return this;
    }

    /** The payload satisfies this condition, described for failures ("an energy register above 0"). */
    public Sends where(String description, Predicate<ObjectNode> condition) {
        conditions.add(Condition.custom(description, condition));
        return this;
    }

    /** The very next unchecked CALL must match; one that does not fails at once instead of being skipped. */
    public Sends strictly() {
        this.strictly = true;
        return this;
    }

    /** Any unchecked matching CALL will do, and only it counts as checked (for messages of several parts at once). */
    public Sends inAnyOrder() {
        this.anyOrder = true;
        return this;
    }

    /** Waits at most this long for the CALL, checks it and returns it; fails with the nearest misses otherwise. */
    public OcppCall within(Duration patience) {
        Optional<Found> found = await(calls -> next(calls).map(call -> new Found(call, matches(call.payload())))
                .filter(candidate -> candidate.matches || strictly), patience);
        if (found.isEmpty()) {
            throw Expect.failure(station, expected(), missed(unchecked(station.calls())));
        }
        OcppCall call = found.get().call;
        if (!found.get().matches) {
            throw Expect.failure(station, expected(), "the next one was " + miss(call));
        }
        check(call);
        return call;
    }

    /**
     * Waits at most this long until the next unchecked CALLs that match the conditions carry these values of the
     * field, in this order, and checks them; fails as soon as one carries another value.
     */
    public List<OcppCall> inOrder(String field, List<String> values, Duration patience) {
        Function<List<OcppCall>, Optional<List<OcppCall>>> enough = calls -> {
            List<OcppCall> next = unchecked(calls).stream().filter(call -> matches(call.payload())).toList();
            for (int index = 0; index < Math.min(next.size(), values.size()); index++) {
                if (!values.get(index).equals(Fields.text(next.get(index).payload(), field))) {
                    return Optional.of(next.subList(0, index + 1));
                }
            }
            return next.size() >= values.size() ? Optional.of(next.subList(0, values.size())) : Optional.empty();
        };
        List<OcppCall> came = await(enough, patience).orElseGet(() -> enough.apply(station.calls()).orElseGet(() ->
                unchecked(station.calls()).stream().filter(call -> matches(call.payload())).toList()));
        List<String> seen = came.stream().map(call -> Fields.text(call.payload(), field)).toList();
        if (!seen.equals(values)) {
            throw Expect.failure(station, expected() + " with \"" + field + "\" " + values + " in this order",
                    "the next ones had " + seen);
        }
        came.forEach(this::check);
        return came;
    }

    /**
     * Waits at most this long until the latest CALL (checked or not) that matches the conditions has this field
     * value; it checks nothing.
     */
    public OcppCall latestHas(String field, String value, Duration patience) {
        Function<List<OcppCall>, Optional<OcppCall>> latest = calls -> calls.stream()
                .filter(call -> call.fromStation() && actions.contains(call.action()) && matches(call.payload()))
                .reduce((first, second) -> second);
        Optional<OcppCall> found = await(calls -> latest.apply(calls)
                .filter(call -> value.equals(Fields.text(call.payload(), field))), patience);
        return found.orElseThrow(() -> Expect.failure(station, expected() + " whose latest has \"" + field + "\" \""
                + value + "\"", latest.apply(station.calls()).map(call -> "the latest is " + call.describe())
                .orElse("none came")));
    }

    /** Once the station has its answers in, no unchecked CALL matches (it has not sent another). */
    public void hasNotSent() {
        Simulation.await(station.whenIdle(), station.id() + " to get its answers", Simulation.DEFAULT_PATIENCE);
        List<OcppCall> matching = unchecked(station.calls()).stream().filter(call -> matches(call.payload())).toList();
        if (!matching.isEmpty()) {
            throw Expect.failure(station, "no further " + describeWanted() + " (" + checkedCount() + " checked so far)",
                    "the station sent " + matching.size() + " more: " + matching.stream().map(OcppCall::describe)
                            .collect(Collectors.joining("; ")));
        }
    }

    /** While this runs (e.g. time passes), and until the station has its answers in, no unchecked CALL matches. */
    public void notWhile(Runnable meanwhile) {
        meanwhile.run();
        hasNotSent();
    }

    private record Found(OcppCall call, boolean matches) {
    }

    private <T> Optional<T> await(Function<List<OcppCall>, Optional<T>> condition, Duration patience) {
        CompletableFuture<T> future = station.whenCalls(condition);
        try {
            return Optional.of(future.get(patience.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(false);
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking " + describeWanted() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + describeWanted(), e);
        }
    }

    private Optional<OcppCall> next(List<OcppCall> calls) {
        List<OcppCall> unchecked = unchecked(calls);
        if (strictly) {
            return unchecked.stream().findFirst();
        }
        return unchecked.stream().filter(call -> matches(call.payload())).findFirst();
    }

    private List<OcppCall> unchecked(List<OcppCall> calls) {
        return calls.stream().filter(call -> call.fromStation() && actions.contains(call.action())
                && cursors.unchecked(call)).toList();
    }

    private boolean matches(ObjectNode payload) {
        return conditions.stream().allMatch(condition -> condition.test().test(payload));
    }

    private void check(OcppCall call) {
        if (anyOrder) {
            cursors.check(call);
        } else {
            cursors.checkUpTo(call);
        }
    }

    private long checkedCount() {
        List<OcppCall> calls = station.calls();
        return actions.stream().mapToLong(action -> cursors.checkedCount(calls, action)).sum();
    }

    private String expected() {
        return "the station sends " + describeWanted() + " (the next unchecked one; " + checkedCount()
                + " checked so far)";
    }

    private String describeWanted() {
        String names = actions.stream().map(Action::name).sorted().collect(Collectors.joining(" or "));
        return conditions.isEmpty() ? names : names + " where " + conditions.stream().map(Condition::wanted)
                .collect(Collectors.joining(" and "));
    }

    /** "none came", or the unchecked candidates that came, the nearest miss (fewest failed conditions) first. */
    private String missed(List<OcppCall> candidates) {
        if (candidates.isEmpty()) {
            List<OcppCall> checked = station.calls().stream()
                    .filter(call -> call.fromStation() && actions.contains(call.action())).toList();
            return "no further " + actions.stream().map(Action::name).sorted().collect(Collectors.joining(" or "))
                    + " came" + (checked.isEmpty() ? "" : " (the last checked one was " + checked.get(checked.size() - 1)
                    .describe() + ")");
        }
        List<OcppCall> nearest = candidates.stream()
                .sorted(Comparator.comparingLong((OcppCall call) -> failed(call).size())
                        .thenComparing(Comparator.comparingInt(OcppCall::index).reversed()))
                .limit(NEAREST_MISSES).toList();
        return candidates.size() + " came but none matched; the nearest miss first:\n          "
                + nearest.stream().map(this::miss).collect(Collectors.joining("\n          "));
    }

    private String miss(OcppCall call) {
        List<String> why = failed(call).stream().map(condition -> condition.instead().apply(call.payload())).toList();
        return call.describe() + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")");
    }

    private List<Condition> failed(OcppCall call) {
        ObjectNode payload = call.payload();
        return conditions.stream().filter(condition -> !condition.test().test(payload)).toList();
    }
}
