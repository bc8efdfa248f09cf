package io.ocppbdd.expect;

import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.protocol.Action;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which CALLs of a station's actions expectations have already checked. Per station and action: everything up
 * to a floor is checked (a match in order checks the ones it skipped too), and single calls beyond it may be
 * checked out of order. They live as long as the {@link StationDriver}.
 */
final class Cursors {

    private static final Map<StationDriver, Cursors> ALL = new WeakHashMap<>();

    private final Map<Action, Integer> floors = new HashMap<>();
    private final Set<Integer> checkedBeyond = new HashSet<>();

    static Cursors of(StationDriver station) {
        synchronized (ALL) {
            return ALL.computeIfAbsent(station, key -> new Cursors());
        }
    }

    /** Whether the expectations have not checked this call of the station yet. */
    synchronized boolean unchecked(OcppCall call) {
        return call.index() >= floors.getOrDefault(call.action(), 0) && !checkedBeyond.contains(call.index());
    }

    /** Checks this call and every earlier one of its action. */
    synchronized void checkUpTo(OcppCall call) {
        floors.merge(call.action(), call.index() + 1, Math::max);
    }

    /** Checks this call alone. */
    synchronized void check(OcppCall call) {
        checkedBeyond.add(call.index());
    }

    /** How many calls of this action, among these, are checked. */
    synchronized long checkedCount(List<OcppCall> calls, Action action) {
        return calls.stream().filter(call -> call.action() == action && !unchecked(call)).count();
    }
}
