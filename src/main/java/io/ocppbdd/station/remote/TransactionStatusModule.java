package io.ocppbdd.station.remote;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.GetTransactionStatusRequest;
import io.ocppbdd.protocol.messages.GetTransactionStatusResponse;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.transactions.TransactionModule;

/**
 * GetTransactionStatus (E14). ongoingIndicator says whether the named transaction is in progress (E14.FR.01-04);
 * messagesInQueue whether messages wait to be delivered (E14.FR.05-08). The station keeps a single queue for
 * everything it holds while offline or not yet accepted, so messagesInQueue counts every held message, not only
 * those of the named transaction.
 */
public final class TransactionStatusModule implements StationModule {

    private final TransactionModule transactions;

    public TransactionStatusModule(TransactionModule transactions) {
        this.transactions = transactions;
    }

    @Override
    public void install(StationContext context) {
        context.handle(Action.GetTransactionStatus, CallHandler.of(GetTransactionStatusRequest.class, request -> {
            GetTransactionStatusResponse response = new GetTransactionStatusResponse()
                    .withMessagesInQueue(context.heldMessages() > 0);
            if (request.getTransactionId() != null) {
                response.withOngoingIndicator(transactions.evseOf(request.getTransactionId()).isPresent());
            }
            return response;
        }));
    }
}
