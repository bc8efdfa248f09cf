package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.Exchange;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The manual trigger, with a scripted operator who reads the printed line and makes an embedded CSMS act. */
class ManualTriggerTest {

    private static final Pattern INSTRUCTION =
            Pattern.compile("OPERATOR: make the CSMS send (\\w+) (\\{.*}) to station (\\S+) \\(waiting up to 300 s\\)");

    @Test
    @DisplayName("the operator is told in one line what to send to which station; the trigger completes at once; "
            + "the CALL the operator makes the CSMS send shows in the station's trace with its answer")
    void scriptedOperator() {
        try (TestHarness harness = new TestHarness()) {
            ChargingStation station = harness.connect("MANUAL-01").simulator();
            List<String> printed = new CopyOnWriteArrayList<>();
            CompletableFuture<ObjectNode> answered = new CompletableFuture<>();
            CsmsDriver manual = CsmsDrivers.manual(harness.csms.url(), Duration.ofSeconds(300), line -> {
                printed.add(line);
                Matcher order = INSTRUCTION.matcher(line);
                assertThat(order.matches()).as(line).isTrue();
                CompletableFuture.runAsync(() -> harness.csms.send(order.group(3), Action.valueOf(order.group(1)),
                        (ObjectNode) Json.parse(order.group(2))).whenComplete((answer, failure) -> {
                            if (failure != null) {
                                answered.completeExceptionally(failure);
                            } else {
                                answered.complete(answer);
                            }
                        }));
            });
            ObjectNode payload = (ObjectNode) Json.parse("{\"getVariableData\":[{\"component\":{\"name\":"
                    + "\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");

            assertThat(manual.trigger(station.id(), Action.GetVariables, payload).toCompletableFuture()).isDone();

            assertThat(printed).containsExactly("OPERATOR: make the CSMS send GetVariables " + Json.write(payload)
                    + " to station MANUAL-01 (waiting up to 300 s)");
            assertThat(manual.patience()).isEqualTo(Duration.ofSeconds(300));
            assertThat(TestHarness.join(answered).path("getVariableResult").path(0).path("attributeStatus")
                    .asText()).isEqualTo("Accepted");
            await().ignoreExceptions().atMost(TestHarness.PATIENCE).until(() -> received(station, Action.GetVariables).answered());
            assertThat(received(station, Action.GetVariables).call().payload()).isEqualTo(payload);
        }
    }

    @Test
    @DisplayName("a long payload is summarised; an invalid one is refused before any operator is asked")
    void summaryAndRefusal() {
        List<String> printed = new CopyOnWriteArrayList<>();
        CsmsDriver manual = CsmsDrivers.manual(URI.create("ws://127.0.0.1:9/ocpp"), Duration.ofSeconds(600),
                printed::add);
        ObjectNode data = Json.object().put("vendorId", "ocpp-bdd").put("data", "d".repeat(500));

        manual.trigger("CS-LONG", Action.DataTransfer, data).toCompletableFuture().join();
        assertThat(manual.trigger("CS-LONG", Action.Reset, Json.object().put("type", "Soon")).toCompletableFuture())
                .isCompletedExceptionally();

        assertThat(printed).singleElement().asString().startsWith("OPERATOR: make the CSMS send DataTransfer "
                + "{\"vendorId\":\"ocpp-bdd\"").contains("... (" + Json.write(data).length() + " characters)")
                .endsWith(" to station CS-LONG (waiting up to 600 s)").hasSizeLessThan(420);
    }

    private static Exchange received(ChargingStation station, Action action) {
        return Exchange.of(station.trace().entries()).stream()
                .filter(e -> e.direction() == Direction.RECEIVED && e.call().action().equals(action.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " in the trace yet"));
    }
}
