package io.ocppbdd.station.evse;

/** Told, on the station's loop, after something happened at an EVSE (cable, EV, parking bay). */
public interface EvseListener {

    void cablePlugged(Evse evse, Connector connector);

    void cableUnplugged(Evse evse, Connector connector);

    /** The EV started or stopped asking for energy ({@link Evse#isEvSuspended()}). */
    void evDemandChanged(Evse evse);

    void parkingBayChanged(Evse evse);
}
