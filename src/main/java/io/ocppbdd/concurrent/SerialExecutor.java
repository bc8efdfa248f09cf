package io.ocppbdd.concurrent;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in order, on a shared pool: each station (and each CSMS connection) gets one,
 * so its state needs no locks while thousands of them share a few threads.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private static final ExecutorService SHARED_POOL = newSharedPool();

    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor pool;
    private boolean running;
    private volatile Thread runner;

    /** A serial executor on the process-wide pool. */
    public SerialExecutor() {
        this(SHARED_POOL);
    }

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    /** Whether the calling thread is running a task of this executor now. */
    public boolean isRunningHere() {
        return runner == Thread.currentThread();
    }

    private void drain() {
        runner = Thread.currentThread();
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    runner = null;
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // an Error escaping here would leave 'running' set and the executor dead for good
                LOG.error("task failed", e);
            }
        }
    }

    private static ExecutorService newSharedPool() {
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ocpp-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
