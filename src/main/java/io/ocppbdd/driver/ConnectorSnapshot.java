package io.ocppbdd.driver;

/** A connector as it was at one moment: its OCPP status (Available, Occupied, ...) and whether a cable is in. */
public record ConnectorSnapshot(int evseId, int id, String status, boolean cablePlugged) {
}
