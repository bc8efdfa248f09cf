package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.MutabilityEnum;
import io.ocppbdd.protocol.messages.ReportBaseEnum;
import io.ocppbdd.protocol.messages.ReportData;
import io.ocppbdd.protocol.messages.VariableAttribute;
import io.ocppbdd.protocol.messages.VariableCharacteristics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The content of a base report (B07): which variables it lists and how each is reported. */
final class BaseReport {

    /** Variables of any component that tell of a problem when true (B07.FR.09). */
    private static final Set<String> PROBLEM_VARIABLES = Set.of("Active", "Problem", "Tripped", "Overload", "Fallback");
    private static final int MAX_VALUES_LIST = 1000;

    private final DeviceModel model;
    private final int valueSize;

    BaseReport(DeviceModel model, int valueSize) {
        this.model = model;
        this.valueSize = valueSize;
    }

    /** Every report item of this base, in device-model order. */
    List<ReportData> items(ReportBaseEnum base) {
        return switch (base) {
            case CONFIGURATION_INVENTORY -> report(BaseReport::settable, true);
            case FULL_INVENTORY -> report(variable -> true, true);
            case SUMMARY_INVENTORY -> report(BaseReport::summarised, false);
        };
    }

    private List<ReportData> report(Predicate<Variable> selected, boolean withCharacteristics) {
        return model.variables().stream().filter(selected).map(variable -> {
            ReportData data = new ReportData().withComponent(ComponentVariables.component(variable.key()))
                    .withVariable(ComponentVariables.variable(variable.key()))
                    .withVariableAttribute(attributes(variable));
            return withCharacteristics ? data.withVariableCharacteristics(characteristics(variable)) : data;
        }).toList();
    }

    /** B07.FR.07: what the operator can set. */
    private static boolean settable(Variable variable) {
        return variable.attributes().values().stream().anyMatch(a -> a.mutability() != MutabilityEnum.READ_ONLY);
    }

    /** B07.FR.09: availability of station, EVSEs and connectors, and components in an abnormal state. */
    private static boolean summarised(Variable variable) {
        String name = variable.key().variable();
        return name.equals("AvailabilityState") || PROBLEM_VARIABLES.contains(name)
                && variable.attribute(AttributeEnum.ACTUAL).map(a -> "true".equals(a.value())).orElse(false);
    }

    /** B07.FR.11: every supported attribute type, even unset; B07.FR.03 (errata): no value of WriteOnly ones. */
    private List<VariableAttribute> attributes(Variable variable) {
        return variable.attributes().entrySet().stream().map(entry -> attribute(entry.getKey(), entry.getValue()))
                .toList();
    }

    private VariableAttribute attribute(AttributeEnum type, Variable.Attribute attribute) {
        String value = attribute.mutability() == MutabilityEnum.WRITE_ONLY ? null : attribute.value();
        return new VariableAttribute().withType(type).withValue(ComponentVariables.cut(value, valueSize))
                .withMutability(attribute.mutability()).withPersistent(attribute.persistent())
                .withConstant(attribute.constant());
    }

    private static VariableCharacteristics characteristics(Variable variable) {
        return new VariableCharacteristics().withDataType(variable.dataType()).withUnit(variable.unit())
                .withMinLimit(toDouble(variable.minLimit())).withMaxLimit(toDouble(variable.maxLimit()))
                .withValuesList(variable.valuesList().isEmpty() ? null
                        : ComponentVariables.cut(String.join(",", variable.valuesList()), MAX_VALUES_LIST))
                .withSupportsMonitoring(false);
    }

    private static Double toDouble(BigDecimal limit) {
        return limit == null ? null : limit.doubleValue();
    }
}
