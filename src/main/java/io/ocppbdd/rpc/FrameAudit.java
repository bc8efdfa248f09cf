package io.ocppbdd.rpc;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.CallResult;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;
import io.ocppbdd.protocol.SchemaValidator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks, after the fact, that every frame an endpoint sent is well formed and valid against its schema. */
public final class FrameAudit {

    private FrameAudit() {
    }

    /** One line per sent frame that breaks OCPP-J or its schema; empty when all is well. */
    public static List<String> problemsInSent(List<TraceEntry> trace) {
        return problems(trace, Direction.SENT);
    }

    /** One line per received frame (the peer's) that breaks OCPP-J or its schema; empty when all is well. */
    public static List<String> problemsInReceived(List<TraceEntry> trace) {
        return problems(trace, Direction.RECEIVED);
    }

    private static List<String> problems(List<TraceEntry> trace, Direction audited) {
        List<String> problems = new ArrayList<>();
        Map<String, Action> callsToAnswer = new HashMap<>();
        SchemaValidator validator = SchemaValidator.instance();
        for (TraceEntry entry : trace) {
            Frame frame;
            try {
                frame = FrameCodec.decode(entry.frame());
            } catch (FrameException e) {
                if (entry.direction() == audited) {
                    problems.add("malformed frame " + entry.frame() + ": " + e.answer().errorDescription());
                }
                continue;
            }
            if (entry.direction() != audited) {
                if (frame instanceof Call call) {
                    Action.named(call.action()).ifPresent(action -> callsToAnswer.put(call.messageId(), action));
                }
                continue;
            }
            Optional<String> problem = Optional.empty();
            if (frame instanceof Call call) {
                problem = Action.named(call.action())
                        .map(action -> validator.checkRequest(action, call.payload())
                                .map(v -> call.action() + " request: " + v.describe()))
                        .orElse(Optional.of("unknown action " + call.action()));
            } else if (frame instanceof CallResult result && callsToAnswer.containsKey(result.messageId())) {
                Action action = callsToAnswer.get(result.messageId());
                problem = validator.checkResponse(action, result.payload()).map(v -> action + " response: " + v.describe());
            }
            problem.ifPresent(problems::add);
        }
        return problems;
    }
}
