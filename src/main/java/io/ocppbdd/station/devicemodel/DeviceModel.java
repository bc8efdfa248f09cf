package io.ocppbdd.station.devicemodel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.DataEnum;
import io.ocppbdd.protocol.messages.MutabilityEnum;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.StationState;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The station's device model (Part 1 §4, Part 2 appendix): components with variables and their attributes,
 * seeded from {@code device-model.yaml} and overridden by the state file. Used on the station's loop only.
 */
public final class DeviceModel {

    private static final String SEED = "/io/ocppbdd/station/devicemodel/device-model.yaml";
    private static final Pattern TYPED_KEY = Pattern.compile("(.+)\\[(\\w+)]");

    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final List<BiConsumer<Variable, String>> listeners = new CopyOnWriteArrayList<>();

    private DeviceModel() {
    }

    /**
     * The standard device model for this station: its EVSEs and connectors, with VendorName, Model, SerialNumber,
     * Identity, SecurityProfile, ConnectorType and AvailabilityState taken from the state, and each EVSE's Power
     * MaxSet at what the EVSE can deliver (its maxLimit), so that no ReadWrite attribute is reported without a
     * value (only WriteOnly ones may be, B07). The state's
     * {@code deviceModel} overrides are not applied yet (see {@link #applyOverrides}).
     */
    public static DeviceModel forStation(StationState state) {
        DeviceModel model = standard(state.getEvses());
        StationState.Identity identity = state.getIdentity();
        model.seedActual(VariableKey.of("ChargingStation", "VendorName"), identity.vendorName());
        model.seedActual(VariableKey.of("ChargingStation", "Model"), identity.model());
        model.seedActual(VariableKey.of("ChargingStation", "SerialNumber"), identity.serialNumber());
        model.seedActual(VariableKey.of("SecurityCtrlr", "Identity"), identity.id());
        model.seedActual(VariableKey.of("SecurityCtrlr", "SecurityProfile"),
                String.valueOf(state.getCsms().getSecurityProfile()));
        for (EvseState evse : state.getEvses()) {
            model.find(new VariableKey("EVSE", null, evse.getId(), null, "Power", null))
                    .ifPresent(power -> power.attribute(AttributeEnum.MAX_SET)
                            .ifPresent(maxSet -> maxSet.value(power.maxLimit().toPlainString())));
            for (EvseState.ConnectorState connector : evse.getConnectors()) {
                VariableKey type = new VariableKey("Connector", null, evse.getId(), connector.getId(),
                        "ConnectorType", null);
                VariableKey availability = new VariableKey("Connector", null, evse.getId(), connector.getId(),
                        "AvailabilityState", null);
                model.seedActual(type, connector.getType());
                model.seedActual(availability, connector.getStatus());
            }
        }
        return model;
    }

    private void seedActual(VariableKey key, String value) {
        if (value != null) {
            find(key).flatMap(v -> v.attribute(AttributeEnum.ACTUAL)).ifPresent(attribute -> attribute.value(value));
        }
    }

    /** The standard device model for a station with these EVSEs and connectors. */
    static DeviceModel standard(List<EvseState> evses) {
        return fromSeed(StandardSeed.ENTRIES, evses);
    }

    /** The seed file, read once per process: thousands of stations share its (immutable) entries. */
    private static final class StandardSeed {
        private static final List<SeedEntry> ENTRIES = read();

        private static List<SeedEntry> read() {
            try (InputStream in = DeviceModel.class.getResourceAsStream(SEED)) {
                return List.copyOf(new ObjectMapper(new YAMLFactory()).readValue(in,
                        new TypeReference<List<SeedEntry>>() {
                        }));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the device-model seed " + SEED, e);
            }
        }
    }

    /** A device model built from seed entries, EVSE and connector scoped ones repeated per EVSE/connector. */
    static DeviceModel fromSeed(List<SeedEntry> entries, List<EvseState> evses) {
        DeviceModel model = new DeviceModel();
        for (SeedEntry entry : entries) {
            String scope = entry.scope() == null ? "station" : entry.scope();
            switch (scope) {
                case "station" -> model.add(entry, null, null);
                case "evse" -> evses.forEach(evse -> model.add(entry, evse.getId(), null));
                case "connector" -> evses.forEach(evse -> evse.getConnectors()
                        .forEach(connector -> model.add(entry, evse.getId(), connector.getId())));
                default -> throw new IllegalArgumentException("device model: " + entry.component() + "."
                        + entry.variable() + " has scope '" + scope + "' (use station, evse or connector)");
            }
        }
        return model;
    }

    private void add(SeedEntry entry, Integer evseId, Integer connectorId) {
        VariableKey key = new VariableKey(entry.component(), entry.componentInstance(), evseId, connectorId,
                entry.variable(), entry.variableInstance());
        Variable variable = new Variable(key, DataEnum.fromValue(entry.dataType()), entry.unit(), entry.minLimit(),
                entry.maxLimit(), entry.valuesList(), Boolean.TRUE.equals(entry.rebootRequired()));
        MutabilityEnum mutability = entry.mutability() == null
                ? MutabilityEnum.READ_WRITE : MutabilityEnum.fromValue(entry.mutability());
        boolean persistent = entry.persistent() == null || entry.persistent();
        variable.addAttribute(AttributeEnum.ACTUAL, new Variable.Attribute(mutability, persistent,
                Boolean.TRUE.equals(entry.constant()), entry.value()));
        if (entry.extraAttributes() != null) {
            entry.extraAttributes().forEach(type -> variable.addAttribute(AttributeEnum.fromValue(type),
                    new Variable.Attribute(MutabilityEnum.READ_WRITE, true, false, null)));
        }
        if (variables.putIfAbsent(key.toString(), variable) != null) {
            throw new IllegalArgumentException("device model: " + key + " is declared twice in the seed");
        }
    }

    /** Every variable, in seed order. */
    public List<Variable> variables() {
        return new ArrayList<>(variables.values());
    }

    /** The variable with this key, if the model has it. */
    public Optional<Variable> find(VariableKey key) {
        return Optional.ofNullable(variables.get(key.toString()));
    }

    /** Whether any variable belongs to this component (name, instance, EVSE and connector). */
    boolean hasComponent(VariableKey key) {
        String componentKey = key.componentKey();
        return variables.values().stream().anyMatch(v -> v.key().componentKey().equals(componentKey));
    }

    /** The Actual value of a station-wide variable. */
    public Optional<String> actual(String component, String variable) {
        return actual(VariableKey.of(component, variable));
    }

    /** The Actual value of any variable, if the model has it and it is set. */
    public Optional<String> actual(VariableKey key) {
        return find(key).flatMap(v -> v.attribute(AttributeEnum.ACTUAL)).map(Variable.Attribute::value);
    }

    /** The Actual value as an int, or the fallback when unset or unreadable. */
    public int intValue(String component, String variable, int fallback) {
        return intValue(VariableKey.of(component, variable), fallback);
    }

    /** The Actual value of any variable (e.g. one with an instance) as an int, or the fallback. */
    public int intValue(VariableKey key, int fallback) {
        return actual(key).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    /** The Actual value, read as seconds. */
    public Duration seconds(String component, String variable, int fallbackSeconds) {
        return Duration.ofSeconds(intValue(component, variable, fallbackSeconds));
    }

    /** Sets an attribute value without any checks, as the station itself does (never from the CSMS). */
    public void setInternally(VariableKey key, AttributeEnum type, String value) {
        Variable variable = find(key).orElseThrow(() -> new IllegalArgumentException("no variable " + key));
        Variable.Attribute attribute = variable.attribute(type)
                .orElseThrow(() -> new IllegalArgumentException(key + " has no " + type.value() + " attribute"));
        attribute.value(value);
        listeners.forEach(listener -> listener.accept(variable, type.value()));
    }

    /**
     * Makes the Actual value of a variable live: every read asks the source (e.g. ClockCtrlr.DateTime from the
     * clock, a reading from a meter). Replaces any stored value.
     */
    void bindActual(VariableKey key, Supplier<String> source) {
        find(key).flatMap(v -> v.attribute(AttributeEnum.ACTUAL))
                .orElseThrow(() -> new IllegalArgumentException("no variable " + key))
                .bind(source);
    }

    /** Told after an attribute value changed: the variable and the attribute type's name. */
    public void onChange(BiConsumer<Variable, String> listener) {
        listeners.add(listener);
    }

    /**
     * Applies values from the state file, keyed as {@link VariableKey#toString()} for the Actual attribute, or with
     * the attribute type appended in brackets for the others ({@code EVSE@1.Power[MaxSet]}).
     *
     * @throws IllegalArgumentException naming the first key that the model does not have or whose value is invalid
     */
    public void applyOverrides(Map<String, String> overrides) {
        overrides.forEach((key, value) -> {
            Matcher typed = TYPED_KEY.matcher(key);
            String variableKey = typed.matches() ? typed.group(1) : key;
            Variable variable = variables.get(variableKey);
            if (variable == null) {
                throw new IllegalArgumentException("device model has no variable \"" + variableKey
                        + "\" (keys look like OCPPCommCtrlr.HeartbeatInterval, EVSE@1.AvailabilityState, "
                        + "Connector@1/1.ConnectorType, OCPPCommCtrlr.MessageTimeout:Default)");
            }
            AttributeEnum type = typed.matches() ? attributeType(typed.group(2), key) : AttributeEnum.ACTUAL;
            Variable.Attribute attribute = variable.attribute(type).orElseThrow(() -> new IllegalArgumentException(
                    "device model variable \"" + variableKey + "\" has no " + type.value() + " attribute"));
            Optional<Variable.Problem> problem = variable.checkValue(value);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("device model value for \"" + key + "\": "
                        + problem.get().detail());
            }
            attribute.value(value);
        });
    }

    /** The key under which the state file keeps this attribute's value (see {@link #applyOverrides}). */
    public static String stateKey(VariableKey key, AttributeEnum type) {
        return type == AttributeEnum.ACTUAL ? key.toString() : key + "[" + type.value() + "]";
    }

    private static AttributeEnum attributeType(String name, String key) {
        try {
            return AttributeEnum.fromValue(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device model key \"" + key + "\": attribute type must be one of "
                    + "Actual, Target, MinSet, MaxSet", e);
        }
    }
}
