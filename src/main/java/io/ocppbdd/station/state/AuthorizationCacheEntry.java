package io.ocppbdd.station.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of the station's Authorization Cache (OCPP 2.0.1 C10), as kept in {@code charge_point_state.json}.
 *
 * @param idToken     the token's value
 * @param type        its IdTokenEnumType (ISO14443, eMAID, ...)
 * @param idTokenInfo the IdTokenInfo the CSMS last gave for it, as OCPP JSON
 * @param updated     when the CSMS last gave that IdTokenInfo (RFC 3339), the start of AuthCacheLifeTime
 * @param used        when the token was last presented or updated (RFC 3339), for the LRU policy
 * @param uses        how often it was presented or updated, for the LFU policy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationCacheEntry(String idToken, String type, ObjectNode idTokenInfo, String updated,
                                      String used, int uses) {
}
