package io.ocppbdd.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.it.Allora;
import io.cucumber.java.it.Dato;
import io.cucumber.java.it.Quando;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import io.ocppbdd.station.BootStatus;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** Steps that describe, start and steer stations, and move time. */
public class StationSteps {

    private final OcppWorld world;

    public StationSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("a charging station {string}")
    @Dato("una stazione di ricarica {string}")
    public void aChargingStation(String id) {
        world.configure(id, 1, 1);
    }

    @Given("a charging station {string} with {int} EVSE(s)")
    @Dato("una stazione di ricarica {string} con {int} EVSE")
    public void aChargingStationWithEvses(String id, int evses) {
        world.configure(id, evses, 1);
    }

    @Given("a charging station {string} with {int} EVSE(s) of {int} connector(s) each")
    @Dato("una stazione di ricarica {string} con {int} EVSE da {int} connettore/connettori ciascuno")
    public void aChargingStationWithEvsesAndConnectors(String id, int evses, int connectors) {
        world.configure(id, evses, connectors);
    }

    @Given("the station's variable {string} is {string}")
    @Dato("la variabile {string} della stazione è {string}")
    public void theStationsVariableIs(String key, String value) {
        world.pending().variable(key, value);
    }

    @Given("the station authenticates with password {string}")
    @Dato("la stazione si autentica con la password {string}")
    public void theStationAuthenticatesWithPassword(String password) {
        world.pending().basicAuthPassword(password);
    }

    @When("the station connects to the CSMS")
    @Quando("la stazione si connette al CSMS")
    public void theStationConnects() {
        world.station();
    }

    @Given("the station is booted")
    @Dato("la stazione è avviata")
    public void theStationIsBooted() {
        StationDriver station = world.station();
        world.awaitOrExplain(station.booted(), "the station booted: accepted, every boot message answered",
                () -> "its boot status is " + world.await(station.snapshot(), "the station's loop").bootStatus());
        world.pass(Duration.ZERO);
    }

    @When("station {string} is selected")
    @Quando("si seleziona la stazione {string}")
    public void stationIsSelected(String id) {
        world.select(id);
    }

    @Then("the station's boot status is {string}")
    @Allora("lo stato di avvio della stazione è {string}")
    public void theBootStatusIs(String expected) {
        BootStatus wanted = BootStatus.valueOf(expected.toUpperCase(Locale.ROOT));
        StationDriver station = world.station();
        world.awaitOrExplain(station.bootStatus(wanted), "boot status " + expected,
                () -> "it is " + world.await(station.snapshot(), "the station's loop").bootStatus());
    }

    @When("the station reboots with reason {string}")
    @Quando("la stazione si riavvia con il motivo {string}")
    public void theStationReboots(String reason) {
        BootReasonEnum bootReason;
        try {
            bootReason = BootReasonEnum.fromValue(reason);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + reason + "\" is not a BootReasonEnumType; use one of "
                    + Arrays.stream(BootReasonEnum.values()).map(BootReasonEnum::value).toList());
        }
        world.await(world.station().reboot(bootReason), "the station to reboot");
    }

    @When("{int} second(s) pass(es)")
    @Quando("passa/passano {int} secondo/secondi")
    public void secondsPass(int seconds) {
        world.station();
        world.pass(Duration.ofSeconds(seconds));
    }

    @When("{int} minute(s) pass(es)")
    @Quando("passa/passano {int} minuto/minuti")
    public void minutesPass(int minutes) {
        world.station();
        world.pass(Duration.ofMinutes(minutes));
    }
}
