package io.ocppbdd.station.firmware;

import io.ocppbdd.protocol.messages.SecurityEventNotificationRequest;
import io.ocppbdd.protocol.messages.SecurityEventNotificationResponse;
import io.ocppbdd.station.StationContext;

import java.time.ZoneOffset;

/** SecurityEventNotifications of the firmware update (security events of the Part 2 appendices). */
final class SecurityEvents {

    static final String INVALID_FIRMWARE_SIGNING_CERTIFICATE = "InvalidFirmwareSigningCertificate";
    static final String INVALID_FIRMWARE_SIGNATURE = "InvalidFirmwareSignature";
    static final String FIRMWARE_UPDATED = "FirmwareUpdated";

    private SecurityEvents() {
    }

    private static final int MAX_TECH_INFO = 255;

    static void send(StationContext context, String type, String techInfo) {
        String info = techInfo.length() > MAX_TECH_INFO ? techInfo.substring(0, MAX_TECH_INFO) : techInfo;
        context.send(new SecurityEventNotificationRequest().withType(type).withTechInfo(info)
                .withTimestamp(context.clock().instant().atOffset(ZoneOffset.UTC)),
                SecurityEventNotificationResponse.class);
    }
}
