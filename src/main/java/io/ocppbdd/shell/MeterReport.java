package io.ocppbdd.shell;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.expect.Fields;
import io.ocppbdd.protocol.Action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code meter} command: the latest meter values the station reported, read from its conversation. */
final class MeterReport {

    private static final String DEFAULT_MEASURAND = "Energy.Active.Import.Register";

    private MeterReport() {
    }

    /** The sampled values of the newest MeterValues or TransactionEvent with meter values (of one EVSE). */
    static String latest(List<OcppCall> calls, Optional<Integer> evseId) {
        for (int index = calls.size() - 1; index >= 0; index--) {
            OcppCall call = calls.get(index);
            JsonNode payload = call.payload();
            if (!call.fromStation() || !payload.has("meterValue")
                    || call.action() != Action.MeterValues && call.action() != Action.TransactionEvent) {
                continue;
            }
            String evse = Fields.text(payload, call.action() == Action.MeterValues ? "evseId" : "evse.id");
            if (evseId.isEmpty() || String.valueOf(evseId.get()).equals(evse)) {
                return describe(call, evse, payload.get("meterValue"));
            }
        }
        return "no meter values reported yet" + evseId.map(id -> " for EVSE " + id).orElse("");
    }

    private static String describe(OcppCall call, String evse, JsonNode meterValues) {
        List<String> samples = new ArrayList<>();
        for (JsonNode meterValue : meterValues) {
            for (JsonNode sample : meterValue.path("sampledValue")) {
                samples.add(sample.path("measurand").asText(DEFAULT_MEASURAND)
                        + (sample.has("phase") ? " " + sample.get("phase").asText() : "") + " = "
                        + sample.path("value").asText() + " " + sample.path("unitOfMeasure").path("unit").asText("Wh"));
            }
        }
        return call.action() + " of EVSE " + evse + " at " + call.time() + ":\n  " + String.join("\n  ", samples);
    }
}
