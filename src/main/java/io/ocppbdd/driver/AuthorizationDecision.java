package io.ocppbdd.driver;

import java.util.List;

/**
 * What the station decided about an id token (C01): the IdTokenInfo status, the EVSEs it is limited to (empty:
 * any), its group, and whether the driver may start charging at the EVSE asked about.
 *
 * @param groupIdToken null when the token has no group
 */
public record AuthorizationDecision(String status, List<Integer> evseIds, String groupIdToken, boolean mayStart) {

    public AuthorizationDecision {
        evseIds = List.copyOf(evseIds);
    }
}
