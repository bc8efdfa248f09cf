package io.ocppbdd.station.firmware;

import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.Firmware;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.MessageTriggerEnum;
import io.ocppbdd.protocol.messages.UpdateFirmwareRequest;
import io.ocppbdd.protocol.messages.UpdateFirmwareResponse;
import io.ocppbdd.protocol.messages.UpdateFirmwareStatusEnum;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.filetransfer.StationWithFileServer;
import io.ocppbdd.station.transactions.TransactionModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class FirmwareModuleTest {

    private static final byte[] IMAGE = "version=2.0.0\nthe new firmware\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keyFolder;
    private static SigningKeys keys;
    private StationWithFileServer world;

    @BeforeAll
    static void makeSigningKeys() throws Exception {
        keys = SigningKeys.create(keyFolder);
    }

    @BeforeEach
    void boot() throws Exception {
        world = new StationWithFileServer("FW");
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    @DisplayName("L01.FR.01/04/10/15/28/31/32: downloads, verifies an RSA-PSS signature, installs, reboots with "
            + "reason FirmwareUpdate and reports Installed with the new version")
    void secureUpdate() throws Exception {
        serve("/fw/station.bin", IMAGE);

        UpdateFirmwareResponse response = updateFirmware(7, signed(firmware("/fw/station.bin"), SigningKeys.RSA));

        assertThat(response.getStatus()).isEqualTo(UpdateFirmwareStatusEnum.ACCEPTED);
        world.awaitStatus(Action.FirmwareStatusNotification, "Installed");
        assertThat(world.statuses(Action.FirmwareStatusNotification)).containsExactly("Downloading", "Downloaded",
                "SignatureVerified", "Installing", "InstallRebooting", "Installed");
        assertThat(world.requests(Action.FirmwareStatusNotification))
                .allSatisfy(r -> assertThat(r.payload().path("requestId").asInt()).isEqualTo(7));
        List<RecordedRequest> boots = world.requests(Action.BootNotification);
        assertThat(boots).hasSize(2);
        assertThat(boots.get(1).payload().path("reason").asText()).isEqualTo("FirmwareUpdate");
        assertThat(boots.get(1).payload().path("chargingStation").path("firmwareVersion").asText())
                .isEqualTo("2.0.0");
        assertThat(installedAfterReboot()).as("Installed is sent by the new firmware, after the reboot").isTrue();
        world.awaitRequest(Action.SecurityEventNotification, "type", "FirmwareUpdated");
        assertThat(world.station.onLoop(() -> world.station.state().getIdentity().firmwareVersion())
                .get(30, TimeUnit.SECONDS)).isEqualTo("2.0.0");
        assertThat(world.trigger(MessageTriggerEnum.FIRMWARE_STATUS_NOTIFICATION, Action.FirmwareStatusNotification)
                .payload().path("status").asText()).as("L01.FR.25: Idle once Installed").isEqualTo("Idle");
    }

    @Test
    @DisplayName("F06.FR.16, L01.FR.26: a triggered FirmwareStatusNotification is Idle before any update, then the "
            + "last status with its requestId")
    void triggeredStatus() throws Exception {
        assertThat(world.trigger(MessageTriggerEnum.FIRMWARE_STATUS_NOTIFICATION, Action.FirmwareStatusNotification)
                .payload().path("status").asText()).isEqualTo("Idle");
        updateFirmware(18, new UpdateFirmwareRequest().withFirmware(firmware("/fw/missing.bin")).withRetries(0));
        world.awaitStatus(Action.FirmwareStatusNotification, "DownloadFailed");

        RecordedRequest triggered = world.trigger(MessageTriggerEnum.FIRMWARE_STATUS_NOTIFICATION,
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

        world.awaitStatus(Action.FirmwareStatusNotification, "Installed");
        assertThat(world.statuses(Action.FirmwareStatusNotification)).contains("SignatureVerified");
        assertThat(world.requests(Action.BootNotification).get(1).payload()
                .path("chargingStation").path("firmwareVersion").asText()).isEqualTo("station-3.1");
    }

    @Test
    @DisplayName("L01.FR.04: an RSA PKCS#1 v1.5 signature, as manufacturers' tools often make, verifies too")
    void rsaPkcs1Signature() throws Exception {
        serve("/fw/station.bin", IMAGE);

        updateFirmware(17, firmware("/fw/station.bin").withSigningCertificate(keys.certificatePem(SigningKeys.RSA))
                .withSignature(keys.sign(SigningKeys.RSA, "SHA256withRSA", IMAGE)));

        world.awaitStatus(Action.FirmwareStatusNotification, "Installed");
        assertThat(world.statuses(Action.FirmwareStatusNotification)).contains("SignatureVerified");
    }

    @Test
    @DisplayName("L01.FR.30: a 404 gives DownloadFailed after the configured retries, retryInterval apart")
    void downloadFailsAfterRetries() throws Exception {
        world.files.stubFor(get(urlEqualTo("/fw/missing.bin")).willReturn(aResponse().withStatus(404)));

        updateFirmware(9, new UpdateFirmwareRequest()
                .withFirmware(signed(firmware("/fw/missing.bin"), SigningKeys.RSA))
                .withRetries(2).withRetryInterval(60));

        world.advanceWhenScheduled(Duration.ofSeconds(59));
        world.files.verify(1, getRequestedFor(urlEqualTo("/fw/missing.bin")));
        world.time.advance(Duration.ofSeconds(1));
        world.advanceWhenScheduled(Duration.ofSeconds(60));
        world.awaitStatus(Action.FirmwareStatusNotification, "DownloadFailed");
        world.files.verify(3, getRequestedFor(urlEqualTo("/fw/missing.bin")));
        assertThat(world.statuses(Action.FirmwareStatusNotification)).containsExactly("Downloading", "DownloadFailed");
        assertThat(world.requests(Action.BootNotification)).hasSize(1);
    }

    @Test
    @DisplayName("L01.FR.03: a signature that does not match the image gives InvalidSignature and no install")
    void invalidSignature() throws Exception {
        serve("/fw/station.bin", IMAGE);
        byte[] otherImage = "version=6.6.6\ntampered".getBytes(StandardCharsets.UTF_8);

        updateFirmware(10, signed(firmware("/fw/station.bin"), SigningKeys.RSA, otherImage));

        world.awaitStatus(Action.FirmwareStatusNotification, "InvalidSignature");
        world.awaitRequest(Action.SecurityEventNotification, "type", "InvalidFirmwareSignature");
        assertThat(world.statuses(Action.FirmwareStatusNotification))
                .containsExactly("Downloading", "Downloaded", "InvalidSignature");
        assertThat(world.requests(Action.BootNotification)).hasSize(1);
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
        world.awaitRequest(Action.SecurityEventNotification, "type", "InvalidFirmwareSigningCertificate");
        assertThat(world.requests(Action.FirmwareStatusNotification)).isEmpty();
        world.files.verify(0, getRequestedFor(urlEqualTo("/fw/station.bin")));
    }

    @Test
    @DisplayName("L01.FR.13/16, L02: a non-secure update downloads at retrieveDateTime and installs at "
            + "installDateTime")
    void scheduledNonSecureUpdate() throws Exception {
        serve("/fw/station.bin", IMAGE);

        updateFirmware(12, firmware("/fw/station.bin").withRetrieveDateTime(world.now(Duration.ofHours(1)))
                .withInstallDateTime(world.now(Duration.ofHours(2))));

        world.awaitStatus(Action.FirmwareStatusNotification, "DownloadScheduled");
        world.files.verify(0, getRequestedFor(urlEqualTo("/fw/station.bin")));
        world.advanceWhenScheduled(Duration.ofHours(1));
        world.awaitStatus(Action.FirmwareStatusNotification, "InstallScheduled");
        assertThat(world.statuses(Action.FirmwareStatusNotification))
                .containsExactly("DownloadScheduled", "Downloading", "Downloaded", "InstallScheduled");
        world.advanceWhenScheduled(Duration.ofHours(1));
        world.awaitStatus(Action.FirmwareStatusNotification, "Installed");
        assertThat(world.statuses(Action.FirmwareStatusNotification)).containsExactly("DownloadScheduled",
                "Downloading", "Downloaded", "InstallScheduled", "Installing", "InstallRebooting", "Installed");
    }

    @Test
    @DisplayName("L01.FR.24: a second UpdateFirmware while an install is scheduled gets AcceptedCanceled; only the "
            + "new update goes on")
    void secondUpdateCancelsTheFirst() throws Exception {
        serve("/fw/station.bin", IMAGE);
        updateFirmware(13, signed(firmware("/fw/station.bin"), SigningKeys.RSA)
                .withInstallDateTime(world.now(Duration.ofHours(1))));
        world.awaitStatus(Action.FirmwareStatusNotification, "InstallScheduled");

        UpdateFirmwareResponse second = updateFirmware(14, signed(firmware("/fw/station.bin"), SigningKeys.RSA));

        assertThat(second.getStatus()).isEqualTo(UpdateFirmwareStatusEnum.ACCEPTED_CANCELED);
        world.awaitStatus(Action.FirmwareStatusNotification, "Installed");
        world.pass(Duration.ofHours(2));
        assertThat(world.requests(Action.FirmwareStatusNotification))
                .filteredOn(r -> r.payload().path("requestId").asInt() == 13)
                .extracting(r -> r.payload().path("status").asText())
                .containsExactly("Downloading", "Downloaded", "SignatureVerified", "InstallScheduled");
        assertThat(world.requests(Action.FirmwareStatusNotification).get(
                world.requests(Action.FirmwareStatusNotification).size() - 1).payload().path("requestId").asInt())
                .isEqualTo(14);
        assertThat(world.requests(Action.BootNotification)).hasSize(2);
    }

    @Test
    @DisplayName("L01.FR.06/33/34: during a transaction the install waits (InstallScheduled) until it has ended")
    void installWaitsForTransactions() throws Exception {
        serve("/fw/station.bin", IMAGE);
        IdToken token = new IdToken().withIdToken("TOKEN-1").withType(IdTokenEnum.ISO_14443);
        world.station.module(EvseModule.class).plugIn(1, 1).get(30, TimeUnit.SECONDS);
        world.station.module(TransactionModule.class).presentToken(1, token).get(30, TimeUnit.SECONDS);
        world.awaitRequest(Action.TransactionEvent, "eventType", "Started");

        updateFirmware(19, firmware("/fw/station.bin"));

        world.awaitStatus(Action.FirmwareStatusNotification, "InstallScheduled");
        world.station.whenIdle().get(30, TimeUnit.SECONDS);
        assertThat(world.statuses(Action.FirmwareStatusNotification))
                .containsExactly("Downloading", "Downloaded", "InstallScheduled");
        world.station.module(TransactionModule.class).presentToken(1, token).get(30, TimeUnit.SECONDS);
        world.awaitRequest(Action.TransactionEvent, "eventType", "Ended");
        world.awaitStatus(Action.FirmwareStatusNotification, "Installed");
        assertThat(world.statuses(Action.FirmwareStatusNotification)).containsExactly("Downloading", "Downloaded",
                "InstallScheduled", "Installing", "InstallRebooting", "Installed");
    }

    @Test
    @DisplayName("L01.FR.01: an empty image cannot be installed: InstallationFailed, no reboot")
    void installationFails() throws Exception {
        serve("/fw/empty.bin", new byte[0]);

        updateFirmware(15, firmware("/fw/empty.bin"));

        world.awaitStatus(Action.FirmwareStatusNotification, "InstallationFailed");
        assertThat(world.statuses(Action.FirmwareStatusNotification))
                .containsExactly("Downloading", "Downloaded", "Installing", "InstallationFailed");
        assertThat(world.requests(Action.BootNotification)).hasSize(1);
    }

    @Test
    @DisplayName("L01: a location the station cannot fetch (ftp) is Rejected with reason InvalidURL")
    void unsupportedProtocolIsRejected() throws Exception {
        UpdateFirmwareResponse response = updateFirmware(16,
                new Firmware().withLocation("ftp://127.0.0.1/fw.bin").withRetrieveDateTime(world.now(Duration.ZERO)));

        assertThat(response.getStatus()).isEqualTo(UpdateFirmwareStatusEnum.REJECTED);
        assertThat(response.getStatusInfo().getReasonCode()).isEqualTo("InvalidURL");
    }

    private void serve(String path, byte[] image) {
        world.files.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(image)));
    }

    private Firmware firmware(String path) {
        return new Firmware().withLocation(world.url(path)).withRetrieveDateTime(world.now(Duration.ofHours(-2)));
    }

    private Firmware signed(Firmware firmware, String alias) throws Exception {
        return signed(firmware, alias, IMAGE);
    }

    private Firmware signed(Firmware firmware, String alias, byte[] image) throws Exception {
        return firmware.withSigningCertificate(keys.certificatePem(alias)).withSignature(keys.sign(alias, image));
    }

    private UpdateFirmwareResponse updateFirmware(int requestId, Firmware firmware) throws Exception {
        return updateFirmware(requestId, new UpdateFirmwareRequest().withFirmware(firmware));
    }

    private UpdateFirmwareResponse updateFirmware(int requestId, UpdateFirmwareRequest request) throws Exception {
        return world.csms.send(world.stationId, request.withRequestId(requestId), UpdateFirmwareResponse.class)
                .get(30, TimeUnit.SECONDS);
    }

    private boolean installedAfterReboot() {
        List<RecordedRequest> all = world.csms.requests().stream()
                .filter(r -> r.stationId().equals(world.stationId)).toList();
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
