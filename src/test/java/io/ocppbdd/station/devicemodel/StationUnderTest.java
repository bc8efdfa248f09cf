package io.ocppbdd.station.devicemodel;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.GetVariableData;
import io.ocppbdd.protocol.messages.GetVariableResult;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.protocol.messages.GetVariablesResponse;
import io.ocppbdd.protocol.messages.SetVariableData;
import io.ocppbdd.protocol.messages.SetVariableResult;
import io.ocppbdd.protocol.messages.SetVariablesRequest;
import io.ocppbdd.protocol.messages.SetVariablesResponse;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.rpc.CallFailedException;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** One station with two EVSEs (one connector each) booted against its own embedded CSMS, on virtual time. */
final class StationUnderTest implements AutoCloseable {

    static final String ID = "CS-DM";
    private static final long WAIT_SECONDS = 30;

    final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    final EmbeddedCsms csms = EmbeddedCsms.start("127.0.0.1", 0, null, time);
    final StateFile stateFile;
    final ChargingStation station;

    private StationUnderTest(Path folder, Map<String, String> deviceModel, String bootStatus) throws Exception {
        if (bootStatus != null) {
            csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("status", bootStatus)));
        }
        StationState state = StationState.withEvses(ID, 2);
        state.getDeviceModel().putAll(deviceModel);
        stateFile = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        station = ChargingStation.builder(state).csmsUrl(csms.url()).scheduler(time).stateFile(stateFile).build();
        station.start().get(WAIT_SECONDS, TimeUnit.SECONDS);
        BootStatus expected = bootStatus == null ? BootStatus.ACCEPTED : BootStatus.valueOf(bootStatus.toUpperCase());
        await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> station.bootStatus() == expected);
        if (bootStatus == null) {
            csms.request(ID, Action.StatusNotification, r -> r.payload().path("evseId").asInt() == 2)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        station.whenIdle().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A station the CSMS accepted. */
    static StationUnderTest booted(Path folder) throws Exception {
        return new StationUnderTest(folder, Map.of(), null);
    }

    /** A station the CSMS accepted, with these charge_point_state.json device-model values. */
    static StationUnderTest booted(Path folder, Map<String, String> deviceModel) throws Exception {
        return new StationUnderTest(folder, deviceModel, null);
    }

    /** A station the CSMS left Pending (B02). */
    static StationUnderTest pending(Path folder) throws Exception {
        return new StationUnderTest(folder, Map.of(), "Pending");
    }

    <T> T send(Object request, Class<T> responseType) throws Exception {
        return csms.send(ID, request, responseType).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The CALLERROR code the station answered this request with. */
    ErrorCode refusal(Object request) {
        CompletableFuture<?> answer = csms.send(ID, request, Object.class);
        ExecutionException failure = catchThrowableOfType(ExecutionException.class,
                () -> answer.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertThat(failure).as("the station answered with a CALLERROR").isNotNull();
        assertThat(failure.getCause()).isInstanceOf(CallFailedException.class);
        return ((CallFailedException) failure.getCause()).callError().errorCode();
    }

    List<GetVariableResult> get(GetVariableData... data) throws Exception {
        return send(new GetVariablesRequest().withGetVariableData(List.of(data)), GetVariablesResponse.class)
                .getGetVariableResult();
    }

    GetVariableResult get(GetVariableData data) throws Exception {
        return get(new GetVariableData[] {data}).get(0);
    }

    SetVariableResult set(SetVariableData data) throws Exception {
        return send(new SetVariablesRequest().withSetVariableData(List.of(data)), SetVariablesResponse.class)
                .getSetVariableResult().get(0);
    }

    static GetVariableData getData(Component component, Variable variable, AttributeEnum type) {
        return new GetVariableData().withComponent(component).withVariable(variable).withAttributeType(type);
    }

    static GetVariableData getData(String component, String variable) {
        return getData(component(component), variable(variable), null);
    }

    static SetVariableData setData(String component, String variable, String value) {
        return setData(component(component), variable(variable), null, value);
    }

    static SetVariableData setData(Component component, Variable variable, AttributeEnum type, String value) {
        return new SetVariableData().withComponent(component).withVariable(variable).withAttributeType(type)
                .withAttributeValue(value);
    }

    static Component component(String name) {
        return new Component().withName(name);
    }

    static Component evse(int id) {
        return new Component().withName("EVSE").withEvse(new EVSE().withId(id));
    }

    static Variable variable(String name) {
        return new Variable().withName(name);
    }

    static Variable variable(String name, String instance) {
        return new Variable().withName(name).withInstance(instance);
    }

    @Override
    public void close() {
        station.stop();
        csms.close();
    }
}
