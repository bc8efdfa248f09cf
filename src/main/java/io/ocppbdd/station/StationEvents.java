package io.ocppbdd.station;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Things that happen to a station, for its functional blocks to react to. Listeners run on the station's loop. */
public final class StationEvents {

    private final List<Runnable> connected = new CopyOnWriteArrayList<>();
    private final List<Runnable> disconnected = new CopyOnWriteArrayList<>();
    private final List<Consumer<BootStatus>> bootStatus = new CopyOnWriteArrayList<>();
    private final List<Consumer<Throwable>> connectFailed = new CopyOnWriteArrayList<>();

    /** The WebSocket is open (before any BootNotification). */
    public void onConnected(Runnable listener) {
        connected.add(listener);
    }

    /** The WebSocket closed or broke. */
    public void onDisconnected(Runnable listener) {
        disconnected.add(listener);
    }

    /** The CSMS answered a BootNotification. */
    public void onBootStatus(Consumer<BootStatus> listener) {
        bootStatus.add(listener);
    }

    /** An attempt to connect failed (refused, TLS, timeout, ...); the station retries after its back-off. */
    public void onConnectFailed(Consumer<Throwable> listener) {
        connectFailed.add(listener);
    }

    void fireConnected() {
        connected.forEach(Runnable::run);
    }

    void fireDisconnected() {
        disconnected.forEach(Runnable::run);
    }

    void fireConnectFailed(Throwable failure) {
        connectFailed.forEach(listener -> listener.accept(failure));
    }

    void fireBootStatus(BootStatus status) {
        bootStatus.forEach(listener -> listener.accept(status));
    }
}
