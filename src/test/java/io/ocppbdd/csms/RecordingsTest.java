package io.ocppbdd.csms;

import io.ocppbdd.protocol.Action;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.csms.RequestMatcherTest.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The stub registry and the request log of the embedded CSMS, on their own. */
class RecordingsTest {

    @Test
    @DisplayName("recordings keep the latest requests per station up to the limit, indexed by action")
    void boundedAndIndexed() {
        RequestLog log = new RequestLog();
        log.limitPerStation(3);
        for (int n = 1; n <= 5; n++) {
            log.add(request("CS-A", n % 2 == 0 ? Action.Heartbeat : Action.StatusNotification, "{\"n\":" + n + "}"));
        }
        log.add(request("CS-B", Action.Heartbeat, "{\"n\":6}"));

        assertThat(log.of("CS-A")).extracting(r -> r.payload().path("n").asInt()).containsExactly(3, 4, 5);
        assertThat(log.of("CS-A", Action.StatusNotification)).extracting(r -> r.payload().path("n").asInt())
                .containsExactly(3, 5);
        assertThat(log.of("CS-A", Action.Heartbeat)).extracting(r -> r.payload().path("n").asInt())
                .containsExactly(4);
        assertThat(log.of("CS-B")).hasSize(1);
        assertThat(log.all()).extracting(r -> r.payload().path("n").asInt()).containsExactly(3, 4, 5, 6);
        assertThat(RequestLog.DEFAULT_LIMIT_PER_STATION).isEqualTo(10_000);
    }

    @Test
    @DisplayName("a caller waiting for a request gets the first recorded match, or the next one to come")
    void waitForARequest() throws Exception {
        RequestLog log = new RequestLog();
        log.add(request("CS-A", Action.Heartbeat, "{\"n\":1}"));
        log.add(request("CS-A", Action.Heartbeat, "{\"n\":2}"));

        assertThat(log.first("CS-A", Action.Heartbeat, r -> true).get(1, TimeUnit.SECONDS).payload()
                .path("n").asInt()).isEqualTo(1);
        CompletableFuture<RecordedRequest> third = log.first("CS-A", Action.Heartbeat,
                r -> r.payload().path("n").asInt() == 3);
        log.add(request("CS-B", Action.Heartbeat, "{\"n\":3}"));
        log.add(request("CS-A", Action.StatusNotification, "{\"n\":3}"));
        assertThat(third).isNotDone();
        log.add(request("CS-A", Action.Heartbeat, "{\"n\":3}"));
        assertThat(third.get(1, TimeUnit.SECONDS).stationId()).isEqualTo("CS-A");
    }

    @Test
    @DisplayName("the newest matching stub wins; a removed stub answers no more")
    void newestWinsAndRemoval() {
        Stubs stubs = new Stubs();
        Stub older = Stub.action(Action.Heartbeat);
        Stub newer = Stub.action(Action.Heartbeat).forStation("CS-A");
        stubs.add(older);
        stubs.add(newer);

        assertThat(stubs.claim(request("CS-A", Action.Heartbeat, "{}"))).contains(newer);
        assertThat(stubs.claim(request("CS-B", Action.Heartbeat, "{}"))).contains(older);
        assertThat(stubs.remove(newer.id())).isTrue();
        assertThat(stubs.remove(newer.id())).isFalse();
        assertThat(stubs.claim(request("CS-A", Action.Heartbeat, "{}"))).contains(older);
        assertThat(stubs.all()).containsExactly(older);
    }

    @Test
    @DisplayName("a once stub goes to exactly one of two threads that claim it at the same moment, 2,000 times over")
    void onceUnderRace() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2_000; round++) {
                Stubs stubs = new Stubs();
                Stub once = Stub.action(Action.Heartbeat).once();
                stubs.add(once);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> a = threads.submit(() -> claims(stubs, start, "CS-A"));
                Future<Boolean> b = threads.submit(() -> claims(stubs, start, "CS-B"));
                assertThat(a.get(10, TimeUnit.SECONDS) ^ b.get(10, TimeUnit.SECONDS))
                        .as("round %d: exactly one claim succeeds", round).isTrue();
                assertThat(stubs.all()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static boolean claims(Stubs stubs, CyclicBarrier start, String stationId) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        return stubs.claim(request(stationId, Action.Heartbeat, "{}")).isPresent();
    }
}
