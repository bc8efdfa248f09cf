package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.GenericDeviceModelStatusEnum;
import io.ocppbdd.protocol.messages.GetVariableStatusEnum;
import io.ocppbdd.protocol.messages.ReportBaseEnum;
import io.ocppbdd.protocol.messages.SetVariableStatusEnum;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.station.BootStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.station.devicemodel.StationUnderTest.getData;
import static io.ocppbdd.station.devicemodel.StationUnderTest.setData;
import static org.assertj.core.api.Assertions.assertThat;

/** B02.FR.01/02: a Pending station answers the device-model calls and sends the report it was asked for. */
class WhilePendingTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("B02.FR.01: while Pending the station answers SetVariables (B05) and GetVariables (B06)")
    void answersGetAndSetVariables() throws Exception {
        try (StationUnderTest cs = StationUnderTest.pending(folder)) {
            assertThat(cs.station.bootStatus()).isEqualTo(BootStatus.PENDING);
            assertThat(cs.set(setData("OCPPCommCtrlr", "HeartbeatInterval", "120")).getAttributeStatus())
                    .isEqualTo(SetVariableStatusEnum.ACCEPTED);
            assertThat(cs.get(getData("OCPPCommCtrlr", "HeartbeatInterval")).getAttributeStatus())
                    .isEqualTo(GetVariableStatusEnum.ACCEPTED);
            assertThat(cs.get(getData("OCPPCommCtrlr", "HeartbeatInterval")).getAttributeValue()).isEqualTo("120");
        }
    }

    @Test
    @DisplayName("B02.FR.01/02 with B07: while Pending the station answers GetBaseReport and sends the "
            + "NotifyReports, which the CSMS accepts")
    void sendsTheRequestedReport() throws Exception {
        try (StationUnderTest cs = StationUnderTest.pending(folder)) {
            assertThat(GetBaseReportTest.request(cs, 5, ReportBaseEnum.FULL_INVENTORY))
                    .isEqualTo(GenericDeviceModelStatusEnum.ACCEPTED);
            assertThat(GetBaseReportTest.report(cs, 5)).hasSizeGreaterThan(1);
            cs.station.whenIdle().get(30, TimeUnit.SECONDS);
            assertThat(cs.station.trace().entries()).filteredOn(e -> e.direction() == Direction.RECEIVED)
                    .noneMatch(e -> e.frame().startsWith("[4,"));
            assertThat(cs.csms.requests(StationUnderTest.ID, Action.StatusNotification)).isEmpty();
        }
    }
}
