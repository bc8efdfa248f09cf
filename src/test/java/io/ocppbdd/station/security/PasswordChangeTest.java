package io.ocppbdd.station.security;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.GetVariableData;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.protocol.messages.GetVariablesResponse;
import io.ocppbdd.protocol.messages.NetworkConnectionProfile;
import io.ocppbdd.protocol.messages.OCPPInterfaceEnum;
import io.ocppbdd.protocol.messages.OCPPTransportEnum;
import io.ocppbdd.protocol.messages.OCPPVersionEnum;
import io.ocppbdd.protocol.messages.SetNetworkProfileRequest;
import io.ocppbdd.protocol.messages.SetNetworkProfileResponse;
import io.ocppbdd.protocol.messages.SetNetworkProfileStatusEnum;
import io.ocppbdd.protocol.messages.SetVariableData;
import io.ocppbdd.protocol.messages.SetVariableStatusEnum;
import io.ocppbdd.protocol.messages.SetVariablesRequest;
import io.ocppbdd.protocol.messages.SetVariablesResponse;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ocppbdd.testing.TestHarness.PATIENCE;
import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A01 (new BasicAuthPassword, reconnect, fall back), secrets beside the state file, no downgrade (B09.FR.04). */
class PasswordChangeTest {

    private static final String OLD = "the-old-password-0123456789";
    private static final String NEW = "the-new-password-9876543210";

    @TempDir
    Path folder;

    private final TestHarness harness = new TestHarness();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private StateFile stateFile;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    @DisplayName("A01.FR.01/11/12, TC_A_09_CS: a new BasicAuthPassword is answered Accepted, the station connects "
            + "again with it (no reboot), logs the change without the password, and keeps it only in the "
            + "owner-only secrets file")
    void reconnectsWithTheNewPassword() throws Exception {
        harness.csms.requirePassword("CS-A01", OLD);
        ChargingStation station = bootedStation("CS-A01", 1);
        harness.csms.requirePassword("CS-A01", NEW);

        assertThat(setPassword(station, NEW)).isEqualTo(SetVariableStatusEnum.ACCEPTED);

        await().atMost(PATIENCE).until(() -> connections.get() == 2);
        assertThat(harness.nth(station.id(), Action.SecurityEventNotification, 1).payload().path("type").asText())
                .isEqualTo("ReconfigurationOfSecurityParameters");
        assertThat(harness.csms.requests("CS-A01", Action.BootNotification)).hasSize(1);
        assertThat(Files.readString(stateFile.path())).doesNotContain(OLD, NEW);
        assertThat(Files.readString(stateFile.secretsPath())).contains(NEW).doesNotContain(OLD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile.secretsPath())))
                .isEqualTo("rw-------");
        assertThat(stateFile.load().getDeviceModel()).containsEntry("SecurityCtrlr.BasicAuthPassword", NEW);
        assertThat(station.trace().entries()).noneMatch(entry -> entry.frame().contains("SecurityEvent")
                && entry.frame().contains(NEW));
    }

    @Test
    @DisplayName("A01 / B10.FR.03/07: a new password the CSMS refuses NetworkProfileConnectionAttempts times makes "
            + "the station go back to the password it last connected with")
    void fallsBackWhenTheNewPasswordIsRefused() {
        harness.csms.requirePassword("CS-A01-BACK", OLD);
        ChargingStation station = bootedStation("CS-A01-BACK", 1);

        assertThat(setPassword(station, NEW)).isEqualTo(SetVariableStatusEnum.ACCEPTED);

        for (int refusal = 1; refusal <= 3; refusal++) {
            int expected = refusal;
            await().atMost(PATIENCE).until(() -> failures.get() == expected);
            harness.jump(Duration.ofMinutes(10));
        }
        await().atMost(PATIENCE).until(() -> connections.get() == 2);
        assertThat(stateFile.load().getDeviceModel()).containsEntry("SecurityCtrlr.BasicAuthPassword", OLD);
    }

    @Test
    @DisplayName("A01.FR.01/10: with security profile 0 a new password is stored (secrets file only) and the "
            + "connection stays")
    void profile0StoresWithoutReconnecting() throws Exception {
        ChargingStation station = bootedStation("CS-A01-P0", 0);

        assertThat(setPassword(station, NEW)).isEqualTo(SetVariableStatusEnum.ACCEPTED);

        harness.nth(station.id(), Action.SecurityEventNotification, 1);
        assertThat(connections.get()).isEqualTo(1);
        assertThat(Files.readString(stateFile.path())).doesNotContain(NEW);
        assertThat(Files.readString(stateFile.secretsPath())).contains(NEW);
    }

    @Test
    @DisplayName("A00.FR.005, B09.FR.04, TC_A_22_CS: the CSMS cannot lower the security profile, neither by "
            + "SetNetworkProfile nor by SetVariables")
    void noDowngrade() {
        harness.csms.requirePassword("CS-NO-DOWN", OLD);
        ChargingStation station = bootedStation("CS-NO-DOWN", 1);

        SetNetworkProfileResponse network = join(harness.csms.send("CS-NO-DOWN", new SetNetworkProfileRequest()
                .withConfigurationSlot(1).withConnectionData(new NetworkConnectionProfile()
                        .withOcppVersion(OCPPVersionEnum.OCPP_20).withOcppTransport(OCPPTransportEnum.JSON)
                        .withOcppCsmsUrl("ws://127.0.0.1:9/ocpp").withMessageTimeout(30).withSecurityProfile(0)
                        .withOcppInterface(OCPPInterfaceEnum.WIRED_0)), SetNetworkProfileResponse.class));
        SetVariablesResponse variable = join(harness.csms.send("CS-NO-DOWN", new SetVariablesRequest()
                .withSetVariableData(List.of(new SetVariableData().withComponent(securityCtrlr())
                        .withVariable(new Variable().withName("SecurityProfile")).withAttributeValue("0"))),
                SetVariablesResponse.class));

        assertThat(network.getStatus()).isEqualTo(SetNetworkProfileStatusEnum.REJECTED);
        assertThat(network.getStatusInfo().getReasonCode()).isEqualTo("ValueTooLow");
        assertThat(variable.getSetVariableResult().get(0).getAttributeStatus())
                .isEqualTo(SetVariableStatusEnum.REJECTED);
        GetVariablesResponse profile = join(harness.csms.send("CS-NO-DOWN", new GetVariablesRequest()
                .withGetVariableData(List.of(new GetVariableData().withComponent(securityCtrlr())
                        .withVariable(new Variable().withName("SecurityProfile")))), GetVariablesResponse.class));
        assertThat(profile.getGetVariableResult().get(0).getAttributeValue()).isEqualTo("1");
        assertThat(station.isConnected()).isTrue();
    }

    private ChargingStation bootedStation(String id, int securityProfile) {
        StationState state = StationState.defaults(id);
        state.getCsms().setSecurityProfile(securityProfile);
        if (securityProfile == 1) {
            state.getDeviceModel().put("SecurityCtrlr.BasicAuthPassword", OLD);
        }
        stateFile = new StateFile(folder.resolve(id + ".json"));
        stateFile.save(state);
        ChargingStation station = harness.connect(stateFile.load(), stateFile, List.of(context -> {
                    context.events().onConnected(connections::incrementAndGet);
                    context.events().onConnectFailed(failure -> failures.incrementAndGet());
                })).simulator();
        await().atMost(PATIENCE).until(() -> station.bootStatus() == BootStatus.ACCEPTED);
        return station;
    }

    private SetVariableStatusEnum setPassword(ChargingStation station, String password) {
        return join(harness.csms.send(station.id(), new SetVariablesRequest().withSetVariableData(List.of(
                new SetVariableData().withComponent(securityCtrlr())
                        .withVariable(new Variable().withName("BasicAuthPassword")).withAttributeValue(password))),
                SetVariablesResponse.class)).getSetVariableResult().get(0).getAttributeStatus();
    }

    private static Component securityCtrlr() {
        return new Component().withName("SecurityCtrlr");
    }
}
