package io.ocppbdd.station.transactions;

import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.AuthorizeRequest;
import io.ocppbdd.protocol.messages.AuthorizeResponse;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.StationContext;

import java.util.concurrent.CompletableFuture;

/** Authorizes every idToken with an AuthorizeRequest (C01), without cache or local list. */
final class CsmsTokenAuthorizer implements TokenAuthorizer {

    private final StationContext context;

    CsmsTokenAuthorizer(StationContext context) {
        this.context = context;
    }

    @Override
    public CompletableFuture<IdTokenInfo> authorize(IdToken token, int evseId) {
        return context.send(new AuthorizeRequest().withIdToken(token), AuthorizeResponse.class)
                .thenApply(AuthorizeResponse::getIdTokenInfo);
    }

    @Override
    public CompletableFuture<Boolean> mayStop(IdToken presented, IdToken starter, IdTokenInfo starterInfo) {
        if (Session.sameToken(presented, starter)) {
            return CompletableFuture.completedFuture(true);
        }
        IdToken starterGroup = starterInfo == null ? null : starterInfo.getGroupIdToken();
        return context.send(new AuthorizeRequest().withIdToken(presented), AuthorizeResponse.class)
                .thenApply(response -> response.getIdTokenInfo().getStatus() == AuthorizationStatusEnum.ACCEPTED
                        && Session.sameToken(response.getIdTokenInfo().getGroupIdToken(), starterGroup));
    }

    @Override
    public void remember(IdToken token, IdTokenInfo info) {
        // nothing to remember without an authorization cache
    }
}
