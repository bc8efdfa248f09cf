package io.ocppbdd.station.security;

import io.ocppbdd.protocol.messages.SetNetworkProfileRequest;
import io.ocppbdd.protocol.messages.SetNetworkProfileResponse;
import io.ocppbdd.protocol.messages.SetNetworkProfileStatusEnum;
import io.ocppbdd.protocol.messages.StatusInfo;
import io.ocppbdd.rpc.Reply;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.devicemodel.Variable;
import io.ocppbdd.station.devicemodel.VariableKey;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SetNetworkProfile (B09) as far as security goes: never to a lower security profile than the one in use
 * (B09.FR.04, A00.FR.005, TC_A_22_CS), only into a slot NetworkConfigurationPriority knows (B09.FR.05). The
 * station does not simulate network connection profiles (it has one CSMS URL), so a valid request is answered
 * Rejected with reason UnsupportedRequest.
 */
final class NetworkProfiles {

    private static final VariableKey PRIORITY = VariableKey.of("OCPPCommCtrlr", "NetworkConfigurationPriority");

    private final StationContext context;

    NetworkProfiles(StationContext context) {
        this.context = context;
    }

    CompletableFuture<Reply> answer(SetNetworkProfileRequest request) {
        int inUse = context.deviceModel().intValue("SecurityCtrlr", "SecurityProfile", 0);
        int requested = request.getConnectionData().getSecurityProfile();
        List<String> slots = context.deviceModel().find(PRIORITY).map(Variable::valuesList).orElse(List.of());
        if (requested < inUse) {
            return rejected("ValueTooLow", "securityProfile " + requested + " is lower than the security profile in "
                    + "use, " + inUse + " (B09.FR.04)");
        }
        if (!slots.contains(String.valueOf(request.getConfigurationSlot()))) {
            return rejected("InvalidValue", "configurationSlot " + request.getConfigurationSlot() + " is not one of "
                    + "NetworkConfigurationPriority's " + slots + " (B09.FR.05)");
        }
        return rejected("UnsupportedRequest", "this simulator does not keep network connection profiles");
    }

    private static CompletableFuture<Reply> rejected(String reason, String detail) {
        return CompletableFuture.completedFuture(Reply.result(new SetNetworkProfileResponse()
                .withStatus(SetNetworkProfileStatusEnum.REJECTED)
                .withStatusInfo(new StatusInfo().withReasonCode(reason).withAdditionalInfo(detail))));
    }
}
