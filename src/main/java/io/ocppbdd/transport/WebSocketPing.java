package io.ocppbdd.transport;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.rpc.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;

/**
 * Client-side WebSocket ping (Part 4 §5.2 and §8.4, OCPPCommCtrlr.WebSocketPingInterval): every interval the
 * station pings; a ping not answered by the next one means the connection is lost, so it is aborted and the
 * station reconnects with its back-off. Timed by the station's {@link Scheduler}, so tests run it on virtual time.
 * The interval is read before each ping: a change applies from the next ping, and 0 stops pinging until the
 * next connection.
 */
public final class WebSocketPing implements Scheduler.Cancellable {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketPing.class);

    private final Connection connection;
    private final Scheduler scheduler;
    private final Executor loop;
    private final IntSupplier intervalSeconds;
    private final String name;
    private CompletableFuture<Void> pong = CompletableFuture.completedFuture(null);
    private int interval;
    private Scheduler.Cancellable next = Scheduler.Cancellable.NONE;
    private volatile boolean cancelled;

    private WebSocketPing(Connection connection, Scheduler scheduler, Executor loop, IntSupplier intervalSeconds,
                          String name) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.loop = loop;
        this.intervalSeconds = intervalSeconds;
        this.name = name;
    }

    /**
     * Starts pinging on a freshly opened connection.
     *
     * @param loop            the station's serial executor, where every ping is sent and checked
     * @param intervalSeconds WebSocketPingInterval, read before each ping; 0 or less means no ping
     * @param name            the station id, for the log line when a pong is missing
     * @return a handle that stops pinging; cancel it when the connection closes
     */
    public static WebSocketPing start(Connection connection, Scheduler scheduler, Executor loop,
                                      IntSupplier intervalSeconds, String name) {
        WebSocketPing ping = new WebSocketPing(connection, scheduler, loop, intervalSeconds, name);
        ping.scheduleNext();
        return ping;
    }

    @Override
    public void cancel() {
        cancelled = true;
        next.cancel();
    }

    private void scheduleNext() {
        interval = intervalSeconds.getAsInt();
        if (interval > 0) {
            next = scheduler.schedule(Duration.ofSeconds(interval), loop, this::tick);
        }
    }

    private void tick() {
        if (cancelled) {
            return;
        }
        if (!pong.isDone()) {
            LOG.warn("{}: no WebSocket pong within {} s; dropping the connection", name, interval);
            connection.abort();
            return;
        }
        pong = connection.ping();
        scheduleNext();
    }
}
