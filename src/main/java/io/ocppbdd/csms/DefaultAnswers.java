package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;

import java.time.Clock;

/** The schema-valid answer the embedded CSMS gives to each station→CSMS action when no stub says otherwise. */
final class DefaultAnswers {

    /** Heartbeat interval the embedded CSMS hands out by default, in seconds. */
    static final int HEARTBEAT_INTERVAL = 300;

    private DefaultAnswers() {
    }

    static ObjectNode answer(Action action, ObjectNode request, Clock clock) {
        ObjectNode answer = Json.object();
        String now = Json.dateTime(clock.instant());
        switch (action) {
            case BootNotification -> answer.put("currentTime", now).put("interval", HEARTBEAT_INTERVAL)
                    .put("status", "Accepted");
            case Heartbeat -> answer.put("currentTime", now);
            case Authorize -> answer.putObject("idTokenInfo").put("status", "Accepted");
            case TransactionEvent -> {
                if (request.has("idToken")) {
                    answer.putObject("idTokenInfo").put("status", "Accepted");
                }
            }
            case DataTransfer, NotifyEVChargingNeeds, NotifyEVChargingSchedule, SignCertificate ->
                    answer.put("status", "Accepted");
            case Get15118EVCertificate -> answer.put("status", "Accepted").put("exiResponse", "");
            case GetCertificateStatus -> answer.put("status", "Accepted");
            default -> {
                // StatusNotification, MeterValues, NotifyReport and the other notifications answer {}
            }
        }
        return answer;
    }
}
