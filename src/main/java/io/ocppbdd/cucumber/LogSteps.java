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
import io.ocppbdd.report.ReportedAs;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.expect.Fields;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.util.function.Predicate;

/**
 * Log retrieval (N01): a real HTTP log server for the scenario, GetLog from the embedded CSMS and checks on the
 * LogStatusNotifications and on the file the server received.
 */
public class LogSteps {

    private static final String LOG_FOLDER = "/logs/";

    private final OcppWorld world;
    private FileServer server;
    private int requestId;

    public LogSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("the log server accepts uploads")
    @Dato("il server dei log accetta i caricamenti")
    public void theLogServerAcceptsUploads() {
        theLogServerAnswersUploadsWithStatus(201);
    }

    @Given("the log server answers uploads with status {int}")
    @Dato("il server dei log risponde ai caricamenti con lo stato {int}")
    public void theLogServerAnswersUploadsWithStatus(int status) {
        server().answer(LOG_FOLDER, status, new byte[0]);
    }

    @When("the CSMS sends GetLog with remote location of the log server")
    @Quando("il CSMS invia GetLog con l'indirizzo remoto del server dei log")
    public void theCsmsSendsGetLog() {
        requestId++;
        ObjectNode request = Json.object().put("requestId", requestId).put("logType", "DiagnosticsLog")
                .put("retries", 0);
        request.putObject("log").put("remoteLocation", server().url(LOG_FOLDER));
        world.csmsSends(Action.GetLog, request);
    }

    @Then("^the station reports log statuses " + StatusSteps.LIST + "$")
    @Allora("^la stazione riporta gli stati del log " + StatusSteps.LIST + "$")
    public void theStationReportsLogStatuses(String statuses) {
        StatusSteps.expectNext(world, Action.LogStatusNotification, requestId, statuses);
    }

    @Then("the log server receives the station's log, PUT to the file named in the answer to GetLog")
    @Allora("il server dei log riceve il log della stazione, con PUT sul file indicato nella risposta a GetLog")
    public void theLogServerReceivesThePutLog() {
        String filename = filename();
        awaitUpload("a PUT of " + LOG_FOLDER + filename + " holding the station's BootNotification",
                upload -> upload.method().equals("PUT") && upload.path().equals(LOG_FOLDER + filename));
    }

    @Then("the log server receives the station's log, POSTed as form field {string} with the file name")
    @Allora("il server dei log riceve il log della stazione, con POST nel campo di form {string} con il nome del file")
    public void theLogServerReceivesThePostedLog(String field) {
        String disposition = "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename() + "\"";
        awaitUpload("a multipart/form-data POST with \"" + disposition + "\" holding the station's BootNotification",
                upload -> upload.method().equals("POST") && upload.header("Content-Type").orElse("")
                        .startsWith("multipart/form-data") && upload.bodyText().contains(disposition));
    }

    @After
    @ReportedAs("Stop the log server")
    public void stopLogServer() {
        if (server != null) {
            server.close();
        }
    }

    private void awaitUpload(String expected, Predicate<FileServer.Received> matching) {
        Predicate<FileServer.Received> withLog = upload -> upload.bodyText().contains("\"BootNotification\"");
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE)
                    .until(() -> server().received().stream().anyMatch(matching.and(withLog)));
        } catch (ConditionTimeoutException e) {
            throw Expect.failure(world.station(), expected, "the log server received " + server().received().stream()
                    .map(upload -> upload.method() + " " + upload.path()).toList());
        }
    }

    private String filename() {
        return Fields.text(world.answerTo(Action.GetLog).payload(), "filename");
    }

    private FileServer server() {
        if (server == null) {
            server = FileServer.start();
        }
        return server;
    }
}
