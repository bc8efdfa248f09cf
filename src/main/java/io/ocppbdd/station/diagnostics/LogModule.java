package io.ocppbdd.station.diagnostics;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.GetLogRequest;
import io.ocppbdd.protocol.messages.GetLogResponse;
import io.ocppbdd.protocol.messages.LogParameters;
import io.ocppbdd.protocol.messages.LogStatusEnum;
import io.ocppbdd.protocol.messages.LogStatusNotificationRequest;
import io.ocppbdd.protocol.messages.StatusInfo;
import io.ocppbdd.protocol.messages.UploadLogStatusEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.filetransfer.HttpFileTransfer;
import io.ocppbdd.station.filetransfer.RetryPolicy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Retrieve log information (N01): answers GetLog with the file name and uploads the station's log
 * ({@link StationLog}) to the remote location over HTTP(S), by PUT or by POST multipart/form-data as the vendor
 * variable {@code OCPPCommCtrlr.LogUploadMethod} says (N01.FR.18/19). One upload at a time: a new GetLog cancels
 * the ongoing one (AcceptedCanceled, N01.FR.12). File name: {@code <stationId>-<logType>-<yyyyMMddTHHmmssZ>.log}.
 */
public final class LogModule implements StationModule {

    private static final VariableKey UPLOAD_METHOD = VariableKey.of("OCPPCommCtrlr", "LogUploadMethod");
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private StationContext context;
    private LogUpload current;

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.handle(Action.GetLog, CallHandler.of(GetLogRequest.class, this::getLog));
    }

    /**
     * What a TriggerMessage for LogStatusNotification reports: Uploading with the requestId while an upload is
     * on (F06.FR.14), else Idle without requestId (F06.FR.15, N01.FR.13). Call on the loop.
     */
    public LogStatusNotificationRequest triggeredStatus() {
        return current != null && current.ongoing()
                ? new LogStatusNotificationRequest().withStatus(UploadLogStatusEnum.UPLOADING)
                        .withRequestId(current.requestId())
                : new LogStatusNotificationRequest().withStatus(UploadLogStatusEnum.IDLE);
    }

    private GetLogResponse getLog(GetLogRequest request) {
        LogParameters log = request.getLog();
        if (!HttpFileTransfer.reachable(log.getRemoteLocation(), context.deviceModel())) {
            return rejected("InvalidURL", "remoteLocation must be an http(s) URL of "
                    + "OCPPCommCtrlr.FileTransferProtocols");
        }
        byte[] content = StationLog.render(context.trace(), context.stationId(), request.getLogType(),
                log.getOldestTimestamp(), log.getLatestTimestamp());
        if (content.length == 0) {
            return rejected("NotFound", "no " + request.getLogType().value() + " entries in the requested period");
        }
        String filename = context.stationId() + "-" + request.getLogType().value() + "-"
                + FILE_TIME.format(context.clock().instant()) + ".log";
        boolean post = context.deviceModel().actual(UPLOAD_METHOD).filter("POST"::equals).isPresent();
        LogStatusEnum status = LogStatusEnum.ACCEPTED;
        if (current != null && current.ongoing()) {
            current.cancel();
            status = LogStatusEnum.ACCEPTED_CANCELED;
        }
        current = LogUpload.of(context, request.getRequestId(),
                RetryPolicy.of(request.getRetries(), request.getRetryInterval()),
                log.getRemoteLocation(), post, filename, content);
        // runs after the GetLogResponse has gone out, so that no notification overtakes it
        context.loop().execute(current::start);
        return new GetLogResponse().withFilename(filename).withStatus(status);
    }

    private static GetLogResponse rejected(String reason, String detail) {
        return new GetLogResponse().withStatus(LogStatusEnum.REJECTED)
                .withStatusInfo(new StatusInfo().withReasonCode(reason).withAdditionalInfo(detail));
    }
}
