package io.ocppbdd.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema checks and the CALLERROR codes they map to (Part 4, §4.1.7 and Table 8). */
class SchemaValidatorTest {

    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":"
            + "{\"model\":\"SingleSocketCharger\",\"vendorName\":\"VendorX\"}}";

    private final SchemaValidator validator = SchemaValidator.instance();

    @Test
    @DisplayName("Part 4 §4.2.1: the spec's own BootNotification example passes")
    void validRequestPasses() {
        assertThat(validator.checkRequest(Action.BootNotification, Json.parse(BOOT))).isEmpty();
        assertThat(validator.checkRequest(Action.Heartbeat, Json.object())).isEmpty();
    }

    @Test
    @DisplayName("Part 4 §4.2.2: the spec's own BootNotification response example passes")
    void validResponsePasses() {
        ObjectNode response = (ObjectNode) Json.parse(
                "{\"currentTime\":\"2013-02-01T20:53:32.486Z\",\"interval\":300,\"status\":\"Accepted\"}");

        assertThat(validator.checkResponse(Action.BootNotification, response)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @DisplayName("Part 4 Table 8: each schema violation maps to its error code and names the JSON path")
    @CsvSource(delimiter = '|', value = {
            "missing nested field       | OccurrenceConstraintViolation | $.chargingStation.model "
                    + "| {\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"V\"}}",
            "missing top-level field    | OccurrenceConstraintViolation | $.reason "
                    + "| {\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}",
            "wrong type                 | TypeConstraintViolation       | $.chargingStation.model "
                    + "| {\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":7,\"vendorName\":\"V\"}}",
            "bad enum value             | PropertyConstraintViolation   | $.reason "
                    + "| {\"reason\":\"Bored\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}",
            "string too long            | PropertyConstraintViolation   | $.chargingStation.model "
                    + "| {\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"123456789012345678901\","
                    + "\"vendorName\":\"V\"}}",
            "additional property        | FormatViolation               | $.x "
                    + "| {\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"},\"x\":1}"})
    void bootNotificationViolations(String why, ErrorCode code, String field, String payload) {
        Optional<Violation> violation = validator.checkRequest(Action.BootNotification, Json.parse(payload));

        assertThat(violation).as(why).isPresent();
        assertThat(violation.get().code()).as(why).isEqualTo(code);
        assertThat(violation.get().field()).as(why).isEqualTo(field);
        assertThat(violation.get().describe()).startsWith(field + ": ");
    }

    @Test
    @DisplayName("Part 4 Table 8: a number out of range is a PropertyConstraintViolation naming the field")
    void numberOutOfRange() {
        ObjectNode payload = (ObjectNode) Json.parse("{\"evseId\":1,\"chargingNeeds\":{"
                + "\"requestedEnergyTransfer\":\"DC\",\"dcChargingParameters\":"
                + "{\"evMaxCurrent\":200,\"evMaxVoltage\":800,\"stateOfCharge\":101}}}");

        Violation violation = validator.checkRequest(Action.NotifyEVChargingNeeds, payload).orElseThrow();

        assertThat(violation.code()).isEqualTo(ErrorCode.PropertyConstraintViolation);
        assertThat(violation.field()).isEqualTo("$.chargingNeeds.dcChargingParameters.stateOfCharge");
    }

    @Test
    @DisplayName("Part 4 Table 8: a date-time that is no RFC 3339 date-time is a PropertyConstraintViolation")
    void badDateTime() {
        ObjectNode response = (ObjectNode) Json.parse("{\"currentTime\":\"yesterday noon\"}");

        Violation violation = validator.checkResponse(Action.Heartbeat, response).orElseThrow();

        assertThat(violation.code()).isEqualTo(ErrorCode.PropertyConstraintViolation);
        assertThat(violation.field()).isEqualTo("$.currentTime");
    }

    @Test
    @DisplayName("Part 4 Table 8: too few array items is an OccurrenceConstraintViolation")
    void tooFewItems() {
        ObjectNode payload = (ObjectNode) Json.parse("{\"getVariableData\":[]}");

        Violation violation = validator.checkRequest(Action.GetVariables, payload).orElseThrow();

        assertThat(violation.code()).isEqualTo(ErrorCode.OccurrenceConstraintViolation);
        assertThat(violation.field()).isEqualTo("$.getVariableData");
    }

    @Test
    @DisplayName("Part 4 Table 8: a violation deep inside an array names the item index")
    void pathInsideArray() {
        ObjectNode payload = (ObjectNode) Json.parse("{\"getVariableData\":[{\"component\":{\"name\":\"A\"},"
                + "\"variable\":{\"name\":\"B\"}},{\"component\":{\"name\":\"A\"},\"variable\":{}}]}");

        Violation violation = validator.checkRequest(Action.GetVariables, payload).orElseThrow();

        assertThat(violation.code()).isEqualTo(ErrorCode.OccurrenceConstraintViolation);
        assertThat(violation.field()).isEqualTo("$.getVariableData[1].variable.name");
    }

    @Test
    void everySchemaLoads() {
        for (Action action : Action.values()) {
            validator.checkRequest(action, Json.object());
            validator.checkResponse(action, Json.object());
        }
    }
}
