package io.ocppbdd.station.diagnostics;

import io.ocppbdd.protocol.messages.LogStatusNotificationRequest;
import io.ocppbdd.protocol.messages.LogStatusNotificationResponse;
import io.ocppbdd.protocol.messages.UploadLogStatusEnum;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.filetransfer.TransferResult;
import io.ocppbdd.station.filetransfer.HttpFileTransfer;
import io.ocppbdd.station.filetransfer.RetryPolicy;
import io.ocppbdd.station.filetransfer.RetryingTransfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One log upload (N01), on the station's loop: Uploading, then the transfer with its retries, then Uploaded or,
 * once every retry failed, the failure (N01.FR.08-10), each in a LogStatusNotification with the GetLog's
 * requestId (N01.FR.07). HTTP 401/403 report PermissionDenied, 400 BadMessage, 405/501 NotSupportedOperation,
 * anything else UploadFailure.
 */
final class LogUpload {

    /** The form field of a POST upload (N01.FR.19). */
    private static final String FORM_FIELD = "uploadfile";
    private static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(LogUpload.class);

    private final StationContext context;
    private final int requestId;
    private final RetryPolicy retryPolicy;
    private final Supplier<CompletableFuture<TransferResult<Void>>> transfer;
    private RetryingTransfer<Void> upload;
    private boolean ended;

    private LogUpload(StationContext context, int requestId, RetryPolicy retryPolicy,
                      Supplier<CompletableFuture<TransferResult<Void>>> transfer) {
        this.context = context;
        this.requestId = requestId;
        this.retryPolicy = retryPolicy;
        this.transfer = transfer;
    }

    /**
     * An upload of the file to the remote location: PUT to it (a location ending in '/' is a folder: the file
     * name is appended), or POST it as multipart/form-data.
     */
    static LogUpload of(StationContext context, int requestId, RetryPolicy retryPolicy, String remoteLocation,
                        boolean post, String filename, byte[] content) {
        Supplier<CompletableFuture<TransferResult<Void>>> transfer = post
                ? () -> HttpFileTransfer.postMultipart(remoteLocation, FORM_FIELD, filename, CONTENT_TYPE, content)
                : () -> HttpFileTransfer.put(remoteLocation.endsWith("/") ? remoteLocation + filename
                        : remoteLocation, CONTENT_TYPE, content);
        return new LogUpload(context, requestId, retryPolicy, transfer);
    }

    int requestId() {
        return requestId;
    }

    boolean ongoing() {
        return !ended;
    }

    void start() {
        report(UploadLogStatusEnum.UPLOADING);
        upload = RetryingTransfer.start(context, retryPolicy, transfer, this::finished);
    }

    /**
     * Stops the upload now (N01.FR.12) and reports AcceptedCanceled for it (N01.FR.20) once the station has
     * answered the GetLog that cancelled it.
     */
    void cancel() {
        ended = true;
        if (upload != null) {
            upload.cancel();
        }
        context.loop().execute(() -> report(UploadLogStatusEnum.ACCEPTED_CANCELED));
    }

    private void finished(TransferResult<Void> result) {
        ended = true;
        if (!result.succeeded()) {
            LOG.warn("{}: log upload {} failed after {} retries: {}", context.stationId(), requestId,
                    retryPolicy.retries(), result.describe());
        }
        report(statusOf(result));
    }

    private static UploadLogStatusEnum statusOf(TransferResult<?> result) {
        if (result.succeeded()) {
            return UploadLogStatusEnum.UPLOADED;
        }
        return switch (result.statusCode()) {
            case 401, 403 -> UploadLogStatusEnum.PERMISSION_DENIED;
            case 400 -> UploadLogStatusEnum.BAD_MESSAGE;
            case 405, 501 -> UploadLogStatusEnum.NOT_SUPPORTED_OPERATION;
            default -> UploadLogStatusEnum.UPLOAD_FAILURE;
        };
    }

    private void report(UploadLogStatusEnum status) {
        context.send(new LogStatusNotificationRequest().withStatus(status).withRequestId(requestId),
                LogStatusNotificationResponse.class);
    }
}
