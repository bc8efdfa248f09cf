package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.DataEnum;
import io.ocppbdd.protocol.messages.MutabilityEnum;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** One variable of the device model: its characteristics and its attributes (Actual, Target, MinSet, MaxSet). */
public final class Variable {

    private final VariableKey key;
    private final DataEnum dataType;
    private final String unit;
    private final BigDecimal minLimit;
    private final BigDecimal maxLimit;
    private final List<String> valuesList;
    private final boolean rebootRequired;
    private final Map<AttributeEnum, Attribute> attributes = new EnumMap<>(AttributeEnum.class);

    Variable(VariableKey key, DataEnum dataType, String unit, BigDecimal minLimit, BigDecimal maxLimit,
             List<String> valuesList, boolean rebootRequired) {
        this.key = key;
        this.dataType = dataType;
        this.unit = unit;
        this.minLimit = minLimit;
        this.maxLimit = maxLimit;
        this.valuesList = valuesList == null ? List.of() : List.copyOf(valuesList);
        this.rebootRequired = rebootRequired;
    }

    public VariableKey key() {
        return key;
    }

    DataEnum dataType() {
        return dataType;
    }

    String unit() {
        return unit;
    }

    BigDecimal minLimit() {
        return minLimit;
    }

    public BigDecimal maxLimit() {
        return maxLimit;
    }

    public List<String> valuesList() {
        return valuesList;
    }

    /** Whether a new value only takes effect after a reboot (SetVariables answers RebootRequired). */
    boolean rebootRequired() {
        return rebootRequired;
    }

    Optional<Attribute> attribute(AttributeEnum type) {
        return Optional.ofNullable(attributes.get(type));
    }

    Map<AttributeEnum, Attribute> attributes() {
        return attributes;
    }

    void addAttribute(AttributeEnum type, Attribute attribute) {
        attributes.put(type, attribute);
    }

    /** Why a value does not fit this variable (B05.FR.07/08), or empty when it fits. */
    public Optional<Problem> checkValue(String value) {
        if (value == null) {
            return Optional.of(new Problem("MissingParam", "a value is required"));
        }
        try {
            return switch (dataType) {
                case INTEGER -> checkRange(new BigDecimal(Integer.parseInt(value.trim())));
                case DECIMAL -> checkRange(new BigDecimal(value.trim()));
                case BOOLEAN -> "true".equals(value) || "false".equals(value)
                        ? Optional.empty() : Optional.of(new Problem("InvalidValue", "must be true or false"));
                case DATE_TIME -> {
                    OffsetDateTime.parse(value);
                    yield Optional.empty();
                }
                case OPTION_LIST -> valuesList.contains(value)
                        ? Optional.empty() : Optional.of(new Problem("InvalidValue", "must be one of " + valuesList));
                case MEMBER_LIST, SEQUENCE_LIST -> checkMembers(value);
                default -> checkLength(value);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.of(new Problem("InvalidValue", "'" + value + "' is not a valid " + dataType.value()));
        }
    }

    private Optional<Problem> checkMembers(String value) {
        List<String> members = value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
        if (!valuesList.isEmpty() && !valuesList.containsAll(members)) {
            return Optional.of(new Problem("InvalidValue", "members must be among " + valuesList));
        }
        if (members.size() != new HashSet<>(members).size()) {
            return Optional.of(new Problem("InvalidValue", "a member is listed twice"));
        }
        return checkLength(value);
    }

    private Optional<Problem> checkRange(BigDecimal number) {
        if (minLimit != null && number.compareTo(minLimit) < 0) {
            return Optional.of(new Problem("ValueTooLow", "below the minimum " + minLimit.toPlainString()));
        }
        if (maxLimit != null && number.compareTo(maxLimit) > 0) {
            return Optional.of(new Problem("ValueTooHigh", "above the maximum " + maxLimit.toPlainString()));
        }
        return Optional.empty();
    }

    private Optional<Problem> checkLength(String value) {
        if (maxLimit != null && value.length() > maxLimit.intValue()) {
            return Optional.of(new Problem("ValueTooHigh", "longer than " + maxLimit.intValue() + " characters"));
        }
        return Optional.empty();
    }

    /**
     * Why a value was refused.
     *
     * @param reasonCode a reason code of the Part 2 appendix (InvalidValue, ValueTooLow, ValueTooHigh, ...)
     * @param detail     for people
     */
    public record Problem(String reasonCode, String detail) {
    }

    /** One attribute value with its mutability. */
    static final class Attribute {
        private final MutabilityEnum mutability;
        private final boolean persistent;
        private final boolean constant;
        private String value;
        private Supplier<String> source;

        Attribute(MutabilityEnum mutability, boolean persistent, boolean constant, String value) {
            this.mutability = mutability;
            this.persistent = persistent;
            this.constant = constant;
            this.value = value;
        }

        MutabilityEnum mutability() {
            return mutability;
        }

        boolean persistent() {
            return persistent;
        }

        boolean constant() {
            return constant;
        }

        /** The value, or null when unset. */
        String value() {
            return source == null ? value : source.get();
        }

        void value(String newValue) {
            this.value = newValue;
            this.source = null;
        }

        void bind(Supplier<String> liveSource) {
            this.source = liveSource;
        }
    }
}
