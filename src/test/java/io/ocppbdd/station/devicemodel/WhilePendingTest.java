package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.GenericDeviceModelStatusEnum;
import io.ocppbdd.protocol.messages.GetVariableStatusEnum;
import io.ocppbdd.protocol.messages.ReportBaseEnum;
import io.ocppbdd.protocol.messages.SetVariableStatusEnum;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ocppbdd.station.devicemodel.DeviceModelCalls.getData;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.setData;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.pending;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.get;
import static io.ocppbdd.station.devicemodel.DeviceModelCalls.set;
import static org.assertj.core.api.Assertions.assertThat;

/** B02.FR.01/02: a Pending station answers the device-model calls and sends the report it was asked for. */
class WhilePendingTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("B02.FR.01: while Pending the station answers SetVariables (B05) and GetVariables (B06)")
    void answersGetAndSetVariables() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = pending(harness, folder);
            assertThat(cs.bootStatus()).isEqualTo(BootStatus.PENDING);
            assertThat(set(cs, setData("OCPPCommCtrlr", "HeartbeatInterval", "120")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.ACCEPTED);
            assertThat(get(cs, getData("OCPPCommCtrlr", "HeartbeatInterval")).getAttributeStatus())
                    .isEqualTo(GetVariableStatusEnum.ACCEPTED);
            assertThat(get(cs, getData("OCPPCommCtrlr", "HeartbeatInterval")).getAttributeValue()).isEqualTo("120");
        }
    }

    @Test
    @DisplayName("B02.FR.01/02 with B07: while Pending the station answers GetBaseReport and sends the "
            + "NotifyReports, which the CSMS accepts")
    void sendsTheRequestedReport() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station cs = pending(harness, folder);
            assertThat(GetBaseReportTest.request(cs, 5, ReportBaseEnum.FULL_INVENTORY))
                    .isEqualTo(GenericDeviceModelStatusEnum.ACCEPTED);
            assertThat(GetBaseReportTest.report(cs, 5)).hasSizeGreaterThan(1);
            cs.idle();
            assertThat(cs.simulator().trace().entries()).filteredOn(e -> e.direction() == Direction.RECEIVED)
                    .noneMatch(e -> e.frame().startsWith("[4,"));
            assertThat(cs.csms.requests(cs.id, Action.StatusNotification)).isEmpty();
        }
    }
}
