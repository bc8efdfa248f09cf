package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.MutabilityEnum;
import io.ocppbdd.protocol.messages.SetVariableData;
import io.ocppbdd.protocol.messages.SetVariableResult;
import io.ocppbdd.protocol.messages.SetVariableStatusEnum;
import io.ocppbdd.protocol.messages.SetVariablesRequest;
import io.ocppbdd.protocol.messages.SetVariablesResponse;
import io.ocppbdd.station.StationContext;

import java.util.Optional;

/**
 * Answers SetVariablesRequest (B05): checks each value, stores it (persistent ones also in the state file, Part 2
 * §2) and tells {@link DeviceModel#onChange} listeners, so the new value takes effect at once.
 */
final class VariableSetter {

    private final StationContext context;
    private final MessageLimits limits;

    VariableSetter(StationContext context, MessageLimits limits) {
        this.context = context;
        this.limits = limits;
    }

    SetVariablesResponse answer(SetVariablesRequest request) {
        SetVariablesResponse response = new SetVariablesResponse().withSetVariableResult(
                request.getSetVariableData().stream().map(this::set).toList());
        if (response.getSetVariableResult().stream().anyMatch(VariableSetter::changed)) {
            context.saveState();
        }
        return response;
    }

    private SetVariableResult set(SetVariableData data) {
        DeviceModel model = context.deviceModel();
        AttributeEnum type = data.getAttributeType() == null ? AttributeEnum.ACTUAL : data.getAttributeType();
        SetVariableResult result = new SetVariableResult().withComponent(data.getComponent())
                .withVariable(data.getVariable()).withAttributeType(type);
        VariableKey key = ComponentVariables.key(data.getComponent(), data.getVariable());
        if (!model.hasComponent(key)) {
            return result.withAttributeStatus(SetVariableStatusEnum.UNKNOWN_COMPONENT);
        }
        Optional<Variable> variable = model.find(key);
        if (variable.isEmpty()) {
            return result.withAttributeStatus(SetVariableStatusEnum.UNKNOWN_VARIABLE);
        }
        Optional<Variable.Attribute> attribute = variable.get().attribute(type);
        if (attribute.isEmpty()) {
            return result.withAttributeStatus(SetVariableStatusEnum.NOT_SUPPORTED_ATTRIBUTE_TYPE);
        }
        String value = data.getAttributeValue();
        Optional<Variable.Problem> problem = value.length() > limits.configurationValueSize()
                ? Optional.of(new Variable.Problem("TooLargeElement", "longer than DeviceDataCtrlr "
                        + "ConfigurationValueSize/ValueSize " + limits.configurationValueSize()))
                : variable.get().checkValue(value);
        if (problem.isPresent()) {
            return result.withAttributeStatus(SetVariableStatusEnum.REJECTED).withAttributeStatusInfo(
                    ComponentVariables.info(problem.get().reasonCode(), key + ": " + problem.get().detail()));
        }
        if (attribute.get().mutability() == MutabilityEnum.READ_ONLY) {
            return result.withAttributeStatus(SetVariableStatusEnum.REJECTED)
                    .withAttributeStatusInfo(ComponentVariables.info("ReadOnly", key + " is read-only"));
        }
        model.setInternally(key, type, value);
        if (attribute.get().persistent()) {
            context.state().getDeviceModel().put(DeviceModel.stateKey(key, type), value);
        }
        return result.withAttributeStatus(variable.get().rebootRequired()
                ? SetVariableStatusEnum.REBOOT_REQUIRED : SetVariableStatusEnum.ACCEPTED);
    }

    private static boolean changed(SetVariableResult result) {
        return result.getAttributeStatus() == SetVariableStatusEnum.ACCEPTED
                || result.getAttributeStatus() == SetVariableStatusEnum.REBOOT_REQUIRED;
    }
}
