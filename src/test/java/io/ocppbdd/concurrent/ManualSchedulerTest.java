package io.ocppbdd.concurrent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ManualSchedulerTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualScheduler time = new ManualScheduler(START);
    private final SerialExecutor loop = new SerialExecutor();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void nothingRunsBeforeItIsDue() {
        time.schedule(Duration.ofSeconds(10), loop, () -> ran.add("ten"));

        time.advance(Duration.ofSeconds(9));

        assertThat(ran).isEmpty();
        assertThat(time.pending()).isEqualTo(1);
        assertThat(time.clock().instant()).isEqualTo(START.plusSeconds(9));
    }

    @Test
    void dueTasksRunInTimeOrderAndAreDoneWhenAdvanceReturns() {
        time.schedule(Duration.ofSeconds(20), loop, () -> ran.add("twenty"));
        time.schedule(Duration.ofSeconds(10), loop, () -> ran.add("ten"));
        time.schedule(Duration.ofSeconds(10), loop, () -> ran.add("ten again"));

        time.advance(Duration.ofSeconds(20));

        assertThat(ran).containsExactly("ten", "ten again", "twenty");
        assertThat(time.pending()).isZero();
    }

    @Test
    void dueTimesListTheWaitingTasksEarliestFirstWithoutTheCancelledOnes() {
        time.schedule(Duration.ofSeconds(20), loop, () -> ran.add("twenty"));
        time.schedule(Duration.ofSeconds(10), loop, () -> ran.add("ten"));
        time.schedule(Duration.ofSeconds(5), loop, () -> ran.add("five")).cancel();

        assertThat(time.dueTimes()).containsExactly(START.plusSeconds(10), START.plusSeconds(20));
        time.advance(Duration.ofSeconds(10));
        assertThat(time.dueTimes()).containsExactly(START.plusSeconds(20));
    }

    @Test
    void aTaskSeesTheClockAtItsDueTime() {
        List<Instant> seen = new CopyOnWriteArrayList<>();
        time.schedule(Duration.ofSeconds(7), loop, () -> seen.add(time.clock().instant()));

        time.advance(Duration.ofMinutes(1));

        assertThat(seen).containsExactly(START.plusSeconds(7));
        assertThat(time.clock().instant()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void tasksScheduledByTasksRunWhenTheyFallDueWithinTheSameAdvance() {
        time.schedule(Duration.ofSeconds(10), loop, () -> {
            ran.add("first");
            time.schedule(Duration.ofSeconds(10), loop, () -> ran.add("second"));
            time.schedule(Duration.ofSeconds(50), loop, () -> ran.add("too late"));
        });

        time.advance(Duration.ofSeconds(30));

        assertThat(ran).containsExactly("first", "second");
        assertThat(time.pending()).isEqualTo(1);
    }

    @Test
    void aClockInAnotherZoneFollowsVirtualTime() {
        java.time.Clock berlin = time.clock().withZone(java.time.ZoneId.of("Europe/Berlin"));

        time.advance(Duration.ofHours(1));

        assertThat(berlin.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(berlin.getZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
    }

    @Test
    void cancelledTasksNeverRun() {
        Scheduler.Cancellable timer = time.schedule(Duration.ofSeconds(1), loop, () -> ran.add("cancelled"));

        timer.cancel();
        time.advance(Duration.ofSeconds(5));

        assertThat(ran).isEmpty();
    }

    @Test
    void zeroDelayRunsOnTheNextAdvance() {
        time.schedule(Duration.ZERO, loop, () -> ran.add("now"));
        assertThat(ran).isEmpty();

        time.advance(Duration.ZERO);

        assertThat(ran).containsExactly("now");
    }
}
