package io.ocppbdd.station.devicemodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * One variable in the declarative device-model file ({@code device-model.yaml}).
 *
 * @param scope        {@code station} (default), {@code evse} (one copy per EVSE) or {@code connector} (one per connector)
 * @param mutability   ReadOnly, WriteOnly or ReadWrite (default)
 * @param value        the default Actual value
 * @param persistent   whether the Actual value survives a reboot (default true)
 * @param extraAttributes other attribute types this variable has (Target, MinSet, MaxSet): ReadWrite, persistent,
 *                     unset at start
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record SeedEntry(String component, String componentInstance, String scope, String variable,
                        String variableInstance, String dataType, String unit, BigDecimal minLimit,
                        BigDecimal maxLimit, List<String> valuesList, String mutability, Boolean persistent,
                        Boolean constant, Boolean rebootRequired, String value, List<String> extraAttributes) {
}
