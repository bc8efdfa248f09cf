package io.ocppbdd.station.devicemodel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.DataEnum;
import io.ocppbdd.protocol.messages.MutabilityEnum;
import io.ocppbdd.station.state.EvseState;

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

/**
 * The station's device model (Part 1 §4, Part 2 appendix): components with variables and their attributes,
 * seeded from {@code device-model.yaml} and overridden by the state file. Used on the station's loop only.
 */
public final class DeviceModel {

    private static final String SEED = "/io/ocppbdd/station/devicemodel/device-model.yaml";

    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final List<BiConsumer<Variable, String>> listeners = new CopyOnWriteArrayList<>();

    private DeviceModel() {
    }

    /** The standard device model for a station with these EVSEs and connectors. */
    public static DeviceModel standard(List<EvseState> evses) {
        try (InputStream in = DeviceModel.class.getResourceAsStream(SEED)) {
            return fromSeed(new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<SeedEntry>>() {
            }), evses);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the device-model seed " + SEED, e);
        }
    }

    /** A device model built from seed entries, EVSE and connector scoped ones repeated per EVSE/connector. */
    public static DeviceModel fromSeed(List<SeedEntry> entries, List<EvseState> evses) {
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
                    new Variable.Attribute(MutabilityEnum.READ_WRITE, persistent, false, null)));
        }
        variables.put(key.toString(), variable);
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
    public boolean hasComponent(VariableKey key) {
        String componentKey = key.componentKey();
        return variables.values().stream().anyMatch(v -> v.key().componentKey().equals(componentKey));
    }

    /** The Actual value of a station-wide variable. */
    public Optional<String> actual(String component, String variable) {
        return actual(VariableKey.of(component, variable));
    }

    public Optional<String> actual(VariableKey key) {
        return find(key).flatMap(v -> v.attribute(AttributeEnum.ACTUAL)).map(Variable.Attribute::value);
    }

    /** The Actual value as an int, or the fallback when unset or unreadable. */
    public int intValue(String component, String variable, int fallback) {
        return actual(component, variable).map(value -> {
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

    /** Told after an attribute value changed: the variable and the attribute type's name. */
    public void onChange(BiConsumer<Variable, String> listener) {
        listeners.add(listener);
    }

    /**
     * Applies values from the state file, keyed as {@link VariableKey#toString()} (Actual attribute).
     *
     * @throws IllegalArgumentException naming the first key that the model does not have or whose value is invalid
     */
    public void applyOverrides(Map<String, String> overrides) {
        overrides.forEach((key, value) -> {
            Variable variable = variables.get(key);
            if (variable == null) {
                throw new IllegalArgumentException("device model has no variable \"" + key + "\"");
            }
            Optional<String> problem = variable.checkValue(value);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("device model value for \"" + key + "\": " + problem.get());
            }
            variable.attribute(AttributeEnum.ACTUAL).orElseThrow().value(value);
        });
    }
}
