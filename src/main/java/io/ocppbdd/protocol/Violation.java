package io.ocppbdd.protocol;

/** A payload that breaks its schema: the CALLERROR code it deserves, the field (JSON path) and what is wrong. */
public record Violation(ErrorCode code, String field, String problem) {

    /** One line for people: {@code $.chargingStation.model: required property is missing}. */
    public String describe() {
        return field + ": " + problem;
    }
}
