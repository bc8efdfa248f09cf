package io.ocppbdd.station.transactions;

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
    public void remember(IdToken token, IdTokenInfo info) {
        // nothing to remember without an authorization cache
    }
}
