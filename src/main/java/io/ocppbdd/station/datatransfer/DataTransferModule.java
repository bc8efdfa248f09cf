package io.ocppbdd.station.datatransfer;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.DataTransferRequest;
import io.ocppbdd.protocol.messages.DataTransferResponse;
import io.ocppbdd.protocol.messages.DataTransferStatusEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * DataTransfer both ways (P01, P02). {@link #send} sends one to the CSMS and gives its answer. Incoming ones go to
 * the handler registered for their vendorId and messageId, else to the vendor's handler for any messageId;
 * without a handler for the vendor the answer is UnknownVendorId, without one for the message UnknownMessageId
 * (P01.FR.05/06).
 */
public final class DataTransferModule implements StationModule {

    private static final String ANY_MESSAGE = "\u0000any";

    private final Map<String, Map<String, Function<DataTransferRequest, DataTransferResponse>>> handlers =
            new ConcurrentHashMap<>();
    private volatile StationContext context;

    /**
     * Answers incoming DataTransfers of this vendor and messageId (null: any messageId of the vendor) with this
     * handler; it runs on the station's loop and must not block.
     */
    public void handle(String vendorId, String messageId, Function<DataTransferRequest, DataTransferResponse> handler) {
        handlers.computeIfAbsent(vendorId, v -> new ConcurrentHashMap<>())
                .put(messageId == null ? ANY_MESSAGE : messageId, handler);
    }

    /** Sends a DataTransfer to the CSMS (P02); data is any JSON-able value or null. Held until accepted. */
    CompletableFuture<DataTransferResponse> send(String vendorId, String messageId, Object data) {
        DataTransferRequest request = new DataTransferRequest().withVendorId(vendorId).withMessageId(messageId)
                .withData(data);
        return CompletableFuture.supplyAsync(() -> context.send(request, DataTransferResponse.class), context.loop())
                .thenCompose(answer -> answer);
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.handle(Action.DataTransfer, CallHandler.of(DataTransferRequest.class, this::receive));
    }

    private DataTransferResponse receive(DataTransferRequest request) {
        Map<String, Function<DataTransferRequest, DataTransferResponse>> vendor = handlers.get(request.getVendorId());
        if (vendor == null) {
            return new DataTransferResponse().withStatus(DataTransferStatusEnum.UNKNOWN_VENDOR_ID);
        }
        Function<DataTransferRequest, DataTransferResponse> handler = request.getMessageId() == null ? null
                : vendor.get(request.getMessageId());
        if (handler == null) {
            handler = vendor.get(ANY_MESSAGE);
        }
        return handler == null ? new DataTransferResponse().withStatus(DataTransferStatusEnum.UNKNOWN_MESSAGE_ID)
                : handler.apply(request);
    }
}
