package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.GetVariableData;
import io.ocppbdd.protocol.messages.GetVariableResult;
import io.ocppbdd.protocol.messages.GetVariableStatusEnum;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.ocppbdd.station.devicemodel.DeviceModelCalls.component;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.evse;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.getData;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.variable;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.booted;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.get;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** B06 Get Variables, requirement by requirement, over a real WebSocket. */
class GetVariablesTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("B06.FR.01/02/04/10: one Accepted result with the value per GetVariableData, same component and "
            + "variable, in order")
    void answersEveryItem() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            Component connector = new Component().withName("Connector").withEvse(new EVSE().withId(2).withConnectorId(1));
            List<GetVariableData> data = List.of(getData("OCPPCommCtrlr", "HeartbeatInterval"),
                    getData(evse(1), variable("AvailabilityState"), null),
                    getData(connector, variable("ConnectorType"), null),
                    getData("ChargingStation", "VendorName"),
                    getData("TxCtrlr", "TxStopPoint"));
            List<GetVariableResult> results = get(cs, data.toArray(GetVariableData[]::new));
            assertThat(results).hasSize(data.size());
            for (int i = 0; i < data.size(); i++) {
                assertThat(results.get(i).getComponent()).isEqualTo(data.get(i).getComponent());
                assertThat(results.get(i).getVariable()).isEqualTo(data.get(i).getVariable());
                assertThat(results.get(i).getAttributeStatus()).isEqualTo(GetVariableStatusEnum.ACCEPTED);
            }
            assertThat(results).extracting(GetVariableResult::getAttributeValue)
                    .containsExactly("300", "Available", "cType2", "ocpp-bdd", "EVConnected,Authorized");
        }
    }

    @Test
    @DisplayName("B06.FR.03/11: the requested attributeType is echoed, Actual when none was requested")
    void echoesTheAttributeType() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertThat(get(cs, getData(evse(1), variable("Power"), AttributeEnum.MAX_SET)).getAttributeType())
                    .isEqualTo(AttributeEnum.MAX_SET);
            assertThat(get(cs, getData("OCPPCommCtrlr", "HeartbeatInterval")).getAttributeType())
                    .isEqualTo(AttributeEnum.ACTUAL);
        }
    }

    @Test
    @DisplayName("B06.FR.06: an unknown component (or EVSE) is UnknownComponent without a value")
    void unknownComponent() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertUnanswered(get(cs, getData("FluxCapacitorCtrlr", "Enabled")), GetVariableStatusEnum.UNKNOWN_COMPONENT);
            assertUnanswered(get(cs, getData(evse(7), variable("AvailabilityState"), null)),
                    GetVariableStatusEnum.UNKNOWN_COMPONENT);
        }
    }

    @Test
    @DisplayName("B06.FR.07: a variable unknown for the component is UnknownVariable without a value")
    void unknownVariable() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertUnanswered(get(cs, getData("TxCtrlr", "HeartbeatInterval")), GetVariableStatusEnum.UNKNOWN_VARIABLE);
        }
    }

    @Test
    @DisplayName("B06.FR.08: an attribute type the variable lacks is NotSupportedAttributeType without a value")
    void notSupportedAttributeType() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertUnanswered(get(cs, getData(component("OCPPCommCtrlr"), variable("HeartbeatInterval"),
                    AttributeEnum.MIN_SET)), GetVariableStatusEnum.NOT_SUPPORTED_ATTRIBUTE_TYPE);
        }
    }

    @Test
    @DisplayName("B06.FR.09: a WriteOnly variable is Rejected (WriteOnly) and its value is not disclosed")
    void writeOnlyIsRejected() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder,
                    Map.of("SecurityCtrlr.BasicAuthPassword", "s3cret-passw0rd-16"));
            GetVariableResult result = get(cs, getData("SecurityCtrlr", "BasicAuthPassword"));
            assertUnanswered(result, GetVariableStatusEnum.REJECTED);
            assertThat(result.getAttributeStatusInfo().getReasonCode()).isEqualTo("WriteOnly");
        }
    }

    @Test
    @DisplayName("B06: EVSE.Power MaxSet reads what the EVSE can deliver, the value the base report gives too")
    void powerMaxSetHasAValue() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            GetVariableResult result = get(cs, getData(evse(2), variable("Power"), AttributeEnum.MAX_SET));
            assertThat(result.getAttributeStatus()).isEqualTo(GetVariableStatusEnum.ACCEPTED);
            assertThat(result.getAttributeValue()).isEqualTo("22080");
        }
    }

    @Test
    @DisplayName("B06.FR.14: a variable instance selects that instance")
    void instances() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder,
                    Map.of("DeviceDataCtrlr.ItemsPerMessage:GetVariables", "20"));
            assertThat(get(cs, getData(component("OCPPCommCtrlr"), variable("MessageTimeout", "Default"), null))
                    .getAttributeValue()).isEqualTo("30");
            assertThat(get(cs, getData(component("DeviceDataCtrlr"), variable("ItemsPerMessage", "GetVariables"), null))
                    .getAttributeValue()).isEqualTo("20");
            assertThat(get(cs, getData(component("DeviceDataCtrlr"), variable("ItemsPerMessage", "GetReport"), null))
                    .getAttributeValue()).isEqualTo("50");
        }
    }

    @Test
    @DisplayName("B06.FR.15: no or an empty instance where only instances exist is UnknownVariable; an empty "
            + "component instance counts as none")
    void missingInstance() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertUnanswered(get(cs, getData("OCPPCommCtrlr", "MessageTimeout")), GetVariableStatusEnum.UNKNOWN_VARIABLE);
            assertUnanswered(get(cs, getData(component("OCPPCommCtrlr"), variable("MessageTimeout", ""), null)),
                    GetVariableStatusEnum.UNKNOWN_VARIABLE);
            assertThat(get(cs, getData(component("OCPPCommCtrlr").withInstance(""), variable("HeartbeatInterval"), null))
                    .getAttributeStatus()).isEqualTo(GetVariableStatusEnum.ACCEPTED);
        }
    }

    @Test
    @DisplayName("B06.FR.16: more items than ItemsPerMessage[GetVariables] is a CALLERROR OccurrenceConstraintViolation")
    void refusesTooManyItems() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder,
                    Map.of("DeviceDataCtrlr.ItemsPerMessage:GetVariables", "3"));
            List<GetVariableData> three = Collections.nCopies(3, getData("OCPPCommCtrlr", "HeartbeatInterval"));
            assertThat(get(cs, three.toArray(GetVariableData[]::new))).hasSize(3);
            List<GetVariableData> four = Collections.nCopies(4, getData("OCPPCommCtrlr", "HeartbeatInterval"));
            assertThat(refusal(cs, new GetVariablesRequest().withGetVariableData(four)))
                    .isEqualTo(ErrorCode.OccurrenceConstraintViolation);
        }
    }

    @Test
    @DisplayName("B06.FR.17: a request longer than BytesPerMessage[GetVariables] is a CALLERROR FormatViolation")
    void refusesTooManyBytes() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder,
                    Map.of("DeviceDataCtrlr.BytesPerMessage:GetVariables", "400"));
            List<GetVariableData> many = Collections.nCopies(10, getData("OCPPCommCtrlr", "HeartbeatInterval"));
            assertThat(refusal(cs, new GetVariablesRequest().withGetVariableData(many)))
                    .isEqualTo(ErrorCode.FormatViolation);
        }
    }

    @Test
    @DisplayName("ReportingValueSize: values longer than DeviceDataCtrlr.ReportingValueSize are cut to it")
    void cutsToReportingValueSize() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder, Map.of("DeviceDataCtrlr.ReportingValueSize", "5"));
            assertThat(get(cs, getData("ChargingStation", "VendorName")).getAttributeValue()).isEqualTo("ocpp-");
        }
    }

    @Test
    @DisplayName("ClockCtrlr.DateTime is the station's current time")
    void dateTimeIsLive() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertThat(get(cs, getData("ClockCtrlr", "DateTime")).getAttributeValue()).isEqualTo("2026-01-01T00:00:00.000Z");
            cs.idle();
            harness.jump(Duration.ofSeconds(90));
            assertThat(get(cs, getData("ClockCtrlr", "DateTime")).getAttributeValue()).isEqualTo("2026-01-01T00:01:30.000Z");
        }
    }

    private static void assertUnanswered(GetVariableResult result, GetVariableStatusEnum status) {
        assertThat(result.getAttributeStatus()).isEqualTo(status);
        assertThat(result.getAttributeValue()).isNull();
    }
}
