package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.it.Allora;
import io.cucumber.java.it.Dato;
import io.cucumber.java.it.Quando;
import io.ocppbdd.fileserver.FileServer;
import io.ocppbdd.fileserver.FirmwareFile;
import io.ocppbdd.report.ReportedAs;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Firmware update (L01, L02): a real HTTP firmware server for the scenario, UpdateFirmware from the embedded CSMS
 * and checks on the FirmwareStatusNotifications and the reboot into the new firmware.
 */
public class FirmwareSteps {

    private static final String MISSING_IMAGE = FirmwareFile.FOLDER + "missing.bin";

    private final OcppWorld world;
    private FileServer server;
    private String imagePath = MISSING_IMAGE;
    private byte[] image = new byte[0];
    private int requestId;

    public FirmwareSteps(OcppWorld world) {
        this.world = world;
    }

    /**
     * A version ("2.0.0", served as 2.0.0.bin, whose first line says version=2.0.0) or a file name ("fw-2.0.0.bin",
     * served under that name; the station then reports the name without its extension).
     */
    @Given("the firmware server offers firmware {string}")
    @Dato("il server del firmware offre il firmware {string}")
    public void theFirmwareServerOffersFirmware(String nameOrVersion) {
        FirmwareFile firmware = FirmwareFile.named(nameOrVersion);
        image = firmware.image();
        imagePath = firmware.path();
        server().answer(imagePath, 200, image);
    }

    @Given("the firmware server does not have the firmware")
    @Dato("il server del firmware non ha il firmware")
    public void theFirmwareServerDoesNotHaveTheFirmware() {
        imagePath = MISSING_IMAGE;
        server();
    }

    @When("the CSMS sends UpdateFirmware with location of the firmware server")
    @Quando("il CSMS invia UpdateFirmware con l'indirizzo del server del firmware")
    public void theCsmsSendsUpdateFirmware() {
        updateFirmware(firmware());
    }

    @When("the CSMS sends UpdateFirmware with location of the firmware server and install time in {int} minute(s)")
    @Quando("il CSMS invia UpdateFirmware con l'indirizzo del server del firmware "
            + "e installazione tra {int} minuto/minuti")
    public void theCsmsSendsUpdateFirmwareToInstallLater(int minutes) {
        updateFirmware(firmware().put("installDateTime", Json.dateTime(now().plus(Duration.ofMinutes(minutes)))));
    }

    @When("the CSMS sends a signed UpdateFirmware with location of the firmware server")
    @Quando("il CSMS invia un UpdateFirmware firmato con l'indirizzo del server del firmware")
    public void theCsmsSendsSignedUpdateFirmware() {
        updateFirmware(firmware().put("signingCertificate", TestManufacturer.certificate())
                .put("signature", TestManufacturer.sign(image)));
    }

    @When("the CSMS sends UpdateFirmware with location of the firmware server and a bad signature")
    @Quando("il CSMS invia UpdateFirmware con l'indirizzo del server del firmware e una firma errata")
    public void theCsmsSendsUpdateFirmwareWithBadSignature() {
        updateFirmware(firmware().put("signingCertificate", TestManufacturer.certificate())
                .put("signature", TestManufacturer.sign("not the image".getBytes(StandardCharsets.UTF_8))));
    }

    @Then("^the station reports firmware statuses " + StatusSteps.LIST + "$")
    @Allora("^la stazione riporta gli stati del firmware " + StatusSteps.LIST + "$")
    public void theStationReportsFirmwareStatuses(String statuses) {
        StatusSteps.expectNext(world, Action.FirmwareStatusNotification, requestId, statuses);
    }

    @Then("the station reboots with reason {string} and reports firmware version {string}")
    @Allora("la stazione si riavvia con il motivo {string} e riporta la versione del firmware {string}")
    public void theStationRebootsAndReportsVersion(String reason, String version) {
        world.expect().sends(Action.BootNotification).where("reason", reason)
                .where("chargingStation.firmwareVersion", version).within(OcppWorld.PATIENCE);
    }

    @After
    @ReportedAs("Stop the firmware server")
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
        return world.now();
    }

    private FileServer server() {
        if (server == null) {
            server = FileServer.start();
        }
        return server;
    }
}
