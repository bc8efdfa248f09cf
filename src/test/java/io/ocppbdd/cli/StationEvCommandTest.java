package io.ocppbdd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.MessageTriggerEnum;
import io.ocppbdd.protocol.messages.RequestStartStopStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStartTransactionResponse;
import io.ocppbdd.protocol.messages.RequestStopTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStopTransactionResponse;
import io.ocppbdd.protocol.messages.TriggerMessageRequest;
import io.ocppbdd.protocol.messages.TriggerMessageResponse;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ocpp-bdd station --ev ...}: a headless station that a CSMS can remote-start, in this process. */
class StationEvCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private final EmbeddedCsms csms = EmbeddedCsms.start();

    @AfterEach
    void closeCsms() {
        csms.close();
    }

    private JsonNode event(String stationId, String eventType) throws Exception {
        return csms.request(stationId, Action.TransactionEvent,
                r -> r.payload().path("eventType").asText().equals(eventType)
                        && (!eventType.equals("Updated") || r.payload().has("meterValue")))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS).payload();
    }

    private List<String> statuses(String stationId) {
        return csms.requests(stationId, Action.StatusNotification).stream().map(RecordedRequest::payload)
                .map(p -> p.path("connectorStatus").asText()).toList();
    }

    @Test
    @DisplayName("Headless station, EV auto by default: remote-started (F02), it sends Started with the remoteStartId "
            + "(F02.FR.01) no sooner than the plug delay, Updated with meter values (F02.FR.03), and Ended after "
            + "RequestStopTransaction (F03.FR.03); then the driver unplugs")
    void remoteStartedHeadlessStation() throws Exception {
        Path stateFile = folder.resolve("charge_point_state.json");
        StationState state = StationState.defaults("CS-EV");
        state.getDeviceModel().put("SampledDataCtrlr.TxUpdatedInterval", "1");
        new StateFile(stateFile).save(state);
        CommandRun run = CommandRun.start(Map.of(), "station", "--csms", csms.url().toString(), "--id", "CS-EV",
                "--state", stateFile.toString(), "--ev-plug-delay", "300ms", "-q");
        await().atMost(WAIT).until(() -> run.out().contains("BootNotification Accepted"));

        Instant asked = Instant.now();
        RequestStartTransactionResponse started = csms.send("CS-EV", new RequestStartTransactionRequest().withEvseId(1)
                .withRemoteStartId(4242).withIdToken(new IdToken().withIdToken("APP-USER").withType(IdTokenEnum.CENTRAL)),
                RequestStartTransactionResponse.class).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(started.getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);

        JsonNode startedEvent = event("CS-EV", "Started");
        assertThat(startedEvent.path("triggerReason").asText()).isEqualTo("RemoteStart");
        assertThat(startedEvent.path("transactionInfo").path("remoteStartId").asInt()).isEqualTo(4242);
        Instant pluggedIn = OffsetDateTime.parse(startedEvent.path("timestamp").asText()).toInstant();
        assertThat(Duration.between(asked, pluggedIn)).as("the driver takes the plug delay")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(statuses("CS-EV")).containsExactly("Available", "Occupied");

        JsonNode updated = event("CS-EV", "Updated");
        assertThat(updated.path("meterValue").get(0).path("sampledValue").size()).isPositive();

        String transactionId = startedEvent.path("transactionInfo").path("transactionId").asText();
        RequestStopTransactionResponse stopped = csms.send("CS-EV",
                new RequestStopTransactionRequest().withTransactionId(transactionId),
                RequestStopTransactionResponse.class).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(stopped.getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
        JsonNode ended = event("CS-EV", "Ended");
        assertThat(ended.path("triggerReason").asText()).isEqualTo("RemoteStop");
        assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("Remote");
        await().atMost(WAIT).until(() -> statuses("CS-EV").size() == 3);
        assertThat(statuses("CS-EV")).containsExactly("Available", "Occupied", "Available");

        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
        assertThat(csms.trace().entries()).as("no CALLERROR").noneMatch(entry -> entry.frame().startsWith("[4"));
    }

    @Test
    @DisplayName("--ev manual: a remote start is accepted and waits for a cable that nobody plugs in")
    void manualEv() throws Exception {
        CommandRun run = CommandRun.start(Map.of(), "station", "--csms", csms.url().toString(), "--id", "CS-EVM",
                "--state", folder.resolve("s.json").toString(), "--ev", "manual", "--ev-plug-delay", "0", "-q");
        await().atMost(WAIT).until(() -> run.out().contains("BootNotification Accepted"));
        RequestStartTransactionResponse started = csms.send("CS-EVM", new RequestStartTransactionRequest().withEvseId(1)
                .withRemoteStartId(1).withIdToken(new IdToken().withIdToken("APP").withType(IdTokenEnum.CENTRAL)),
                RequestStartTransactionResponse.class).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(started.getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
        // a Heartbeat asked for after the remote start comes back before anything the EV could have caused
        csms.send("CS-EVM", new TriggerMessageRequest().withRequestedMessage(MessageTriggerEnum.HEARTBEAT),
                TriggerMessageResponse.class).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        csms.request("CS-EVM", Action.Heartbeat, r -> true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(csms.requests("CS-EVM", Action.TransactionEvent)).isEmpty();
        assertThat(statuses("CS-EVM")).containsExactly("Available");
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
    }

    @Test
    @DisplayName("station --help names --ev and --ev-plug-delay; a bad mode or time is one line and exit code 2")
    void options() throws Exception {
        CommandRun help = CommandRun.finished("station", "--help");
        assertThat(help.out()).contains("--ev=auto|manual", "--ev-plug-delay=<time>", "Default: auto",
                "Default: 5s");

        CommandRun badMode = CommandRun.finished("station", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS-1",
                "--state", folder.resolve("s.json").toString(), "--ev", "robot");
        assertThat(badMode.exitCode(1)).isEqualTo(2);
        assertThat(badMode.errLines()).containsExactly("ocpp-bdd station: invalid value for option '--ev': "
                + "unknown EV mode 'robot' (auto or manual) (try --help)");

        CommandRun badDelay = CommandRun.finished("station", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS-1",
                "--state", folder.resolve("s.json").toString(), "--ev-plug-delay", "5 minutes");
        assertThat(badDelay.exitCode(1)).isEqualTo(2);
        assertThat(badDelay.errLines()).containsExactly("ocpp-bdd station: invalid value for option "
                + "'--ev-plug-delay': '5 minutes' is not a time (for example 500ms, 5s or 2m) (try --help)");
        assertThat(folder.resolve("s.json")).doesNotExist();
    }
}
