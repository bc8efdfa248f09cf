package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum;

/** A charging profile as installed: on EVSE {@code evseId} (0 = the station / grid connection). */
record InstalledProfile(int evseId, ChargingProfile profile) {

    int id() {
        return profile.getId();
    }

    int stackLevel() {
        return profile.getStackLevel();
    }

    ChargingProfilePurposeEnum purpose() {
        return profile.getChargingProfilePurpose();
    }
}
