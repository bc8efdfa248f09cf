package io.ocppbdd.station.security;

import io.ocppbdd.protocol.messages.SecurityEventNotificationRequest;
import io.ocppbdd.protocol.messages.SecurityEventNotificationResponse;
import io.ocppbdd.station.StationContext;

import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * Sends SecurityEventNotifications (A04), the security events of the Part 2 appendices. They wait, in order with
 * the station's other CALLs, until the station is connected and accepted (A04.FR.02), and they make its security
 * log (see {@code StationLog}). The tech info never carries a secret.
 */
public final class SecurityEvents {

    /** A01.FR.11: "Security parameters, such as keys or the security profile used, were changed". */
    static final String RECONFIGURATION_OF_SECURITY_PARAMETERS = "ReconfigurationOfSecurityParameters";

    private static final int MAX_TECH_INFO = 255;

    private SecurityEvents() {
    }

    /** Sends (or holds until online) a SecurityEventNotification of this type, stamped now. */
    public static CompletableFuture<SecurityEventNotificationResponse> send(StationContext context, String type,
                                                                            String techInfo) {
        String info = techInfo.length() > MAX_TECH_INFO ? techInfo.substring(0, MAX_TECH_INFO) : techInfo;
        return context.send(new SecurityEventNotificationRequest().withType(type).withTechInfo(info)
                        .withTimestamp(context.clock().instant().atOffset(ZoneOffset.UTC)),
                SecurityEventNotificationResponse.class);
    }
}
