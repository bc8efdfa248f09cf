package io.ocppbdd.station;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void boots() throws Exception {
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            ChargingStation station = ChargingStation.builder(StationState.withEvses("CS-1", 2))
                    .csmsUrl(csms.url()).scheduler(time).build();
            station.start().get(5, TimeUnit.SECONDS);
            csms.request("CS-1", Action.StatusNotification, r -> r.payload().path("evseId").asInt() == 2)
                    .get(5, TimeUnit.SECONDS);
            station.whenIdle().get(5, TimeUnit.SECONDS);
            time.advance(Duration.ofSeconds(300));
            csms.request("CS-1", Action.Heartbeat, r -> true).get(5, TimeUnit.SECONDS);
            station.trace().entries().forEach(System.out::println);
            assertThat(station.bootStatus()).isEqualTo(BootStatus.ACCEPTED);
            station.stop();
        }
    }
}
