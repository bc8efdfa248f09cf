package io.ocppbdd.station.security;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.SetNetworkProfileRequest;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;

/**
 * Functional block A, security: a new BasicAuthPassword makes the station connect again with it (A01), TLS
 * failures become security events once connected again (A00, A04), and the security profile is never lowered
 * through OCPP (A00.FR.005, B09.FR.04). SecurityCtrlr.SecurityProfile itself is read-only to the CSMS.
 */
public final class SecurityModule implements StationModule {

    @Override
    public void install(StationContext context) {
        PasswordChange passwordChange = new PasswordChange(context);
        passwordChange.install();
        TlsFailureEvents tlsFailures = new TlsFailureEvents(context);
        context.events().onConnectFailed(failure -> {
            ConnectFailure kind = ConnectFailure.of(failure);
            tlsFailures.failed(kind, failure);
            passwordChange.failed(kind);
        });
        NetworkProfiles networkProfiles = new NetworkProfiles(context);
        context.handle(Action.SetNetworkProfile,
                call -> networkProfiles.answer(Json.fromTree(call.payload(), SetNetworkProfileRequest.class)));
    }
}
