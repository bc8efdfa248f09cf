package io.ocppbdd.station.state;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The last saved reading of an EVSE's energy meter (Wh, never decreasing) and its EV's state of charge (%). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MeterState {

    private double registerWh;
    private Double socPercent;

    public MeterState() {
    }

    public MeterState(double registerWh, Double socPercent) {
        this.registerWh = registerWh;
        this.socPercent = socPercent;
    }

    public double getRegisterWh() {
        return registerWh;
    }

    public void setRegisterWh(double registerWh) {
        this.registerWh = registerWh;
    }

    public Double getSocPercent() {
        return socPercent;
    }

    public void setSocPercent(Double socPercent) {
        this.socPercent = socPercent;
    }
}
