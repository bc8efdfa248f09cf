package io.ocppbdd.station.diagnostics;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import io.ocppbdd.testing.LocalHttpServer;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

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
import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

class LogModuleTest {

    /** The upload server. */
    @RegisterExtension
    final WireMockExtension files = LocalHttpServer.perTest();
    private final TestHarness harness = new TestHarness();
    private TestHarness.Station fx;

    @BeforeEach
    void boot() {
        fx = harness.boot("LOG");
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    @DisplayName("N01.FR.01/02/04/07/08/09: PUTs the OCPP trace to remoteLocation, names the file in the response, "
            + "reports Uploading then Uploaded with the requestId")
    void uploadsTheTraceWithPut() {
        files.stubFor(put(urlPathMatching("/logs/.*")).willReturn(aResponse().withStatus(201)));

        GetLogResponse response = getLog(5, url("/logs/"));

        String filename = fx.id + "-DiagnosticsLog-20260101T000000Z.log";
        assertThat(response.getStatus()).isEqualTo(LogStatusEnum.ACCEPTED);
        assertThat(response.getFilename()).isEqualTo(filename);
        awaitStatus("Uploaded");
        assertThat(fx.statuses(Action.LogStatusNotification)).containsExactly("Uploading", "Uploaded");
        assertThat(fx.requests(Action.LogStatusNotification))
                .allSatisfy(r -> assertThat(r.payload().path("requestId").asInt()).isEqualTo(5));
        String log = uploaded(files.findAll(putRequestedFor(urlEqualTo("/logs/" + filename))));
        assertThat(log).startsWith("2026-01-01T00:00:00Z SENT [2,").contains("\"BootNotification\"")
                .contains("RECEIVED [2,").contains("\"GetLog\"");
    }

    @Test
    @DisplayName("N01.FR.18/19: with LogUploadMethod POST the log goes as multipart/form-data, name=\"uploadfile\" "
            + "with the file name")
    void uploadsWithPostMultipart() {
        files.stubFor(post(urlEqualTo("/upload")).willReturn(aResponse().withStatus(200)));
        setVariable("OCPPCommCtrlr", "LogUploadMethod", "POST");

        GetLogResponse response = getLog(6, url("/upload"));

        awaitStatus("Uploaded");
        files.verify(postRequestedFor(urlEqualTo("/upload"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("uploadfile")
                        .withHeader("Content-Disposition", containing("filename=\"" + response.getFilename() + "\""))
                        .withBody(containing("\"SetVariables\"")).build()));
    }

    @Test
    @DisplayName("N01: a SetVariables of SecurityCtrlr.BasicAuthPassword is in the uploaded log, its value masked")
    void masksTheBasicAuthPassword() {
        files.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
        setVariable("SecurityCtrlr", "BasicAuthPassword", "very-secret-password-42");

        getLog(7, url("/logs/station.log"));

        awaitStatus("Uploaded");
        String log = uploaded(files.findAll(putRequestedFor(urlEqualTo("/logs/station.log"))));
        assertThat(log).contains("\"BasicAuthPassword\"").contains("\"attributeValue\":\"********\"")
                .doesNotContain("very-secret-password-42");
    }

    @Test
    @DisplayName("N01.FR.10: HTTP 500 on every attempt gives UploadFailure once the retries are spent")
    void reportsUploadFailureAfterRetries() {
        files.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(500)));

        getLog(new GetLogRequest().withRetries(1).withRetryInterval(10), 8, url("/logs/"));

        harness.awaitTimer(Duration.ofSeconds(10));
        harness.pass(Duration.ofSeconds(10));
        awaitStatus("UploadFailure");
        files.verify(2, putRequestedFor(urlPathMatching("/logs/.*")));
        assertThat(fx.statuses(Action.LogStatusNotification)).containsExactly("Uploading", "UploadFailure");
    }

    @Test
    @DisplayName("N01.FR.10/17: credentials in the URL go as Basic auth; HTTP 403 gives PermissionDenied")
    void reportsPermissionDenied() {
        files.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(403)));

        getLog(new GetLogRequest().withRetries(0), 9,
                url("/logs/").replace("http://", "http://uploader:pa%40ss@"));

        awaitStatus("PermissionDenied");
        String basic = Base64.getEncoder().encodeToString("uploader:pa@ss".getBytes(StandardCharsets.UTF_8));
        files.verify(1, putRequestedFor(urlPathMatching("/logs/.*"))
                .withHeader("Authorization", equalTo("Basic " + basic)));
    }

    @Test
    @DisplayName("N01 LogParameters: only frames between oldestTimestamp and latestTimestamp; none there: Rejected "
            + "(N01.FR.05)")
    void filtersByTimestamps() {
        files.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
        harness.pass(Duration.ofSeconds(300));
        fx.nth(Action.Heartbeat, 1);

        GetLogResponse empty = getLog(new GetLogRequest(), 10, url("/logs/"),
                harness.dateTime(Duration.ofDays(-400)), harness.dateTime(Duration.ofDays(-399)));
        getLog(new GetLogRequest(), 11, url("/logs/a.log"), harness.dateTime(Duration.ofSeconds(-60)), null);

        assertThat(empty.getStatus()).isEqualTo(LogStatusEnum.REJECTED);
        assertThat(empty.getFilename()).isNull();
        awaitStatus("Uploaded");
        String log = uploaded(files.findAll(putRequestedFor(urlEqualTo("/logs/a.log"))));
        assertThat(log).contains("\"Heartbeat\"").doesNotContain("\"BootNotification\"");
    }

    @Test
    @DisplayName("N01.FR.12/20, F06.FR.14/15: a GetLog during an upload gets AcceptedCanceled; the first upload "
            + "reports AcceptedCanceled, the second goes on; triggered: Uploading during, Idle after")
    void secondGetLogCancelsTheFirst() {
        files.stubFor(put(urlPathMatching("/slow/.*"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        files.stubFor(put(urlPathMatching("/fast/.*")).willReturn(aResponse().withStatus(200)));
        getLog(12, url("/slow/"));
        awaitStatus("Uploading");

        RecordedRequest triggered = fx.trigger(MessageTriggerEnum.LOG_STATUS_NOTIFICATION,
                Action.LogStatusNotification);
        assertThat(triggered.payload().path("status").asText()).as("F06.FR.14").isEqualTo("Uploading");
        assertThat(triggered.payload().path("requestId").asInt()).isEqualTo(12);

        GetLogResponse second = getLog(13, url("/fast/"));

        assertThat(second.getStatus()).isEqualTo(LogStatusEnum.ACCEPTED_CANCELED);
        awaitStatus("Uploaded");
        assertThat(fx.requests(Action.LogStatusNotification))
                .extracting(r -> r.payload().path("status").asText() + "/" + r.payload().path("requestId").asInt())
                .containsExactly("Uploading/12", "Uploading/12", "AcceptedCanceled/12", "Uploading/13", "Uploaded/13");
        RecordedRequest idle = fx.trigger(MessageTriggerEnum.LOG_STATUS_NOTIFICATION, Action.LogStatusNotification);
        assertThat(idle.payload().path("status").asText()).as("F06.FR.15").isEqualTo("Idle");
        assertThat(idle.payload().has("requestId")).as("N01.FR.13").isFalse();
    }

    @Test
    @DisplayName("N01: a remoteLocation the station cannot reach (ftp) is Rejected with reason InvalidURL")
    void unsupportedProtocolIsRejected() {
        GetLogResponse response = getLog(14, "ftp://127.0.0.1/logs/");

        assertThat(response.getStatus()).isEqualTo(LogStatusEnum.REJECTED);
        assertThat(response.getStatusInfo().getReasonCode()).isEqualTo("InvalidURL");
        files.verify(0, anyRequestedFor(anyUrl()));
    }

    private GetLogResponse getLog(int requestId, String remoteLocation) {
        return getLog(new GetLogRequest(), requestId, remoteLocation);
    }

    private GetLogResponse getLog(GetLogRequest request, int requestId, String remoteLocation) {
        return getLog(request, requestId, remoteLocation, null, null);
    }

    private GetLogResponse getLog(GetLogRequest request, int requestId, String remoteLocation,
                                  OffsetDateTime oldest, OffsetDateTime latest) {
        request.withRequestId(requestId).withLogType(LogEnum.DIAGNOSTICS_LOG).withLog(new LogParameters()
                .withRemoteLocation(remoteLocation).withOldestTimestamp(oldest).withLatestTimestamp(latest));
        return join(fx.csms.send(fx.id, request, GetLogResponse.class));
    }

    private void setVariable(String component, String variable, String value) {
        SetVariablesResponse response = join(fx.csms.send(fx.id, new SetVariablesRequest().withSetVariableData(
                List.of(new SetVariableData().withComponent(new Component().withName(component))
                        .withVariable(new Variable().withName(variable)).withAttributeValue(value))),
                SetVariablesResponse.class));
        assertThat(response.getSetVariableResult().get(0).getAttributeStatus().value())
                .isIn("Accepted", "RebootRequired");
    }

    private void awaitStatus(String status) {
        fx.awaitRequest(Action.LogStatusNotification, "status", status);
    }

    private String url(String path) {
        return LocalHttpServer.url(files, path);
    }

    private static String uploaded(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0).getBodyAsString();
    }
}
