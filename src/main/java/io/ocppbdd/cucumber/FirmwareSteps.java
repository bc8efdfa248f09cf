package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ocppbdd.csms.FileServer;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.station.ChargingStation;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Firmware update (L01, L02): a real HTTP firmware server for the scenario, UpdateFirmware from the embedded CSMS
 * and checks on the FirmwareStatusNotifications and the reboot into the new firmware.
 */
public class FirmwareSteps {

    private static final String MISSING_IMAGE = "/firmware/missing.bin";

    private final OcppWorld world;
    private FileServer server;
    private String imagePath = MISSING_IMAGE;
    private byte[] image = new byte[0];
    private int requestId;

    public FirmwareSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("the firmware server offers firmware {string}")
    public void theFirmwareServerOffersFirmware(String version) {
        image = ("version=" + version + "\nfirmware image of the scenario\n").getBytes(StandardCharsets.UTF_8);
        imagePath = "/firmware/" + version + ".bin";
        server().answer(imagePath, 200, image);
    }

    @Given("the firmware server does not have the firmware")
    public void theFirmwareServerDoesNotHaveTheFirmware() {
        imagePath = MISSING_IMAGE;
        server();
    }

    @When("the CSMS sends UpdateFirmware with location of the firmware server")
    public void theCsmsSendsUpdateFirmware() {
        updateFirmware(firmware());
    }

    @When("the CSMS sends UpdateFirmware with location of the firmware server and install time in {int} minute(s)")
    public void theCsmsSendsUpdateFirmwareToInstallLater(int minutes) {
        updateFirmware(firmware().put("installDateTime", Json.dateTime(now().plus(Duration.ofMinutes(minutes)))));
    }

    @When("the CSMS sends a signed UpdateFirmware with location of the firmware server")
    public void theCsmsSendsSignedUpdateFirmware() {
        updateFirmware(firmware().put("signingCertificate", TestManufacturer.certificate())
                .put("signature", TestManufacturer.sign(image)));
    }

    @When("the CSMS sends UpdateFirmware with location of the firmware server and a bad signature")
    public void theCsmsSendsUpdateFirmwareWithBadSignature() {
        updateFirmware(firmware().put("signingCertificate", TestManufacturer.certificate())
                .put("signature", TestManufacturer.sign("not the image".getBytes(StandardCharsets.UTF_8))));
    }

    @Then("^the station reports firmware statuses " + StatusSequence.LIST + "$")
    public void theStationReportsFirmwareStatuses(String statuses) {
        StatusSequence.await(world, Action.FirmwareStatusNotification, requestId, statuses);
    }

    @Then("the station reboots with reason {string} and reports firmware version {string}")
    public void theStationRebootsAndReportsVersion(String reason, String version) {
        ChargingStation station = world.station();
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> Conversation
                    .sentBy(station, Action.BootNotification).stream().map(e -> e.call().payload())
                    .anyMatch(boot -> boot.path("reason").asText().equals(reason) && boot.path("chargingStation")
                            .path("firmwareVersion").asText().equals(version)));
        } catch (ConditionTimeoutException e) {
            throw Conversation.failure("a BootNotification with reason \"" + reason + "\" and firmwareVersion \""
                    + version + "\"", "none came", station);
        }
    }

    @After
    public void stopFirmwareServer() {
        if (server != null) {
            server.close();
        }
    }

    private ObjectNode firmware() {
        ObjectNode firmware = Json.object();
        firmware.put("location", server().url(imagePath));
        firmware.put("retrieveDateTime", Json.dateTime(now().minus(Duration.ofHours(1))));
        return firmware;
    }

    private void updateFirmware(ObjectNode firmware) {
        requestId++;
        ObjectNode request = Json.object();
        request.put("requestId", requestId).put("retries", 0).set("firmware", firmware);
        world.csmsSends(Action.UpdateFirmware, request);
    }

    private Instant now() {
        return world.time().clock().instant();
    }

    private FileServer server() {
        if (server == null) {
            server = FileServer.start();
        }
        return server;
    }
}
