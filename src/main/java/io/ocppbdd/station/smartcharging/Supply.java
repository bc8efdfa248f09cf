package io.ocppbdd.station.smartcharging;

/**
 * The electrical supply of each EVSE, used to convert between A and W (K01.FR.50: current per phase =
 * power / (line voltage × phases)) and as the limit when no charging profile applies.
 *
 * @param voltage            nominal line-to-neutral voltage of the area, not a measured one (230 V default)
 * @param phases             phases wired to each EVSE and assumed when a period gives none (K01.FR.49; 3 default)
 * @param maxCurrentPerPhase what one EVSE can deliver per phase without any profile (32 A default)
 */
record Supply(double voltage, int phases, double maxCurrentPerPhase) {

    /** 230 V, 3 phases, 32 A per phase (22 kW per EVSE). */
    static final Supply DEFAULT = new Supply(230, 3, 32);

    Supply {
        if (voltage <= 0 || phases < 1 || phases > 3 || maxCurrentPerPhase <= 0) {
            throw new IllegalArgumentException("supply " + voltage + " V, " + phases + " phases, "
                    + maxCurrentPerPhase + " A: use a positive voltage and current and 1 to 3 phases");
        }
    }

    /** Watts drawn at this current per phase on this many phases. */
    double watts(double ampsPerPhase, int phaseCount) {
        return ampsPerPhase * voltage * phaseCount;
    }

    /** Current per phase for this power on this many phases. */
    double amps(double watts, int phaseCount) {
        return watts / (voltage * phaseCount);
    }
}
