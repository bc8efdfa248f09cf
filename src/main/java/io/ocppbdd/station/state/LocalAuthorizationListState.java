package io.ocppbdd.station.state;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The Local Authorization List (OCPP 2.0.1 D01) as kept in {@code charge_point_state.json}.
 *
 * @param versionNumber     the version the CSMS gave with its last SendLocalList
 * @param authorizationData the entries, each an OCPP AuthorizationData ({@code idToken} and {@code idTokenInfo})
 */
public record LocalAuthorizationListState(int versionNumber, List<ObjectNode> authorizationData) {

    public LocalAuthorizationListState {
        authorizationData = authorizationData == null ? List.of() : List.copyOf(authorizationData);
    }
}
