package io.ocppbdd.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Locale;

/** Steps that describe, start and steer stations, and move time. */
public class StationSteps {

    private final OcppWorld world;

    public StationSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("a charging station {string}")
    public void aChargingStation(String id) {
        world.configure(id, 1, 1);
    }

    @Given("a charging station {string} with {int} EVSE(s)")
    public void aChargingStationWithEvses(String id, int evses) {
        world.configure(id, evses, 1);
    }

    @Given("a charging station {string} with {int} EVSE(s) of {int} connector(s) each")
    public void aChargingStationWithEvsesAndConnectors(String id, int evses, int connectors) {
        world.configure(id, evses, connectors);
    }

    @Given("the station's variable {string} is {string}")
    public void theStationsVariableIs(String key, String value) {
        world.pendingState().getDeviceModel().put(key, value);
    }

    @Given("the station authenticates with password {string}")
    public void theStationAuthenticatesWithPassword(String password) {
        world.pendingState().getCsms().setSecurityProfile(1);
        world.pendingState().getDeviceModel().put("SecurityCtrlr.BasicAuthPassword", password);
    }

    @When("the station connects to the CSMS")
    public void theStationConnects() {
        world.station();
    }

    @Given("the station is booted")
    public void theStationIsBooted() {
        theBootStatusIs("Accepted");
        world.pass(Duration.ZERO);
    }

    @When("station {string} is selected")
    public void stationIsSelected(String id) {
        world.select(id);
    }

    @Then("the station's boot status is {string}")
    public void theBootStatusIs(String expected) {
        BootStatus wanted = BootStatus.valueOf(expected.toUpperCase(Locale.ROOT));
        ChargingStation station = world.station();
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> station.bootStatus() == wanted);
        } catch (ConditionTimeoutException e) {
            throw Conversation.failure("boot status " + expected, "it is " + station.bootStatus()
                    + " after " + OcppWorld.PATIENCE.toSeconds() + " s", station);
        }
    }

    @When("{int} second(s) pass(es)")
    public void secondsPass(int seconds) {
        world.station();
        world.pass(Duration.ofSeconds(seconds));
    }

    @When("{int} minute(s) pass(es)")
    public void minutesPass(int minutes) {
        world.station();
        world.pass(Duration.ofMinutes(minutes));
    }
}
