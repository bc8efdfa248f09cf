package io.ocppbdd.driver;

import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassingTimeTest {

    private static final Duration CONNECTING = Duration.ofSeconds(30);

    @Test
    @DisplayName("Part 4 §4.1.1 against an external CSMS: a CALL that a timer sends during a jump of virtual time "
            + "gets its real answer before later timers of the jump run, instead of timing out within the jump")
    void aCallSentDuringAJumpGetsItsAnswerBeforeTheJumpGoesOn() {
        try (EmbeddedCsms csms = EmbeddedCsms.start();
             Simulation simulation = Simulation.builder().virtualTime(Instant.parse("2026-01-01T10:43:38Z"))
                     .csms(CsmsDrivers.external(csms.url())).build()) {
            csms.stubFor(Stub.on(Action.BootNotification).willReturn(answer -> answer.put("interval", 60)));
            csms.stubFor(Stub.on(Action.MeterValues).willReturn(answer -> { }).after(Duration.ofMillis(300)));
            StationDriver station = simulation.addStation(StationSpec.of("CS-001")
                    .variable("AlignedDataCtrlr.Interval", "60"));
            simulation.await(station.start(), "CS-001 to connect");
            simulation.await(station.booted(), "CS-001 to boot");

            // the clock-aligned MeterValues goes out at 10:44:00, answered 300 ms later in real time; its 30 s
            // MessageTimeout would fall at 10:44:30, before the Heartbeat due at 10:44:38 in the same jump
            simulation.pass(Duration.ofSeconds(60));
            simulation.await(station.whenIdle(), "CS-001 to get its answers");

            List<OcppCall> sent = station.calls().stream().filter(OcppCall::fromStation).toList();
            OcppCall meterValues = sent.stream().filter(call -> call.action() == Action.MeterValues).findFirst()
                    .orElseThrow(() -> new AssertionError("no clock-aligned MeterValues in " + sent));
            OcppCall heartbeat = sent.stream().filter(call -> call.action() == Action.Heartbeat).findFirst()
                    .orElseThrow(() -> new AssertionError("no Heartbeat in " + sent));
            assertThat(meterValues.answered()).as("the answer to " + meterValues.describe())
                    .hasValueSatisfying(answer -> assertThat(answer.time()).isEqualTo(meterValues.time())
                            .isBefore(heartbeat.time()));
        }
    }

    @Test
    @DisplayName("Part 4 §4.1.1: time does not move past an unanswered CALL; the failure names the CALL left open")
    void anUnansweredCallStopsTimeAndIsNamed() {
        try (EmbeddedCsms csms = EmbeddedCsms.start();
             Simulation simulation = Simulation.builder().virtualTime(Instant.parse("2026-01-01T10:00:00Z"))
                     .patience(Duration.ofMillis(500)).csms(CsmsDrivers.external(csms.url())).build()) {
            csms.stubFor(Stub.on(Action.DataTransfer).willNotAnswer());
            StationDriver station = simulation.addStation(StationSpec.of("CS-001"));
            Simulation.await(station.start(), "CS-001 to connect", CONNECTING);
            Simulation.await(station.booted(), "CS-001 to boot", CONNECTING);
            station.send(Action.DataTransfer, Json.object().put("vendorId", "ocpp-bdd"));

            assertThatThrownBy(() -> simulation.pass(Duration.ofSeconds(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("for the CSMS to answer CS-001's DataTransfer (sent ")
                    .hasMessageContaining("→ [2,").hasMessageContaining("\"DataTransfer\"");
        }
    }
}
