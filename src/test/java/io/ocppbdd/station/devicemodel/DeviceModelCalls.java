package io.ocppbdd.station.devicemodel;

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
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The device-model calls a CSMS makes (GetVariables, SetVariables) and their data, against a {@link TestHarness}
 * station with two EVSEs whose state is saved in a file of the test's folder.
 */
final class DeviceModelCalls {

    static final String ID = "CS-DM";

    private DeviceModelCalls() {
    }

    /** A station the CSMS accepted. */
    static Station booted(TestHarness harness, Path folder) {
        return booted(harness, folder, Map.of());
    }

    /** A station the CSMS accepted, with these charge_point_state.json device-model values. */
    static Station booted(TestHarness harness, Path folder, Map<String, String> deviceModel) {
        return harness.boot(state(deviceModel), new StateFile(folder.resolve(StateFile.DEFAULT_NAME)));
    }

    /** A station the CSMS left Pending (B02). */
    static Station pending(TestHarness harness, Path folder) {
        harness.csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("status", "Pending")));
        Station station = harness.connect(state(Map.of()), new StateFile(folder.resolve(StateFile.DEFAULT_NAME)));
        TestHarness.join(station.driver.bootStatus(BootStatus.PENDING));
        station.idle();
        return station;
    }

    private static StationState state(Map<String, String> deviceModel) {
        StationState state = StationState.withEvses(ID, 2);
        state.getDeviceModel().putAll(deviceModel);
        return state;
    }

    /** The station's state as saved in its file. */
    static StationState saved(Station station) {
        return new StateFile(station.driver.stateFile()).load();
    }

    static <T> T send(Station station, Object request, Class<T> responseType) {
        return TestHarness.join(station.csms.send(station.id, request, responseType));
    }

    /** The CALLERROR code the station answered this request with. */
    static ErrorCode refusal(Station station, Object request) {
        CompletableFuture<?> answer = station.csms.send(station.id, request, Object.class);
        ExecutionException failure = catchThrowableOfType(ExecutionException.class,
                () -> answer.get(TestHarness.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertThat(failure).as("the station answered with a CALLERROR").isNotNull();
        assertThat(failure.getCause()).isInstanceOf(CallFailedException.class);
        return ((CallFailedException) failure.getCause()).callError().errorCode();
    }

    static List<GetVariableResult> get(Station station, GetVariableData... data) {
        return send(station, new GetVariablesRequest().withGetVariableData(List.of(data)), GetVariablesResponse.class)
                .getGetVariableResult();
    }

    static GetVariableResult get(Station station, GetVariableData data) {
        return get(station, new GetVariableData[] {data}).get(0);
    }

    static SetVariableResult set(Station station, SetVariableData data) {
        return send(station, new SetVariablesRequest().withSetVariableData(List.of(data)), SetVariablesResponse.class)
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
}
