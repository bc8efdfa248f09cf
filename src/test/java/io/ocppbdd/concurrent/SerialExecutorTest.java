package io.ocppbdd.concurrent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void runsTasksInOrderOneAtATime() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch submitted = new CountDownLatch(4);

        for (int thread = 0; thread < 4; thread++) {
            int base = thread * 1000;
            new Thread(() -> {
                IntStream.range(0, 250).forEach(i -> serial.execute(() -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    order.add(base + i);
                    running.decrementAndGet();
                }));
                submitted.countDown();
            }).start();
        }
        assertThat(submitted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.runAsync(() -> { }, serial).get(30, TimeUnit.SECONDS);

        assertThat(order).hasSize(1000);
        assertThat(overlaps).hasValue(0);
        for (int thread = 0; thread < 4; thread++) {
            int base = thread * 1000;
            assertThat(order.stream().filter(n -> n >= base && n < base + 1000).toList())
                    .as("tasks of one submitter keep their order").isSorted();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<String> ran = new CopyOnWriteArrayList<>();

        serial.execute(() -> {
            throw new IllegalStateException("expected in this test");
        });
        serial.execute(() -> {
            throw new AssertionError("expected in this test");
        });
        serial.execute(() -> ran.add("after"));
        CompletableFuture.runAsync(() -> { }, serial).get(30, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("after");
    }

    @Test
    void separateExecutorsRunSideBySide() throws Exception {
        SerialExecutor first = new SerialExecutor(pool);
        SerialExecutor second = new SerialExecutor(pool);
        CountDownLatch bothStarted = new CountDownLatch(2);

        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> await(bothStarted), first);
        CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> await(bothStarted), second);

        assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(b.get(30, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean await(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
