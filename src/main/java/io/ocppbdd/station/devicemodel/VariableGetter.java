package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.GetVariableData;
import io.ocppbdd.protocol.messages.GetVariableResult;
import io.ocppbdd.protocol.messages.GetVariableStatusEnum;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.protocol.messages.GetVariablesResponse;
import io.ocppbdd.protocol.messages.MutabilityEnum;

import java.util.Optional;

/** Answers GetVariablesRequest (B06): one result per requested attribute, in request order. */
final class VariableGetter {

    private final DeviceModel model;
    private final MessageLimits limits;

    VariableGetter(DeviceModel model, MessageLimits limits) {
        this.model = model;
        this.limits = limits;
    }

    GetVariablesResponse answer(GetVariablesRequest request) {
        return new GetVariablesResponse().withGetVariableResult(request.getGetVariableData().stream()
                .map(this::get).toList());
    }

    private GetVariableResult get(GetVariableData data) {
        AttributeEnum type = data.getAttributeType() == null ? AttributeEnum.ACTUAL : data.getAttributeType();
        GetVariableResult result = new GetVariableResult().withComponent(data.getComponent())
                .withVariable(data.getVariable()).withAttributeType(type);
        VariableKey key = ComponentVariables.key(data.getComponent(), data.getVariable());
        if (!model.hasComponent(key)) {
            return result.withAttributeStatus(GetVariableStatusEnum.UNKNOWN_COMPONENT);
        }
        Optional<Variable> variable = model.find(key);
        if (variable.isEmpty()) {
            return result.withAttributeStatus(GetVariableStatusEnum.UNKNOWN_VARIABLE);
        }
        Optional<Variable.Attribute> attribute = variable.get().attribute(type);
        if (attribute.isEmpty()) {
            return result.withAttributeStatus(GetVariableStatusEnum.NOT_SUPPORTED_ATTRIBUTE_TYPE);
        }
        if (attribute.get().mutability() == MutabilityEnum.WRITE_ONLY) {
            return result.withAttributeStatus(GetVariableStatusEnum.REJECTED)
                    .withAttributeStatusInfo(ComponentVariables.info("WriteOnly", key + " can be set, not read"));
        }
        String value = attribute.get().value() == null ? "" : attribute.get().value();
        return result.withAttributeStatus(GetVariableStatusEnum.ACCEPTED)
                .withAttributeValue(ComponentVariables.cut(value, limits.reportingValueSize()));
    }
}
