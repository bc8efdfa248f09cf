package io.ocppbdd.shell;

/** What a command's argument is, so that completion can offer the values that fit. */
enum Slot {
    COMMAND, STATION, EVSE, CONNECTOR, TOKEN, TOKEN_TYPE, STATION_ACTION, CSMS_ACTION, EV_CHANGE, FAULT, FREE
}
