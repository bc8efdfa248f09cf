package io.ocppbdd.rpc;

import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.Json;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Answers one incoming CALL whose payload already passed its schema. Runs on the endpoint's executor and must
 * not block; throw {@link OcppException} (or complete exceptionally with one) to answer with a CALLERROR.
 */
@FunctionalInterface
public interface CallHandler {

    CompletionStage<Reply> handle(Call call);

    /** A handler that reads the generated request type and answers at once with a generated response. */
    static <Q> CallHandler of(Class<Q> requestType, Function<Q, Object> answer) {
        return call -> CompletableFuture.completedFuture(
                Reply.result(answer.apply(Json.fromTree(call.payload(), requestType))));
    }
}
