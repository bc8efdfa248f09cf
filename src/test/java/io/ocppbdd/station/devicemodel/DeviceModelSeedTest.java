package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.DataEnum;
import io.ocppbdd.protocol.messages.MutabilityEnum;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed file {@code device-model.yaml} against the source of truth: OCPP 2.0.1 Part 2 Appendices,
 * {@code Appendices_CSV_v1.4/dm_components_vars.csv} (OCA, shipped unchanged under src/test/resources), column
 * "Required?", and Part 2 §2 "Referenced Components and Variables" for the characteristics.
 */
class DeviceModelSeedTest {

    private static final String CSV = "Appendices_CSV_v1.4/dm_components_vars.csv";
    /** The controllers of the Core profile plus the charging infrastructure components. */
    private static final Set<String> CORE = Set.of("OCPPCommCtrlr", "SecurityCtrlr", "AuthCtrlr", "TxCtrlr",
            "SampledDataCtrlr", "AlignedDataCtrlr", "ClockCtrlr", "DeviceDataCtrlr", "ChargingStation", "EVSE",
            "Connector");
    private static final Set<DataEnum> LISTS = Set.of(DataEnum.OPTION_LIST, DataEnum.MEMBER_LIST,
            DataEnum.SEQUENCE_LIST);

    /** Where Part 2 §2 gives another data type than the CSV: §2.1.6 NetworkConfigurationPriority. */
    private static final Map<String, String> PART2_DATA_TYPES = Map.of("NetworkConfigurationPriority", "SequenceList");

    private final StationState state = StationState.withEvses("CS-SEED", 2);
    private final DeviceModel model = DeviceModel.forStation(state);

    @Test
    @DisplayName("B07.FR.08: every variable the Appendices CSV marks required for the Core controllers, "
            + "ChargingStation, EVSE and Connector is seeded, on every EVSE and connector")
    void seedsEveryRequiredVariable() throws IOException {
        List<String[]> required = requiredRows();
        assertThat(required).hasSizeGreaterThan(40);
        for (String[] row : required) {
            String component = row[0];
            String instance = row[2].isEmpty() ? null : row[2];
            List<VariableKey> keys = switch (component) {
                case "EVSE" -> List.of(new VariableKey(component, null, 1, null, row[1], instance),
                        new VariableKey(component, null, 2, null, row[1], instance));
                case "Connector" -> List.of(new VariableKey(component, null, 1, 1, row[1], instance),
                        new VariableKey(component, null, 2, 1, row[1], instance));
                default -> List.of(new VariableKey(component, null, null, null, row[1], instance));
            };
            keys.forEach(key -> assertThat(model.find(key)).as("%s (required by %s)", key, CSV).isPresent());
        }
    }

    @Test
    @DisplayName("Seeded data types match the Appendices CSV (passwordString/identifierString are strings) "
            + "or, where they differ, Part 2 §2")
    void dataTypesMatchTheCsv() throws IOException {
        for (String[] row : requiredRows()) {
            String expected = PART2_DATA_TYPES.getOrDefault(row[1], row[4].endsWith("String") ? "string" : row[4]);
            model.variables().stream()
                    .filter(v -> v.key().component().equals(row[0]) && v.key().variable().equals(row[1]))
                    .forEach(v -> assertThat(v.dataType().value()).as("%s data type", v.key())
                            .isEqualToIgnoringCase(expected));
        }
    }

    @Test
    @DisplayName("TC_B_53 (errata 2025-09): list types have a valuesList, every readable Actual has a valid value")
    void valuesFitTheirCharacteristics() {
        DeviceModel live = DeviceModel.forStation(state);
        live.bindActual(VariableKey.of("ClockCtrlr", "DateTime"), () -> "2026-01-01T00:00:00Z");
        for (Variable variable : live.variables()) {
            if (LISTS.contains(variable.dataType())) {
                assertThat(variable.valuesList()).as("%s valuesList", variable.key()).isNotEmpty();
            }
            Variable.Attribute actual = variable.attribute(AttributeEnum.ACTUAL).orElseThrow();
            if (actual.mutability() != MutabilityEnum.WRITE_ONLY) {
                assertThat(actual.value()).as("%s value", variable.key()).isNotNull();
                assertThat(variable.checkValue(actual.value())).as("%s value check", variable.key()).isEmpty();
            }
            if (actual.mutability() != MutabilityEnum.READ_ONLY) {
                assertThat(actual.persistent()).as("Part 2 §2: writable %s is persistent", variable.key()).isTrue();
            }
        }
    }

    @Test
    @DisplayName("Identity, security profile, connector type and status come from the station state")
    void takesValuesFromTheState() {
        state.getCsms().setSecurityProfile(1);
        state.getEvses().get(1).getConnectors().get(0).setType("cCCS2");
        DeviceModel fromState = DeviceModel.forStation(state);
        assertThat(fromState.actual("ChargingStation", "VendorName")).contains("ocpp-bdd");
        assertThat(fromState.actual("ChargingStation", "SerialNumber")).contains("SN-CS-SEED");
        assertThat(fromState.actual("SecurityCtrlr", "Identity")).contains("CS-SEED");
        assertThat(fromState.actual("SecurityCtrlr", "SecurityProfile")).contains("1");
        assertThat(fromState.actual(new VariableKey("Connector", null, 2, 1, "ConnectorType", null)))
                .contains("cCCS2");
        assertThat(fromState.actual(new VariableKey("Connector", null, 1, 1, "AvailabilityState", null)))
                .contains("Available");
    }

    @Test
    @DisplayName("charge_point_state.json deviceModel keys override Actual and other attributes")
    void appliesOverrides() {
        model.applyOverrides(Map.of("OCPPCommCtrlr.HeartbeatInterval", "60",
                "OCPPCommCtrlr.MessageTimeout:Default", "45",
                "EVSE@2.AvailabilityState", "Unavailable",
                "EVSE@1.Power[MaxSet]", "11000"));
        assertThat(model.intValue("OCPPCommCtrlr", "HeartbeatInterval", 0)).isEqualTo(60);
        assertThat(model.intValue(VariableKey.of("OCPPCommCtrlr", "MessageTimeout", "Default"), 0))
                .isEqualTo(45);
        assertThat(model.actual(new VariableKey("EVSE", null, 2, null, "AvailabilityState", null)))
                .contains("Unavailable");
        assertThat(model.find(new VariableKey("EVSE", null, 1, null, "Power", null))
                .flatMap(v -> v.attribute(AttributeEnum.MAX_SET)).map(Variable.Attribute::value)).contains("11000");
    }

    @Test
    @DisplayName("A wrong override names the key, the problem and the key format")
    void refusesWrongOverrides() {
        assertThatThrownBy(() -> model.applyOverrides(Map.of("OCPPCommCtrlr.HeartBeatInterval", "60")))
                .hasMessageContaining("OCPPCommCtrlr.HeartBeatInterval").hasMessageContaining("EVSE@1");
        assertThatThrownBy(() -> model.applyOverrides(Map.of("OCPPCommCtrlr.HeartbeatInterval", "0")))
                .hasMessageContaining("below the minimum 1");
        assertThatThrownBy(() -> model.applyOverrides(Map.of("EVSE@1.Power[Target]", "1")))
                .hasMessageContaining("has no Target attribute");
        assertThatThrownBy(() -> model.applyOverrides(Map.of("EVSE@1.Power[Maximum]", "1")))
                .hasMessageContaining("Actual, Target, MinSet, MaxSet");
    }

    /** Rows of the CSV (Specific Component;Variable;Instance;Required?;DataType;...) required for {@link #CORE}. */
    private static List<String[]> requiredRows() throws IOException {
        try (InputStream in = DeviceModelSeedTest.class.getResourceAsStream(CSV);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split(";", -1))
                    .filter(row -> row.length > 4 && CORE.contains(row[0]) && row[3].trim().equals("yes"))
                    .collect(Collectors.toList());
        }
    }
}
