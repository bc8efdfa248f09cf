package io.ocppbdd.driver;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.CallError;
import io.ocppbdd.protocol.CallResult;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.TraceEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The CALLs of one station, paired with their answers, kept up to date from its message trace (each frame is
 * decoded once), and the waiters for conditions on them. Thread-safe: frames arrive on the station's threads,
 * readers ask from anywhere.
 */
final class CallLog {

    private final List<OcppCall> calls = new ArrayList<>();
    private final Map<String, Integer> open = new HashMap<>();
    private final List<Waiter<?>> waiters = new CopyOnWriteArrayList<>();
    private final List<Consumer<OcppCall>> listeners = new CopyOnWriteArrayList<>();

    private record Waiter<T>(Function<List<OcppCall>, Optional<T>> condition, CompletableFuture<T> future) {
        void test(List<OcppCall> snapshot) {
            if (!future.isDone()) {
                try {
                    condition.apply(snapshot).ifPresent(future::complete);
                } catch (RuntimeException | Error e) {
                    future.completeExceptionally(e);
                }
            }
        }
    }

    /** Follows the trace from now on (give it a fresh one). */
    CallLog(MessageTrace trace) {
        trace.addListener(this::record);
    }

    /** Every CALL so far, oldest first. */
    List<OcppCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Completes with the condition's value as soon as it has one, now or after a later frame. */
    <T> CompletableFuture<T> when(Function<List<OcppCall>, Optional<T>> condition) {
        Waiter<T> waiter = new Waiter<>(condition, new CompletableFuture<>());
        waiters.add(waiter);
        waiter.future.whenComplete((value, failure) -> waiters.remove(waiter));
        waiter.test(calls());
        return waiter.future;
    }

    /** Tells the listener of each CALL as it comes and again when its answer comes. */
    void onCall(Consumer<OcppCall> listener) {
        listeners.add(listener);
    }

    private void record(TraceEntry entry) {
        Frame frame;
        try {
            frame = FrameCodec.decode(entry.frame());
        } catch (FrameException e) {
            return;
        }
        OcppCall changed;
        synchronized (calls) {
            if (frame instanceof Call call) {
                Optional<Action> action = Action.named(call.action());
                if (action.isEmpty()) {
                    return;
                }
                open.put(entry.direction() + "/" + call.messageId(), calls.size());
                changed = new OcppCall(calls.size(), entry.time(), entry.direction() == Direction.SENT,
                        action.get(), call.payload(), null);
                calls.add(changed);
            } else {
                Direction asked = entry.direction() == Direction.SENT ? Direction.RECEIVED : Direction.SENT;
                Integer index = open.remove(asked + "/" + frame.messageId());
                if (index == null) {
                    return;
                }
                changed = calls.get(index).withAnswer(answer(entry, frame));
                calls.set(index, changed);
            }
        }
        listeners.forEach(listener -> listener.accept(changed));
        List<OcppCall> snapshot = calls();
        waiters.forEach(waiter -> waiter.test(snapshot));
    }

    private static OcppAnswer answer(TraceEntry entry, Frame frame) {
        if (frame instanceof CallResult result) {
            return new OcppAnswer(entry.time(), result.payload(), null, null);
        }
        CallError error = (CallError) frame;
        return new OcppAnswer(entry.time(), null, error.errorCode().name(), error.errorDescription());
    }
}
