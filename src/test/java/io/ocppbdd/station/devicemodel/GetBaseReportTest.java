package io.ocppbdd.station.devicemodel;

import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.DataEnum;
import io.ocppbdd.protocol.messages.GenericDeviceModelStatusEnum;
import io.ocppbdd.protocol.messages.GetBaseReportRequest;
import io.ocppbdd.protocol.messages.GetBaseReportResponse;
import io.ocppbdd.protocol.messages.MutabilityEnum;
import io.ocppbdd.protocol.messages.NotifyReportRequest;
import io.ocppbdd.protocol.messages.ReportBaseEnum;
import io.ocppbdd.protocol.messages.ReportData;
import io.ocppbdd.protocol.messages.VariableAttribute;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.TraceEntry;
import io.ocppbdd.station.metering.EnergyModel;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.station.devicemodel.DeviceModelCalls.booted;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** B07 Get Base Report: the response, then the report in NotifyReportRequests, over a real WebSocket. */
class GetBaseReportTest {

    private static final Set<DataEnum> LISTS = Set.of(DataEnum.OPTION_LIST, DataEnum.MEMBER_LIST,
            DataEnum.SEQUENCE_LIST);

    @TempDir
    Path folder;

    @Test
    @DisplayName("B07.FR.01/03/04/10: FullInventory is Accepted, then sent in parts of ItemsPerMessage[GetReport] "
            + "with the requestId, seqNo from 0 and tbc on all but the last, after the response")
    void sendsTheReportInParts() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder, Map.of("DeviceDataCtrlr.ItemsPerMessage:GetReport", "10"));
            assertThat(request(cs, 42, ReportBaseEnum.FULL_INVENTORY)).isEqualTo(GenericDeviceModelStatusEnum.ACCEPTED);
            List<NotifyReportRequest> parts = report(cs, 42);
            int total = cs.onLoop(() -> cs.simulator().deviceModel().variables().size());
            assertThat(parts).hasSize((total + 9) / 10);
            for (int seqNo = 0; seqNo < parts.size(); seqNo++) {
                NotifyReportRequest part = parts.get(seqNo);
                assertThat(part.getRequestId()).isEqualTo(42);
                assertThat(part.getSeqNo()).isEqualTo(seqNo);
                assertThat(part.getTbc()).isEqualTo(seqNo < parts.size() - 1);
                assertThat(part.getReportData()).hasSizeBetween(1, 10);
                assertThat(part.getGeneratedAt()).isEqualTo(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
            }
            assertThat(parts.stream().mapToInt(p -> p.getReportData().size()).sum()).isEqualTo(total);
            List<String> sent = cs.simulator().trace().entries().stream()
                    .filter(entry -> entry.direction() == Direction.SENT).map(TraceEntry::frame).toList();
            int response = indexOf(sent, "[3,");
            int firstPart = indexOf(sent, "\"NotifyReport\"");
            assertThat(response).as("GetBaseReport CALLRESULT before the first NotifyReport").isLessThan(firstPart);
        }
    }

    @Test
    @DisplayName("B07.FR.08/11 and errata B07.FR.03: FullInventory lists every variable with characteristics and "
            + "all attribute types, each with a value but WriteOnly ones (§2.50 VariableAttributeType.value)")
    void fullInventory() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            request(cs, 7, ReportBaseEnum.FULL_INVENTORY);
            List<ReportData> items = items(report(cs, 7));
            assertThat(items).allSatisfy(item -> {
                assertThat(item.getVariableCharacteristics()).as(name(item)).isNotNull();
                if (LISTS.contains(item.getVariableCharacteristics().getDataType())) {
                    assertThat(item.getVariableCharacteristics().getValuesList()).as(name(item)).isNotEmpty();
                }
            });
            assertThat(items).flatExtracting(ReportData::getVariableAttribute)
                    .filteredOn(attribute -> attribute.getValue() == null)
                    .extracting(VariableAttribute::getMutability).containsOnly(MutabilityEnum.WRITE_ONLY);
            ReportData power = find(items, "EVSE", "Power", 2);
            assertThat(power.getVariableAttribute()).extracting(VariableAttribute::getType)
                    .containsExactly(AttributeEnum.ACTUAL, AttributeEnum.MAX_SET);
            assertThat(power.getVariableAttribute().get(1).getValue()).as("B07: only WriteOnly may omit its value")
                    .isEqualTo("22080");
            assertThat(power.getVariableCharacteristics().getMaxLimit()).as("what the energy model delivers at most")
                    .isEqualTo(EnergyModel.EVSE_MAX_WATTS);
            VariableAttribute password = find(items, "SecurityCtrlr", "BasicAuthPassword", null)
                    .getVariableAttribute().get(0);
            assertThat(password.getMutability()).isEqualTo(MutabilityEnum.WRITE_ONLY);
            assertThat(password.getValue()).isNull();
            VariableAttribute heartbeat = find(items, "OCPPCommCtrlr", "HeartbeatInterval", null)
                    .getVariableAttribute().get(0);
            assertThat(heartbeat.getValue()).isEqualTo("300");
            assertThat(heartbeat.getPersistent()).isTrue();
            assertThat(find(items, "ClockCtrlr", "DateTime", null).getVariableAttribute().get(0).getValue())
                    .isEqualTo("2026-01-01T00:00:00.000Z");
        }
    }

    @Test
    @DisplayName("B07.FR.07: ConfigurationInventory lists exactly the variables the operator can set, with "
            + "characteristics")
    void configurationInventory() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            request(cs, 8, ReportBaseEnum.CONFIGURATION_INVENTORY);
            List<ReportData> items = items(report(cs, 8));
            assertThat(items).allSatisfy(item -> {
                assertThat(item.getVariableCharacteristics()).isNotNull();
                assertThat(item.getVariableAttribute()).extracting(VariableAttribute::getMutability)
                        .as(name(item)).anyMatch(m -> m != MutabilityEnum.READ_ONLY);
            });
            assertThat(items).extracting(GetBaseReportTest::name).contains("OCPPCommCtrlr.HeartbeatInterval",
                    "SecurityCtrlr.BasicAuthPassword", "TxCtrlr.TxStartPoint", "EVSE@1.Power")
                    .doesNotContain("DeviceDataCtrlr.ItemsPerMessage", "ChargingStation.VendorName");
        }
    }

    @Test
    @DisplayName("B07.FR.09: SummaryInventory reports the AvailabilityState of station, EVSEs and connectors")
    void summaryInventory() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            request(cs, 9, ReportBaseEnum.SUMMARY_INVENTORY);
            List<ReportData> items = items(report(cs, 9));
            assertThat(items).extracting(GetBaseReportTest::name).containsExactly("ChargingStation.AvailabilityState",
                    "EVSE@1.AvailabilityState", "EVSE@2.AvailabilityState", "Connector@1/1.AvailabilityState",
                    "Connector@2/1.AvailabilityState");
            assertThat(items).allSatisfy(item -> assertThat(item.getVariableAttribute().get(0).getValue())
                    .isEqualTo("Available"));
        }
    }

    @Test
    @DisplayName("B07.FR.13: while a report is still being sent, another request is Rejected; afterwards Accepted")
    void rejectsWhileReporting() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = booted(harness, folder);
            cs.csms.stubFor(Stub.on(Action.NotifyReport).willNotAnswer().once());
            assertThat(request(cs, 1, ReportBaseEnum.SUMMARY_INVENTORY)).isEqualTo(GenericDeviceModelStatusEnum.ACCEPTED);
            cs.csms.request(cs.id, Action.NotifyReport, r -> true).get(30, TimeUnit.SECONDS);
            assertThat(request(cs, 2, ReportBaseEnum.FULL_INVENTORY)).isEqualTo(GenericDeviceModelStatusEnum.REJECTED);
            harness.jump(Duration.ofSeconds(30));
            cs.idle();
            assertThat(request(cs, 3, ReportBaseEnum.SUMMARY_INVENTORY)).isEqualTo(GenericDeviceModelStatusEnum.ACCEPTED);
            assertThat(report(cs, 3)).hasSize(1);
            assertThat(cs.csms.requests(cs.id, Action.NotifyReport))
                    .noneMatch(r -> r.payload().path("requestId").asInt() == 2);
        }
    }

    static GenericDeviceModelStatusEnum request(Station cs, int requestId, ReportBaseEnum base)
            throws Exception {
        return send(cs, new GetBaseReportRequest().withRequestId(requestId).withReportBase(base),
                GetBaseReportResponse.class).getStatus();
    }

    /** Every part of report requestId, once its last part (tbc false) has come. */
    static List<NotifyReportRequest> report(Station cs, int requestId) throws Exception {
        cs.csms.request(cs.id, Action.NotifyReport, r -> r.payload().path("requestId").asInt() == requestId
                && !r.payload().path("tbc").asBoolean()).get(30, TimeUnit.SECONDS);
        return cs.csms.requests(cs.id, Action.NotifyReport).stream()
                .map(RecordedRequest::payload).filter(p -> p.path("requestId").asInt() == requestId)
                .map(p -> Json.fromTree(p, NotifyReportRequest.class)).toList();
    }

    private static List<ReportData> items(List<NotifyReportRequest> parts) {
        return parts.stream().flatMap(p -> p.getReportData().stream()).toList();
    }

    private static ReportData find(List<ReportData> items, String component, String variable, Integer evseId) {
        return items.stream().filter(i -> i.getComponent().getName().equals(component)
                        && i.getVariable().getName().equals(variable)
                        && (evseId == null || i.getComponent().getEvse().getId().equals(evseId)))
                .findFirst().orElseThrow(() -> new AssertionError(component + "." + variable + " not reported"));
    }

    private static String name(ReportData item) {
        return ComponentVariables.key(item.getComponent(), item.getVariable()).toString();
    }

    private static int indexOf(List<String> frames, String fragment) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no frame with " + fragment + " in " + frames);
    }
}
