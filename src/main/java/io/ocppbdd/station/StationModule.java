package io.ocppbdd.station;

/** One functional block of the station (provisioning, device model, ...): it wires itself into the context. */
@FunctionalInterface
public interface StationModule {

    /** Registers handlers and listeners; runs once, on the station's loop, before the first connection. */
    void install(StationContext context);
}
