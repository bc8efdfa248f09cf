package io.ocppbdd.station.diagnostics;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.GetLogRequest;
import io.ocppbdd.protocol.messages.GetLogResponse;
import io.ocppbdd.protocol.messages.LogEnum;
import io.ocppbdd.protocol.messages.LogParameters;
import io.ocppbdd.protocol.messages.LogStatusEnum;
import io.ocppbdd.protocol.messages.MessageTriggerEnum;
import io.ocppbdd.protocol.messages.SetVariableData;
import io.ocppbdd.protocol.messages.SetVariablesRequest;
import io.ocppbdd.protocol.messages.SetVariablesResponse;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.station.filetransfer.StationWithFileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

class LogModuleTest {

    private StationWithFileServer world;

    @BeforeEach
    void boot() throws Exception {
        world = new StationWithFileServer("LOG");
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    @DisplayName("N01.FR.01/02/04/07/08/09: PUTs the OCPP trace to remoteLocation, names the file in the response, "
            + "reports Uploading then Uploaded with the requestId")
    void uploadsTheTraceWithPut() throws Exception {
        world.files.stubFor(put(urlPathMatching("/logs/.*")).willReturn(aResponse().withStatus(201)));

        GetLogResponse response = getLog(5, world.url("/logs/"));

        String filename = world.stationId + "-DiagnosticsLog-20260101T000000Z.log";
        assertThat(response.getStatus()).isEqualTo(LogStatusEnum.ACCEPTED);
        assertThat(response.getFilename()).isEqualTo(filename);
        world.awaitStatus(Action.LogStatusNotification, "Uploaded");
        assertThat(world.statuses(Action.LogStatusNotification)).containsExactly("Uploading", "Uploaded");
        assertThat(world.requests(Action.LogStatusNotification))
                .allSatisfy(r -> assertThat(r.payload().path("requestId").asInt()).isEqualTo(5));
        String log = uploaded(world.files.findAll(putRequestedFor(urlEqualTo("/logs/" + filename))));
        assertThat(log).startsWith("2026-01-01T00:00:00Z SENT [2,").contains("\"BootNotification\"")
                .contains("RECEIVED [2,").contains("\"GetLog\"");
    }

    @Test
    @DisplayName("N01.FR.18/19: with LogUploadMethod POST the log goes as multipart/form-data, name=\"uploadfile\" "
            + "with the file name")
    void uploadsWithPostMultipart() throws Exception {
        world.files.stubFor(post(urlEqualTo("/upload")).willReturn(aResponse().withStatus(200)));
        setVariable("OCPPCommCtrlr", "LogUploadMethod", "POST");

        GetLogResponse response = getLog(6, world.url("/upload"));

        world.awaitStatus(Action.LogStatusNotification, "Uploaded");
        world.files.verify(postRequestedFor(urlEqualTo("/upload"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("uploadfile")
                        .withHeader("Content-Disposition", containing("filename=\"" + response.getFilename() + "\""))
                        .withBody(containing("\"SetVariables\"")).build()));
    }

    @Test
    @DisplayName("N01: a SetVariables of SecurityCtrlr.BasicAuthPassword is in the uploaded log, its value masked")
    void masksTheBasicAuthPassword() throws Exception {
        world.files.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
        setVariable("SecurityCtrlr", "BasicAuthPassword", "very-secret-password-42");

        getLog(7, world.url("/logs/station.log"));

        world.awaitStatus(Action.LogStatusNotification, "Uploaded");
        String log = uploaded(world.files.findAll(putRequestedFor(urlEqualTo("/logs/station.log"))));
        assertThat(log).contains("\"BasicAuthPassword\"").contains("\"attributeValue\":\"********\"")
                .doesNotContain("very-secret-password-42");
    }

    @Test
    @DisplayName("N01.FR.10: HTTP 500 on every attempt gives UploadFailure once the retries are spent")
    void reportsUploadFailureAfterRetries() throws Exception {
        world.files.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(500)));

        getLog(new GetLogRequest().withRetries(1).withRetryInterval(10), 8, world.url("/logs/"));

        world.advanceWhenScheduled(Duration.ofSeconds(10));
        world.awaitStatus(Action.LogStatusNotification, "UploadFailure");
        world.files.verify(2, putRequestedFor(urlPathMatching("/logs/.*")));
        assertThat(world.statuses(Action.LogStatusNotification)).containsExactly("Uploading", "UploadFailure");
    }

    @Test
    @DisplayName("N01.FR.10/17: credentials in the URL go as Basic auth; HTTP 403 gives PermissionDenied")
    void reportsPermissionDenied() throws Exception {
        world.files.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(403)));

        getLog(new GetLogRequest().withRetries(0), 9,
                world.url("/logs/").replace("http://", "http://uploader:pa%40ss@"));

        world.awaitStatus(Action.LogStatusNotification, "PermissionDenied");
        String basic = Base64.getEncoder().encodeToString("uploader:pa@ss".getBytes(StandardCharsets.UTF_8));
        world.files.verify(1, putRequestedFor(urlPathMatching("/logs/.*"))
                .withHeader("Authorization", equalTo("Basic " + basic)));
    }

    @Test
    @DisplayName("N01 LogParameters: only frames between oldestTimestamp and latestTimestamp; none there: Rejected "
            + "(N01.FR.05)")
    void filtersByTimestamps() throws Exception {
        world.files.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
        world.pass(Duration.ofSeconds(300));
        world.csms.request(world.stationId, Action.Heartbeat, r -> true).get(30, TimeUnit.SECONDS);

        GetLogResponse empty = getLog(new GetLogRequest(), 10, world.url("/logs/"),
                world.now(Duration.ofDays(-400)), world.now(Duration.ofDays(-399)));
        getLog(new GetLogRequest(), 11, world.url("/logs/a.log"), world.now(Duration.ofSeconds(-60)), null);

        assertThat(empty.getStatus()).isEqualTo(LogStatusEnum.REJECTED);
        assertThat(empty.getFilename()).isNull();
        world.awaitStatus(Action.LogStatusNotification, "Uploaded");
        String log = uploaded(world.files.findAll(putRequestedFor(urlEqualTo("/logs/a.log"))));
        assertThat(log).contains("\"Heartbeat\"").doesNotContain("\"BootNotification\"");
    }

    @Test
    @DisplayName("N01.FR.12/20, F06.FR.14/15: a GetLog during an upload gets AcceptedCanceled; the first upload "
            + "reports AcceptedCanceled, the second goes on; triggered: Uploading during, Idle after")
    void secondGetLogCancelsTheFirst() throws Exception {
        world.files.stubFor(put(urlPathMatching("/slow/.*"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        world.files.stubFor(put(urlPathMatching("/fast/.*")).willReturn(aResponse().withStatus(200)));
        getLog(12, world.url("/slow/"));
        world.awaitStatus(Action.LogStatusNotification, "Uploading");

        RecordedRequest triggered = world.trigger(MessageTriggerEnum.LOG_STATUS_NOTIFICATION,
                Action.LogStatusNotification);
        assertThat(triggered.payload().path("status").asText()).as("F06.FR.14").isEqualTo("Uploading");
        assertThat(triggered.payload().path("requestId").asInt()).isEqualTo(12);

        GetLogResponse second = getLog(13, world.url("/fast/"));

        assertThat(second.getStatus()).isEqualTo(LogStatusEnum.ACCEPTED_CANCELED);
        world.awaitStatus(Action.LogStatusNotification, "Uploaded");
        assertThat(world.requests(Action.LogStatusNotification))
                .extracting(r -> r.payload().path("status").asText() + "/" + r.payload().path("requestId").asInt())
                .containsExactly("Uploading/12", "Uploading/12", "AcceptedCanceled/12", "Uploading/13", "Uploaded/13");
        RecordedRequest idle = world.trigger(MessageTriggerEnum.LOG_STATUS_NOTIFICATION, Action.LogStatusNotification);
        assertThat(idle.payload().path("status").asText()).as("F06.FR.15").isEqualTo("Idle");
        assertThat(idle.payload().has("requestId")).as("N01.FR.13").isFalse();
    }

    @Test
    @DisplayName("N01: a remoteLocation the station cannot reach (ftp) is Rejected with reason InvalidURL")
    void unsupportedProtocolIsRejected() throws Exception {
        GetLogResponse response = getLog(14, "ftp://127.0.0.1/logs/");

        assertThat(response.getStatus()).isEqualTo(LogStatusEnum.REJECTED);
        assertThat(response.getStatusInfo().getReasonCode()).isEqualTo("InvalidURL");
        world.files.verify(0, anyRequestedFor(anyUrl()));
    }

    private GetLogResponse getLog(int requestId, String remoteLocation) throws Exception {
        return getLog(new GetLogRequest(), requestId, remoteLocation);
    }

    private GetLogResponse getLog(GetLogRequest request, int requestId, String remoteLocation) throws Exception {
        return getLog(request, requestId, remoteLocation, null, null);
    }

    private GetLogResponse getLog(GetLogRequest request, int requestId, String remoteLocation,
                                  java.time.OffsetDateTime oldest, java.time.OffsetDateTime latest) throws Exception {
        request.withRequestId(requestId).withLogType(LogEnum.DIAGNOSTICS_LOG).withLog(new LogParameters()
                .withRemoteLocation(remoteLocation).withOldestTimestamp(oldest).withLatestTimestamp(latest));
        return world.csms.send(world.stationId, request, GetLogResponse.class).get(30, TimeUnit.SECONDS);
    }

    private void setVariable(String component, String variable, String value) throws Exception {
        SetVariablesResponse response = world.csms.send(world.stationId, new SetVariablesRequest().withSetVariableData(
                List.of(new SetVariableData().withComponent(new Component().withName(component))
                        .withVariable(new Variable().withName(variable)).withAttributeValue(value))),
                SetVariablesResponse.class).get(30, TimeUnit.SECONDS);
        assertThat(response.getSetVariableResult().get(0).getAttributeStatus().value())
                .isIn("Accepted", "RebootRequired");
    }

    private static String uploaded(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0).getBodyAsString();
    }
}
