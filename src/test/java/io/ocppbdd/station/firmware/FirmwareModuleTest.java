package io.ocppbdd.station.firmware;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.Firmware;
import io.ocppbdd.protocol.messages.MessageTriggerEnum;
import io.ocppbdd.protocol.messages.UpdateFirmwareRequest;
import io.ocppbdd.protocol.messages.UpdateFirmwareResponse;
import io.ocppbdd.protocol.messages.UpdateFirmwareStatusEnum;
import io.ocppbdd.testing.LocalHttpServer;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

class FirmwareModuleTest {

    private static final byte[] IMAGE = "version=2.0.0\nthe new firmware\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keyFolder;
    private static SigningKeys keys;

    /** The firmware server. */
    @RegisterExtension
    final WireMockExtension files = LocalHttpServer.perTest();
    private final TestHarness harness = new TestHarness();
    private TestHarness.Station fx;

    @BeforeAll
    static void makeSigningKeys() throws Exception {
        keys = SigningKeys.create(keyFolder);
    }

    @BeforeEach
    void boot() {
        fx = harness.boot("FW");
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    @DisplayName("L01.FR.01/04/10/15/28/31/32: downloads, verifies an RSA-PSS signature, installs, reboots with "
            + "reason FirmwareUpdate and reports Installed with the new version")
    void secureUpdate() throws Exception {
        serve("/fw/station.bin", IMAGE);

        UpdateFirmwareResponse response = updateFirmware(7, signed(firmware("/fw/station.bin"), SigningKeys.RSA));

        assertThat(response.getStatus()).isEqualTo(UpdateFirmwareStatusEnum.ACCEPTED);
        awaitStatus("Installed");
        assertThat(fx.statuses(Action.FirmwareStatusNotification)).containsExactly("Downloading", "Downloaded",
                "SignatureVerified", "Installing", "InstallRebooting", "Installed");
        assertThat(fx.requests(Action.FirmwareStatusNotification))
                .allSatisfy(r -> assertThat(r.payload().path("requestId").asInt()).isEqualTo(7));
        List<RecordedRequest> boots = fx.requests(Action.BootNotification);
        assertThat(boots).hasSize(2);
        assertThat(boots.get(1).payload().path("reason").asText()).isEqualTo("FirmwareUpdate");
        assertThat(boots.get(1).payload().path("chargingStation").path("firmwareVersion").asText())
                .isEqualTo("2.0.0");
        assertThat(installedAfterReboot()).as("Installed is sent by the new firmware, after the reboot").isTrue();
        fx.awaitRequest(Action.SecurityEventNotification, "type", "FirmwareUpdated");
        assertThat(fx.onLoop(() -> fx.simulator().state().getIdentity().firmwareVersion())).isEqualTo("2.0.0");
        assertThat(fx.trigger(MessageTriggerEnum.FIRMWARE_STATUS_NOTIFICATION, Action.FirmwareStatusNotification)
                .payload().path("status").asText()).as("L01.FR.25: Idle once Installed").isEqualTo("Idle");
    }

    @Test
    @DisplayName("F06.FR.16, L01.FR.26: a triggered FirmwareStatusNotification is Idle before any update, then the "
            + "last status with its requestId")
    void triggeredStatus() {
        assertThat(fx.trigger(MessageTriggerEnum.FIRMWARE_STATUS_NOTIFICATION, Action.FirmwareStatusNotification)
                .payload().path("status").asText()).isEqualTo("Idle");
        updateFirmware(18, new UpdateFirmwareRequest().withFirmware(firmware("/fw/missing.bin")).withRetries(0));
        awaitStatus("DownloadFailed");

        RecordedRequest triggered = fx.trigger(MessageTriggerEnum.FIRMWARE_STATUS_NOTIFICATION,
                Action.FirmwareStatusNotification);

        assertThat(triggered.payload().path("status").asText()).isEqualTo("DownloadFailed");
        assertThat(triggered.payload().path("requestId").asInt()).isEqualTo(18);
    }

    @Test
    @DisplayName("L01.FR.04/12: an ECDSA signature verifies; without a version line the version is the file name")
    void ecdsaSignatureAndVersionFromFileName() throws Exception {
        byte[] image = "an image without a version line".getBytes(StandardCharsets.UTF_8);
        serve("/fw/station-3.1.bin", image);

        updateFirmware(8, signed(firmware("/fw/station-3.1.bin"), SigningKeys.EC, image));

        awaitStatus("Installed");
        assertThat(fx.statuses(Action.FirmwareStatusNotification)).contains("SignatureVerified");
        assertThat(fx.requests(Action.BootNotification).get(1).payload()
                .path("chargingStation").path("firmwareVersion").asText()).isEqualTo("station-3.1");
    }

    @Test
    @DisplayName("L01.FR.04: an RSA PKCS#1 v1.5 signature, as manufacturers' tools often make, verifies too")
    void rsaPkcs1Signature() throws Exception {
        serve("/fw/station.bin", IMAGE);

        updateFirmware(17, firmware("/fw/station.bin").withSigningCertificate(keys.certificatePem(SigningKeys.RSA))
                .withSignature(keys.sign(SigningKeys.RSA, "SHA256withRSA", IMAGE)));

        awaitStatus("Installed");
        assertThat(fx.statuses(Action.FirmwareStatusNotification)).contains("SignatureVerified");
    }

    @Test
    @DisplayName("L01.FR.30: a 404 gives DownloadFailed after the configured retries, retryInterval apart")
    void downloadFailsAfterRetries() throws Exception {
        files.stubFor(get(urlEqualTo("/fw/missing.bin")).willReturn(aResponse().withStatus(404)));

        updateFirmware(9, new UpdateFirmwareRequest()
                .withFirmware(signed(firmware("/fw/missing.bin"), SigningKeys.RSA))
                .withRetries(2).withRetryInterval(60));

        harness.awaitTimer(Duration.ofSeconds(60));
        harness.pass(Duration.ofSeconds(59));
        files.verify(1, getRequestedFor(urlEqualTo("/fw/missing.bin")));
        harness.pass(Duration.ofSeconds(1));
        harness.awaitTimer(Duration.ofSeconds(60));
        harness.pass(Duration.ofSeconds(60));
        awaitStatus("DownloadFailed");
        files.verify(3, getRequestedFor(urlEqualTo("/fw/missing.bin")));
        assertThat(fx.statuses(Action.FirmwareStatusNotification)).containsExactly("Downloading", "DownloadFailed");
        assertThat(fx.requests(Action.BootNotification)).hasSize(1);
    }

    @Test
    @DisplayName("L01.FR.03: a signature that does not match the image gives InvalidSignature and no install")
    void invalidSignature() throws Exception {
        serve("/fw/station.bin", IMAGE);
        byte[] otherImage = "version=6.6.6\ntampered".getBytes(StandardCharsets.UTF_8);

        updateFirmware(10, signed(firmware("/fw/station.bin"), SigningKeys.RSA, otherImage));

        awaitStatus("InvalidSignature");
        fx.awaitRequest(Action.SecurityEventNotification, "type", "InvalidFirmwareSignature");
        assertThat(fx.statuses(Action.FirmwareStatusNotification))
                .containsExactly("Downloading", "Downloaded", "InvalidSignature");
        assertThat(fx.requests(Action.BootNotification)).hasSize(1);
    }

    @Test
    @DisplayName("L01.FR.21/22/02: an expired signing certificate gives InvalidCertificate, a security event and no "
            + "download")
    void invalidCertificate() throws Exception {
        serve("/fw/station.bin", IMAGE);

        UpdateFirmwareResponse response = updateFirmware(11, firmware("/fw/station.bin")
                .withSigningCertificate(keys.certificatePem(SigningKeys.EXPIRED))
                .withSignature(keys.sign(SigningKeys.EXPIRED, IMAGE)));

        assertThat(response.getStatus()).isEqualTo(UpdateFirmwareStatusEnum.INVALID_CERTIFICATE);
        fx.awaitRequest(Action.SecurityEventNotification, "type", "InvalidFirmwareSigningCertificate");
        assertThat(fx.requests(Action.FirmwareStatusNotification)).isEmpty();
        files.verify(0, getRequestedFor(urlEqualTo("/fw/station.bin")));
    }

    @Test
    @DisplayName("L01.FR.13/16, L02: a non-secure update downloads at retrieveDateTime and installs at "
            + "installDateTime")
    void scheduledNonSecureUpdate() {
        serve("/fw/station.bin", IMAGE);

        updateFirmware(12, firmware("/fw/station.bin").withRetrieveDateTime(harness.dateTime(Duration.ofHours(1)))
                .withInstallDateTime(harness.dateTime(Duration.ofHours(2))));

        awaitStatus("DownloadScheduled");
        files.verify(0, getRequestedFor(urlEqualTo("/fw/station.bin")));
        harness.awaitTimer(Duration.ofHours(1));
        harness.pass(Duration.ofHours(1));
        awaitStatus("InstallScheduled");
        assertThat(fx.statuses(Action.FirmwareStatusNotification))
                .containsExactly("DownloadScheduled", "Downloading", "Downloaded", "InstallScheduled");
        harness.awaitTimer(Duration.ofHours(1));
        harness.pass(Duration.ofHours(1));
        awaitStatus("Installed");
        assertThat(fx.statuses(Action.FirmwareStatusNotification)).containsExactly("DownloadScheduled",
                "Downloading", "Downloaded", "InstallScheduled", "Installing", "InstallRebooting", "Installed");
    }

    @Test
    @DisplayName("L01.FR.24: a second UpdateFirmware while an install is scheduled gets AcceptedCanceled; only the "
            + "new update goes on")
    void secondUpdateCancelsTheFirst() throws Exception {
        serve("/fw/station.bin", IMAGE);
        updateFirmware(13, signed(firmware("/fw/station.bin"), SigningKeys.RSA)
                .withInstallDateTime(harness.dateTime(Duration.ofHours(1))));
        awaitStatus("InstallScheduled");

        UpdateFirmwareResponse second = updateFirmware(14, signed(firmware("/fw/station.bin"), SigningKeys.RSA));

        assertThat(second.getStatus()).isEqualTo(UpdateFirmwareStatusEnum.ACCEPTED_CANCELED);
        awaitStatus("Installed");
        harness.pass(Duration.ofHours(2));
        assertThat(fx.requests(Action.FirmwareStatusNotification))
                .filteredOn(r -> r.payload().path("requestId").asInt() == 13)
                .extracting(r -> r.payload().path("status").asText())
                .containsExactly("Downloading", "Downloaded", "SignatureVerified", "InstallScheduled");
        assertThat(fx.requests(Action.FirmwareStatusNotification).get(
                fx.requests(Action.FirmwareStatusNotification).size() - 1).payload().path("requestId").asInt())
                .isEqualTo(14);
        assertThat(fx.requests(Action.BootNotification)).hasSize(2);
    }

    @Test
    @DisplayName("L01.FR.06/33/34: during a transaction the install waits (InstallScheduled) until it has ended")
    void installWaitsForTransactions() {
        serve("/fw/station.bin", IMAGE);
        fx.plugIn(1);
        fx.present(1, "TOKEN-1");
        fx.awaitRequest(Action.TransactionEvent, "eventType", "Started");

        updateFirmware(19, firmware("/fw/station.bin"));

        awaitStatus("InstallScheduled");
        fx.idle();
        assertThat(fx.statuses(Action.FirmwareStatusNotification))
                .containsExactly("Downloading", "Downloaded", "InstallScheduled");
        fx.present(1, "TOKEN-1");
        fx.awaitRequest(Action.TransactionEvent, "eventType", "Ended");
        awaitStatus("Installed");
        assertThat(fx.statuses(Action.FirmwareStatusNotification)).containsExactly("Downloading", "Downloaded",
                "InstallScheduled", "Installing", "InstallRebooting", "Installed");
    }

    @Test
    @DisplayName("L01.FR.01: an empty image cannot be installed: InstallationFailed, no reboot")
    void installationFails() {
        serve("/fw/empty.bin", new byte[0]);

        updateFirmware(15, firmware("/fw/empty.bin"));

        awaitStatus("InstallationFailed");
        assertThat(fx.statuses(Action.FirmwareStatusNotification))
                .containsExactly("Downloading", "Downloaded", "Installing", "InstallationFailed");
        assertThat(fx.requests(Action.BootNotification)).hasSize(1);
    }

    @Test
    @DisplayName("L01: a location the station cannot fetch (ftp) is Rejected with reason InvalidURL")
    void unsupportedProtocolIsRejected() {
        UpdateFirmwareResponse response = updateFirmware(16, new Firmware().withLocation("ftp://127.0.0.1/fw.bin")
                .withRetrieveDateTime(harness.dateTime(Duration.ZERO)));

        assertThat(response.getStatus()).isEqualTo(UpdateFirmwareStatusEnum.REJECTED);
        assertThat(response.getStatusInfo().getReasonCode()).isEqualTo("InvalidURL");
    }

    private void awaitStatus(String status) {
        fx.awaitRequest(Action.FirmwareStatusNotification, "status", status);
    }

    private String url(String path) {
        return LocalHttpServer.url(files, path);
    }

    private void serve(String path, byte[] image) {
        files.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(image)));
    }

    private Firmware firmware(String path) {
        return new Firmware().withLocation(url(path)).withRetrieveDateTime(harness.dateTime(Duration.ofHours(-2)));
    }

    private Firmware signed(Firmware firmware, String alias) throws Exception {
        return signed(firmware, alias, IMAGE);
    }

    private Firmware signed(Firmware firmware, String alias, byte[] image) throws Exception {
        return firmware.withSigningCertificate(keys.certificatePem(alias)).withSignature(keys.sign(alias, image));
    }

    private UpdateFirmwareResponse updateFirmware(int requestId, Firmware firmware) {
        return updateFirmware(requestId, new UpdateFirmwareRequest().withFirmware(firmware));
    }

    private UpdateFirmwareResponse updateFirmware(int requestId, UpdateFirmwareRequest request) {
        return join(fx.csms.send(fx.id, request.withRequestId(requestId), UpdateFirmwareResponse.class));
    }

    private boolean installedAfterReboot() {
        List<RecordedRequest> all = fx.csms.requests(fx.id);
        int reboot = -1;
        int installed = -1;
        for (int i = 0; i < all.size(); i++) {
            RecordedRequest request = all.get(i);
            if (request.action() == Action.BootNotification) {
                reboot = i;
            }
            if (request.action() == Action.FirmwareStatusNotification
                    && request.payload().path("status").asText().equals("Installed")) {
                installed = i;
            }
        }
        return installed > reboot;
    }
}
