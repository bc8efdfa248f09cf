package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.SetVariableData;
import io.ocppbdd.protocol.messages.SetVariableResult;
import io.ocppbdd.protocol.messages.SetVariableStatusEnum;
import io.ocppbdd.protocol.messages.SetVariablesRequest;
import io.ocppbdd.protocol.messages.SetVariablesResponse;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.station.devicemodel.DeviceModelCalls.component;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.evse;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.getData;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.setData;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.variable;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.booted;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.get;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.set;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.send;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.refusal;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.saved;
import static org.assertj.core.api.Assertions.assertThat;

/** B05 Set Variables, requirement by requirement, over a real WebSocket. */
class SetVariablesTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("B05.FR.01/02: one result per SetVariableData, with the same component and variable, in order")
    void answersEveryItem() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            List<SetVariableData> data = List.of(setData("OCPPCommCtrlr", "HeartbeatInterval", "120"),
                    setData("NoSuchCtrlr", "Enabled", "true"),
                    setData(evse(2), variable("Power"), AttributeEnum.MAX_SET, "7400"));
            List<SetVariableResult> results = send(cs, new SetVariablesRequest().withSetVariableData(data),
                    SetVariablesResponse.class).getSetVariableResult();
            assertThat(results).hasSize(3);
            for (int i = 0; i < data.size(); i++) {
                assertThat(results.get(i).getComponent()).isEqualTo(data.get(i).getComponent());
                assertThat(results.get(i).getVariable()).isEqualTo(data.get(i).getVariable());
            }
        }
    }

    @Test
    @DisplayName("B05.FR.03/10: an attributeType is echoed; MaxSet of EVSE 2 Power is Accepted and stored")
    void echoesTheAttributeType() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            SetVariableResult result = set(cs, setData(evse(2), variable("Power"), AttributeEnum.MAX_SET, "7400"));
            assertThat(result.getAttributeType()).isEqualTo(AttributeEnum.MAX_SET);
            assertThat(result.getAttributeStatus()).isEqualTo(SetVariableStatusEnum.ACCEPTED);
            assertThat(get(cs, getData(evse(2), variable("Power"), AttributeEnum.MAX_SET)).getAttributeValue())
                    .isEqualTo("7400");
            assertThat(saved(cs).getDeviceModel()).containsEntry("EVSE@2.Power[MaxSet]", "7400");
        }
    }

    @Test
    @DisplayName("B05.FR.12: without attributeType the result carries attributeType Actual")
    void defaultsToActual() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertThat(set(cs, setData("OCPPCommCtrlr", "OfflineThreshold", "120")).getAttributeType())
                    .isEqualTo(AttributeEnum.ACTUAL);
        }
    }

    @Test
    @DisplayName("B05.FR.04: an unknown component, or an EVSE the station does not have, is UnknownComponent")
    void unknownComponent() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertThat(set(cs, setData("FluxCapacitorCtrlr", "Enabled", "true")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.UNKNOWN_COMPONENT);
            assertThat(set(cs, setData(evse(3), variable("Power"), AttributeEnum.MAX_SET, "1")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.UNKNOWN_COMPONENT);
        }
    }

    @Test
    @DisplayName("B05.FR.05: a variable the component does not have is UnknownVariable")
    void unknownVariable() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertThat(set(cs, setData("OCPPCommCtrlr", "HeartbeatPeriod", "60")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.UNKNOWN_VARIABLE);
        }
    }

    @Test
    @DisplayName("B05.FR.06: an attribute type the variable does not have is NotSupportedAttributeType")
    void notSupportedAttributeType() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            SetVariableResult result = set(cs, setData(component("OCPPCommCtrlr"), variable("HeartbeatInterval"),
                    AttributeEnum.TARGET, "60"));
            assertThat(result.getAttributeStatus()).isEqualTo(SetVariableStatusEnum.NOT_SUPPORTED_ATTRIBUTE_TYPE);
        }
    }

    @Test
    @DisplayName("B05.FR.07: a badly formatted value is Rejected (InvalidValue) and changes nothing")
    void rejectsBadFormats() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertRejected(cs, setData("OCPPCommCtrlr", "HeartbeatInterval", "sixty"), "InvalidValue");
            assertRejected(cs, setData("TxCtrlr", "StopTxOnInvalidId", "yes"), "InvalidValue");
            assertRejected(cs, setData("AuthCacheCtrlr", "Policy", "MRU"), "InvalidValue");
            assertRejected(cs, setData("TxCtrlr", "TxStopPoint", "EVConnected,Unplugged"), "InvalidValue");
            assertRejected(cs, setData("ClockCtrlr", "TimeSource", "NTP,NTP"), "InvalidValue");
            assertThat(get(cs, getData("OCPPCommCtrlr", "HeartbeatInterval")).getAttributeValue()).isEqualTo("300");
        }
    }

    @Test
    @DisplayName("B05.FR.08: a value outside minLimit/maxLimit (or a string longer than maxLimit) is Rejected")
    void rejectsOutOfRange() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertRejected(cs, setData("OCPPCommCtrlr", "HeartbeatInterval", "0"), "ValueTooLow");
            assertRejected(cs, setData(evse(1), variable("Power"), AttributeEnum.MAX_SET, "22081"), "ValueTooHigh");
            assertRejected(cs, setData("SecurityCtrlr", "BasicAuthPassword", "x".repeat(41)), "ValueTooHigh");
        }
    }

    @Test
    @DisplayName("B05.FR.08: a value longer than DeviceDataCtrlr.ConfigurationValueSize is Rejected")
    void rejectsValuesLongerThanConfigurationValueSize() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder, Map.of("DeviceDataCtrlr.ConfigurationValueSize", "8"));
            assertRejected(cs, setData("SecurityCtrlr", "OrganizationName", "Open Charge"), "TooLargeElement");
            assertThat(set(cs, setData("SecurityCtrlr", "OrganizationName", "OCA")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.ACCEPTED);
        }
    }

    @Test
    @DisplayName("B05.FR.09: a ReadOnly variable is Rejected (ReadOnly) and keeps its value")
    void rejectsReadOnly() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertRejected(cs, setData(component("DeviceDataCtrlr"), variable("ItemsPerMessage", "GetVariables"),
                    null, "10"), "ReadOnly");
            assertRejected(cs, setData(component("OCPPCommCtrlr"), variable("MessageTimeout", "Default"), null, "10"),
                    "ReadOnly");
            assertThat(get(cs, getData(component("OCPPCommCtrlr"), variable("MessageTimeout", "Default"), null))
                    .getAttributeValue()).isEqualTo("30");
        }
    }

    @Test
    @DisplayName("B05.FR.10: an Accepted value is read back and persisted in charge_point_state.json; "
            + "a rebuilt station starts with it")
    void persistsAcceptedValues() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertThat(set(cs, setData("SampledDataCtrlr", "TxUpdatedInterval", "15")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.ACCEPTED);
            assertThat(set(cs, setData("SecurityCtrlr", "BasicAuthPassword", "s3cret-passw0rd-16")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.ACCEPTED);
            assertThat(get(cs, getData("SampledDataCtrlr", "TxUpdatedInterval")).getAttributeValue()).isEqualTo("15");
            StationState saved = saved(cs);
            assertThat(saved.getDeviceModel()).containsEntry("SampledDataCtrlr.TxUpdatedInterval", "15")
                    .containsEntry("SecurityCtrlr.BasicAuthPassword", "s3cret-passw0rd-16");
            DeviceModel restarted = DeviceModel.forStation(saved);
            restarted.applyOverrides(saved.getDeviceModel());
            assertThat(restarted.intValue("SampledDataCtrlr", "TxUpdatedInterval", 0)).isEqualTo(15);
        }
    }

    @Test
    @DisplayName("B05: a variable whose change needs a reboot answers RebootRequired (ClockCtrlr.TimeSource)")
    void rebootRequired() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            assertThat(set(cs, setData("ClockCtrlr", "TimeSource", "NTP,Heartbeat")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.REBOOT_REQUIRED);
            assertThat(saved(cs).getDeviceModel()).containsEntry("ClockCtrlr.TimeSource", "NTP,Heartbeat");
        }
    }

    @Test
    @DisplayName("B05.FR.11 with B06.FR.16: more items than ItemsPerMessage[SetVariables] is a CALLERROR "
            + "OccurrenceConstraintViolation")
    void refusesTooManyItems() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder,
                    Map.of("DeviceDataCtrlr.ItemsPerMessage:SetVariables", "2"));
            SetVariableData item = setData("OCPPCommCtrlr", "HeartbeatInterval", "60");
            assertThat(refusal(cs, new SetVariablesRequest().withSetVariableData(List.of(item, item, item))))
                    .isEqualTo(ErrorCode.OccurrenceConstraintViolation);
            assertThat(get(cs, getData("OCPPCommCtrlr", "HeartbeatInterval")).getAttributeValue()).isEqualTo("300");
        }
    }

    @Test
    @DisplayName("B06.FR.17 for SetVariables: a request longer than BytesPerMessage[SetVariables] is a CALLERROR "
            + "FormatViolation")
    void refusesTooManyBytes() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder,
                    Map.of("DeviceDataCtrlr.BytesPerMessage:SetVariables", "120"));
            SetVariableData item = setData("SecurityCtrlr", "OrganizationName", "x".repeat(60));
            assertThat(refusal(cs, new SetVariablesRequest().withSetVariableData(List.of(item))))
                    .isEqualTo(ErrorCode.FormatViolation);
        }
    }

    @Test
    @DisplayName("B05.FR.10: a new HeartbeatInterval takes effect at once (next heartbeat after 60 s, not 300 s)")
    void newHeartbeatIntervalTakesEffect() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            Instant start = harness.now();
            assertThat(set(cs, setData("OCPPCommCtrlr", "HeartbeatInterval", "60")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.ACCEPTED);
            cs.idle();
            harness.jump(Duration.ofSeconds(59));
            assertThat(cs.csms.requests(cs.id, Action.Heartbeat)).isEmpty();
            harness.jump(Duration.ofSeconds(1));
            assertThat(cs.csms.request(cs.id, Action.Heartbeat, r -> true).get(30, TimeUnit.SECONDS)
                    .time()).isEqualTo(start.plusSeconds(60));
            cs.idle();
            harness.jump(Duration.ofSeconds(60));
            cs.csms.request(cs.id, Action.Heartbeat, r -> r.time().equals(start.plusSeconds(120)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void assertRejected(Station cs, SetVariableData data, String reasonCode) throws Exception {
        SetVariableResult result = set(cs, data);
        assertThat(result.getAttributeStatus()).as("%s = %s", data.getVariable().getName(), data.getAttributeValue())
                .isEqualTo(SetVariableStatusEnum.REJECTED);
        assertThat(result.getAttributeStatusInfo().getReasonCode()).isEqualTo(reasonCode);
    }
}
