package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.messages.GenericDeviceModelStatusEnum;
import io.ocppbdd.protocol.messages.GetBaseReportRequest;
import io.ocppbdd.protocol.messages.GetBaseReportResponse;
import io.ocppbdd.protocol.messages.NotifyReportRequest;
import io.ocppbdd.protocol.messages.NotifyReportResponse;
import io.ocppbdd.protocol.messages.ReportData;
import io.ocppbdd.rpc.Reply;
import io.ocppbdd.station.StationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers GetBaseReportRequest (B07) and then sends the report in NotifyReportRequests of at most
 * ItemsPerMessage[GetReport] items, seqNo from 0, tbc on all but the last; allowed while Pending (B02.FR.02).
 * One report at a time: a request while a report is still being sent is Rejected (B07.FR.13).
 */
final class ReportSender {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSender.class);

    private final StationContext context;
    private final MessageLimits limits;
    private boolean sending;

    ReportSender(StationContext context, MessageLimits limits) {
        this.context = context;
        this.limits = limits;
    }

    CompletionStage<Reply> answer(GetBaseReportRequest request) {
        List<ReportData> items = new BaseReport(context.deviceModel(), limits.reportingValueSize())
                .items(request.getReportBase());
        GenericDeviceModelStatusEnum status = sending ? GenericDeviceModelStatusEnum.REJECTED
                : items.isEmpty() ? GenericDeviceModelStatusEnum.EMPTY_RESULT_SET : GenericDeviceModelStatusEnum.ACCEPTED;
        GetBaseReportResponse response = new GetBaseReportResponse().withStatus(status);
        if (status == GenericDeviceModelStatusEnum.REJECTED) {
            response.withStatusInfo(ComponentVariables.info("InvalidMessageSeq", "a report is still being sent"));
        }
        sending |= status == GenericDeviceModelStatusEnum.ACCEPTED;
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        // Completing the answer queues the CALLRESULT on the loop; the first NotifyReport is queued after it.
        context.loop().execute(() -> {
            answer.complete(Reply.result(response));
            if (status == GenericDeviceModelStatusEnum.ACCEPTED) {
                OffsetDateTime generatedAt = OffsetDateTime.now(context.clock()).truncatedTo(ChronoUnit.SECONDS);
                context.loop().execute(() -> send(request.getRequestId(), generatedAt, items, 0));
            }
        });
        return answer;
    }

    private void send(int requestId, OffsetDateTime generatedAt, List<ReportData> items, int seqNo) {
        int size = Math.max(1, limits.reportItems());
        int from = seqNo * size;
        int to = Math.min(items.size(), from + size);
        boolean more = to < items.size();
        NotifyReportRequest part = new NotifyReportRequest().withRequestId(requestId).withGeneratedAt(generatedAt)
                .withSeqNo(seqNo).withTbc(more).withReportData(items.subList(from, to));
        context.sendRegardlessOfBoot(part, NotifyReportResponse.class).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.warn("{}: report {} stopped at part {}: {}", context.stationId(), requestId, seqNo,
                        failure.getMessage());
                sending = false;
            } else if (more) {
                send(requestId, generatedAt, items, seqNo + 1);
            } else {
                sending = false;
            }
        });
    }
}
