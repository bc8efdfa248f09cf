package io.ocppbdd.station.remote;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.GetTransactionStatusRequest;
import io.ocppbdd.protocol.messages.GetTransactionStatusResponse;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.transactions.TransactionModule;

/**
 * GetTransactionStatus (E14). ongoingIndicator says whether the named transaction is in progress (E14.FR.01-03);
 * messagesInQueue whether TransactionEvents of the named transaction (E14.FR.04-05), or of any (E14.FR.07-08), wait
 * in the station's outbox to be delivered.
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
                    .withMessagesInQueue(context.holdsTransactionEvents(request.getTransactionId()));
            if (request.getTransactionId() != null) {
                response.withOngoingIndicator(transactions.evseOf(request.getTransactionId()).isPresent());
            }
            return response;
        }));
    }
}
