package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.GetVariableData;
import io.ocppbdd.protocol.messages.GetVariableResult;
import io.ocppbdd.protocol.messages.GetVariableStatusEnum;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.protocol.messages.GetVariablesResponse;
import io.ocppbdd.protocol.messages.MutabilityEnum;
import io.ocppbdd.protocol.messages.SetVariableData;
import io.ocppbdd.protocol.messages.SetVariableResult;
import io.ocppbdd.protocol.messages.SetVariableStatusEnum;
import io.ocppbdd.protocol.messages.SetVariablesRequest;
import io.ocppbdd.protocol.messages.SetVariablesResponse;
import io.ocppbdd.protocol.messages.StatusInfo;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;

import java.util.Optional;

/** GetVariables (B06) and SetVariables (B05) on the station's {@link DeviceModel}. */
public final class DeviceModelModule implements StationModule {

    private static final int MAX_REASON_LENGTH = 20;

    @Override
    public void install(StationContext context) {
        context.handle(Action.GetVariables, CallHandler.of(GetVariablesRequest.class,
                request -> getVariables(context.deviceModel(), request)));
        context.handle(Action.SetVariables, CallHandler.of(SetVariablesRequest.class,
                request -> setVariables(context, request)));
    }

    static GetVariablesResponse getVariables(DeviceModel model, GetVariablesRequest request) {
        return new GetVariablesResponse().withGetVariableResult(request.getGetVariableData().stream()
                .map(data -> getVariable(model, data)).toList());
    }

    private static GetVariableResult getVariable(DeviceModel model, GetVariableData data) {
        AttributeEnum type = data.getAttributeType() == null ? AttributeEnum.ACTUAL : data.getAttributeType();
        GetVariableResult result = new GetVariableResult().withComponent(data.getComponent())
                .withVariable(data.getVariable()).withAttributeType(data.getAttributeType());
        VariableKey key = key(data.getComponent(), data.getVariable());
        if (!model.hasComponent(key)) {
            return result.withAttributeStatus(GetVariableStatusEnum.UNKNOWN_COMPONENT);
        }
        Optional<io.ocppbdd.station.devicemodel.Variable> variable = model.find(key);
        if (variable.isEmpty()) {
            return result.withAttributeStatus(GetVariableStatusEnum.UNKNOWN_VARIABLE);
        }
        Optional<io.ocppbdd.station.devicemodel.Variable.Attribute> attribute = variable.get().attribute(type);
        if (attribute.isEmpty()) {
            return result.withAttributeStatus(GetVariableStatusEnum.NOT_SUPPORTED_ATTRIBUTE_TYPE);
        }
        if (attribute.get().mutability() == MutabilityEnum.WRITE_ONLY) {
            return result.withAttributeStatus(GetVariableStatusEnum.REJECTED)
                    .withAttributeStatusInfo(info("WriteOnly", "the variable can be set but not read"));
        }
        String value = attribute.get().value() == null ? "" : attribute.get().value();
        return result.withAttributeStatus(GetVariableStatusEnum.ACCEPTED).withAttributeValue(value);
    }

    private static SetVariablesResponse setVariables(StationContext context, SetVariablesRequest request) {
        return new SetVariablesResponse().withSetVariableResult(request.getSetVariableData().stream()
                .map(data -> setVariable(context, data)).toList());
    }

    private static SetVariableResult setVariable(StationContext context, SetVariableData data) {
        DeviceModel model = context.deviceModel();
        AttributeEnum type = data.getAttributeType() == null ? AttributeEnum.ACTUAL : data.getAttributeType();
        SetVariableResult result = new SetVariableResult().withComponent(data.getComponent())
                .withVariable(data.getVariable()).withAttributeType(type);
        VariableKey key = key(data.getComponent(), data.getVariable());
        if (!model.hasComponent(key)) {
            return result.withAttributeStatus(SetVariableStatusEnum.UNKNOWN_COMPONENT);
        }
        Optional<io.ocppbdd.station.devicemodel.Variable> variable = model.find(key);
        if (variable.isEmpty()) {
            return result.withAttributeStatus(SetVariableStatusEnum.UNKNOWN_VARIABLE);
        }
        Optional<io.ocppbdd.station.devicemodel.Variable.Attribute> attribute = variable.get().attribute(type);
        if (attribute.isEmpty()) {
            return result.withAttributeStatus(SetVariableStatusEnum.NOT_SUPPORTED_ATTRIBUTE_TYPE);
        }
        Optional<String> problem = variable.get().checkValue(data.getAttributeValue());
        if (problem.isPresent()) {
            return result.withAttributeStatus(SetVariableStatusEnum.REJECTED)
                    .withAttributeStatusInfo(info("InvalidValue", problem.get()));
        }
        if (attribute.get().mutability() == MutabilityEnum.READ_ONLY || attribute.get().constant()) {
            return result.withAttributeStatus(SetVariableStatusEnum.REJECTED)
                    .withAttributeStatusInfo(info("ReadOnly", "the variable is read-only"));
        }
        model.setInternally(key, type, data.getAttributeValue());
        if (attribute.get().persistent() && type == AttributeEnum.ACTUAL) {
            context.state().getDeviceModel().put(key.toString(), data.getAttributeValue());
            context.saveState();
        }
        return result.withAttributeStatus(variable.get().rebootRequired()
                ? SetVariableStatusEnum.REBOOT_REQUIRED : SetVariableStatusEnum.ACCEPTED);
    }

    private static VariableKey key(Component component, Variable variable) {
        EVSE evse = component.getEvse();
        return new VariableKey(component.getName(), component.getInstance(),
                evse == null ? null : evse.getId(), evse == null ? null : evse.getConnectorId(),
                variable.getName(), variable.getInstance());
    }

    private static StatusInfo info(String reason, String detail) {
        return new StatusInfo().withReasonCode(reason.substring(0, Math.min(reason.length(), MAX_REASON_LENGTH)))
                .withAdditionalInfo(detail.length() > 512 ? detail.substring(0, 512) : detail);
    }
}
