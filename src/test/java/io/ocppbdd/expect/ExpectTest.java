package io.ocppbdd.expect;

import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.ocppbdd.expect.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expectations on a real station's conversation with the embedded CSMS, and how their failures read. */
class ExpectTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Simulation simulation;
    private StationDriver station;

    @BeforeEach
    void bootAStation() {
        simulation = Simulation.builder().build();
        station = simulation.addStation(StationSpec.of("CS-001").evses(2));
        simulation.await(station.start(), "CS-001 to connect");
        simulation.await(station.booted(), "CS-001 to boot");
    }

    @AfterEach
    void close() {
        simulation.close();
    }

    @Test
    void sendsTakesTheNextUncheckedCallSoTwoExpectationsNeedTwoMessages() {
        expect(station).sends(Action.StatusNotification).within(PATIENCE);
        expect(station).sends(Action.StatusNotification).within(PATIENCE);

        assertThatThrownBy(() -> expect(station).sends(Action.StatusNotification).within(SHORT))
                .hasMessageStartingWith("Expected: the station sends StatusNotification (the next unchecked one; "
                        + "2 checked so far)\nBut:      no further StatusNotification came (the last checked one was "
                        + "StatusNotification {")
                .hasMessageContaining("Recent OCPP messages of CS-001 (→ sent, ← received):");
    }

    @Test
    void aFailureShowsTheNearestMissFirst() {
        simulation.await(station.reboot(BootReasonEnum.REMOTE_RESET), "the reboot");
        simulation.await(station.booted(), "CS-001 to boot again");

        assertThatThrownBy(() -> expect(station).sends(Action.BootNotification).where("reason", "RemoteReset")
                .where("chargingStation.firmwareVersion", "2.0.0").within(SHORT))
                .hasMessageContaining("Expected: the station sends BootNotification where \"reason\" is "
                        + "\"RemoteReset\" and \"chargingStation.firmwareVersion\" is \"2.0.0\"")
                .hasMessageContaining("But:      2 came but none matched; the nearest miss first:\n"
                        + "          BootNotification {")
                .hasMessageContaining("\"reason\":\"RemoteReset\"} (\"chargingStation.firmwareVersion\" is "
                        + "\"1.0.0\")\n          BootNotification {")
                .hasMessageContaining("(\"reason\" is \"PowerUp\", \"chargingStation.firmwareVersion\" is \"1.0.0\")");
    }

    @Test
    void strictlyFailsAtOnceOnANextCallThatDoesNotMatch() {
        assertThatThrownBy(() -> expect(station).sends(Action.StatusNotification).strictly()
                .where("evseId", "2").within(PATIENCE))
                .hasMessageContaining("But:      the next one was StatusNotification {")
                .hasMessageContaining("(\"evseId\" is \"1\")");
    }

    @Test
    void inAnyOrderChecksOnlyTheCallItTakes() {
        expect(station).sends(Action.StatusNotification).where("evseId", "2").inAnyOrder().within(PATIENCE);
        expect(station).sends(Action.StatusNotification).where("evseId", "1").within(PATIENCE);

        expect(station).sends(Action.StatusNotification).hasNotSent();
    }

    @Test
    void inOrderReadsTheNextValuesOfAField() {
        assertThat(expect(station).sends(Action.StatusNotification)
                .inOrder("evseId", List.of("1", "2"), PATIENCE)).hasSize(2);
    }

    @Test
    void theNegativeFormNamesWhatCameAfterAll() {
        expect(station).sends(Action.BootNotification).within(PATIENCE);

        station.send(Action.Heartbeat, io.ocppbdd.protocol.Json.object());

        assertThatThrownBy(() -> expect(station).sends(Action.Heartbeat).notWhile(() -> simulation.pass(Duration.ZERO)))
                .hasMessageStartingWith("Expected: no further Heartbeat (0 checked so far)\nBut:      the station "
                        + "sent 1 more: Heartbeat {}");
        expect(station).sends(Action.BootNotification).hasNotSent();
    }

    @Test
    void theCsmsAnswerIsTheLatestOneAndSaysWhatItWasInstead() {
        expect(station).csmsAnswer(Action.BootNotification).where("status", "Accepted").has("currentTime")
                .within(PATIENCE);

        assertThatThrownBy(() -> expect(station).csmsAnswer(Action.BootNotification).where("interval", "60")
                .within(SHORT))
                .hasMessageContaining("Expected: the CSMS answers BootNotification where \"interval\" is \"60\"")
                .hasMessageContaining("But:      it answered \"interval\" is \"300\" in {");
        assertThatThrownBy(() -> expect(station).csmsAnswer(Action.BootNotification).isError("SecurityError")
                .within(SHORT))
                .hasMessageContaining("But:      it answered {");
    }
}
