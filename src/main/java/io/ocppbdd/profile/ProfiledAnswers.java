package io.ocppbdd.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stubs that make the embedded CSMS answer as the CSMS a profile describes: the profile's heartbeat interval in
 * BootNotification answers, each profiled token's role status (and group) in Authorize and TransactionEvent answers,
 * and DataTransfer UnknownVendorId, as a CSMS without vendor extensions answers (P01.FR.05).
 */
final class ProfiledAnswers {

    private ProfiledAnswers() {
    }

    static List<Stub> of(TestProfile profile) {
        List<Stub> stubs = new ArrayList<>();
        present(profile::heartbeatInterval).ifPresent(interval -> stubs.add(
                Stub.on(Action.BootNotification).willReturn(answer -> answer.put("interval", interval))));
        stubs.add(Stub.on(Action.DataTransfer).willReturn(answer -> answer.put("status", "UnknownVendorId")));
        for (TokenRole role : TokenRole.values()) {
            present(() -> profile.token(role)).ifPresent(token -> {
                stubs.add(answerFor(Action.Authorize, role, token));
                stubs.add(answerFor(Action.TransactionEvent, role, token));
            });
        }
        return List.copyOf(stubs);
    }

    private static Stub answerFor(Action action, TokenRole role, ProfileToken token) {
        return Stub.on(action)
                .when(request -> request.at("/idToken/idToken").asText().equalsIgnoreCase(token.idToken())
                        && request.at("/idToken/type").asText().equals(token.type()))
                .willReturn(answer -> {
                    ObjectNode info = answer.putObject("idTokenInfo").put("status", role.status());
                    token.groupId().ifPresent(group -> info.putObject("groupIdToken").put("idToken", group)
                            .put("type", "Central"));
                });
    }

    private static <T> Optional<T> present(Supplier<T> value) {
        try {
            return Optional.of(value.get());
        } catch (ProfileValueMissing missing) {
            return Optional.empty();
        }
    }
}
