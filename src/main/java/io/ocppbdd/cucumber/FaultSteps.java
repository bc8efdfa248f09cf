package io.ocppbdd.cucumber;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.it.Allora;
import io.cucumber.java.it.Quando;
import io.ocppbdd.protocol.Action;

import java.util.Optional;

/** Faults on a connector, named as in OCPP 1.6 (GroundFailure, OverCurrentFailure, ...; the README's fault table). */
public class FaultSteps {

    private final OcppWorld world;

    public FaultSteps(OcppWorld world) {
        this.world = world;
    }

    @When("a(n) {word} occurs on connector {int} of EVSE {int}")
    @Quando("si verifica un/una {word} sul connettore {int} dell'EVSE {int}")
    public void aFaultOccurs(String fault, int connectorId, int evseId) {
        world.await(world.station().fault(evseId, connectorId, fault), "the " + fault + " to occur");
    }

    @When("the {word} on connector {int} of EVSE {int} is cleared")
    @Quando("il guasto {word} sul connettore {int} dell'EVSE {int} viene risolto")
    public void theFaultIsCleared(String fault, int connectorId, int evseId) {
        world.await(world.station().clearFault(evseId, connectorId, Optional.of(fault)), "the " + fault + " to clear");
    }

    @When("every fault on connector {int} of EVSE {int} is cleared")
    @Quando("ogni guasto sul connettore {int} dell'EVSE {int} viene risolto")
    public void everyFaultIsCleared(int connectorId, int evseId) {
        world.await(world.station().clearFault(evseId, connectorId, Optional.empty()), "the faults to clear");
    }

    @Then("the station sends NotifyEvent for {string} of EVSE {int}")
    @Allora("la stazione invia NotifyEvent per {string} dell'EVSE {int}")
    public void theStationSendsNotifyEventFor(String componentVariable, int evseId) {
        notifyEvent(componentVariable, evseId, false);
    }

    @Then("the station sends NotifyEvent that {string} of EVSE {int} is cleared")
    @Allora("la stazione invia NotifyEvent che {string} dell'EVSE {int} è tornato normale")
    public void theStationSendsClearedNotifyEventFor(String componentVariable, int evseId) {
        notifyEvent(componentVariable, evseId, true);
    }

    /** The next unchecked NotifyEvent on Component.Variable of this EVSE, cleared or not. */
    private void notifyEvent(String componentVariable, int evseId, boolean cleared) {
        int dot = componentVariable.indexOf('.');
        if (dot <= 0 || dot == componentVariable.length() - 1) {
            throw new IllegalArgumentException("\"" + componentVariable + "\" is not Component.Variable, for example "
                    + "\"RCD.Tripped\" (see the README's fault table)");
        }
        world.expect().sends(Action.NotifyEvent)
                .where("eventData.0.component.name", componentVariable.substring(0, dot))
                .where("eventData.0.variable.name", componentVariable.substring(dot + 1))
                .where("eventData.0.component.evse.id", Integer.toString(evseId))
                .where(cleared ? "cleared" : "not cleared",
                        payload -> payload.at("/eventData/0/cleared").asBoolean(false) == cleared)
                .within(OcppWorld.PATIENCE);
    }
}
