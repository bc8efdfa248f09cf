package io.ocppbdd.station.firmware;

import io.ocppbdd.station.StationContext;

/** SecurityEventNotifications of the firmware update (security events of the Part 2 appendices). */
final class SecurityEvents {

    static final String INVALID_FIRMWARE_SIGNING_CERTIFICATE = "InvalidFirmwareSigningCertificate";
    static final String INVALID_FIRMWARE_SIGNATURE = "InvalidFirmwareSignature";
    static final String FIRMWARE_UPDATED = "FirmwareUpdated";

    private SecurityEvents() {
    }

    static void send(StationContext context, String type, String techInfo) {
        io.ocppbdd.station.security.SecurityEvents.send(context, type, techInfo);
    }
}
