package io.ocppbdd.expect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.SchemaValidator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * An expectation on the CSMS's latest answer to a CALL of one action from the station. A CALLRESULT that breaks
 * its schema fails it, naming the field. The answered CALL and every earlier one of its action count as checked.
 */
public final class CsmsAnswer {

    private final StationDriver station;
    private final Cursors cursors;
    private final Action action;
    private final List<Condition> conditions = new ArrayList<>();
    private String errorCode;

    CsmsAnswer(StationDriver station, Cursors cursors, Action action) {
        this.station = station;
        this.cursors = cursors;
        this.action = action;
    }

    /** The answer's field (dotted path or JSON pointer) has this value. */
    public CsmsAnswer where(String field, String value) {
        conditions.add(Condition.fieldIs(field, value));
        return this;
    }

    /** The answer's field has one of these values (a test case that allows several, e.g. Invalid or Unknown). */
    public CsmsAnswer whereOneOf(String field, String... values) {
        conditions.add(Condition.fieldIsOneOf(field, List.of(values)));
        return this;
    }

    /** The answer has this field. */
    public CsmsAnswer has(String field) {
        conditions.add(Condition.fieldPresent(field));
        return this;
    }

    /** The answer is a CALLERROR with this code; checked on the latest answer as soon as there is one. */
    public CsmsAnswer isError(String code) {
        this.errorCode = code;
        return this;
    }

    /** Waits at most this long for a latest answer that satisfies the expectation, and returns its CALL. */
    public OcppCall within(Duration patience) {
        CompletableFuture<OcppCall> future = station.whenCalls(calls -> latestAnswered(calls)
                .filter(call -> errorCode != null || !call.answer().isError() && matches(call.answer().payload())));
        OcppCall call;
        try {
            call = future.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            Optional<OcppCall> latest = latestAnswered(station.calls());
            latest.ifPresent(this::checkSchema);
            throw Expect.failure(station, expected(), latest.map(this::instead)
                    .orElse("no answer to any " + action + " came"));
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking " + expected() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + expected(), e);
        }
        cursors.checkUpTo(call);
        if (errorCode != null) {
            if (!call.answer().isError() || !call.answer().errorCode().equals(errorCode)) {
                throw Expect.failure(station, expected(), "it answered " + call.answer().describe());
            }
            return call;
        }
        checkSchema(call);
        return call;
    }

    private Optional<OcppCall> latestAnswered(List<OcppCall> calls) {
        return calls.stream().filter(call -> call.fromStation() && call.action() == action && call.answer() != null)
                .reduce((first, second) -> second);
    }

    private boolean matches(ObjectNode payload) {
        return conditions.stream().allMatch(condition -> condition.test().test(payload));
    }

    private void checkSchema(OcppCall call) {
        if (call.answer().isError()) {
            return;
        }
        SchemaValidator.instance().checkResponse(action, call.answer().payload()).ifPresent(violation -> {
            throw Expect.failure(station, "a " + action + " response valid against the OCPP 2.0.1 schema",
                    "field " + violation.describe() + " (" + violation.code() + ")");
        });
    }

    private String expected() {
        if (errorCode != null) {
            return "the CSMS answers " + action + " with CALLERROR " + errorCode;
        }
        return "the CSMS answers " + action + (conditions.isEmpty() ? "" : " where " + conditions.stream()
                .map(Condition::wanted).collect(Collectors.joining(" and ")));
    }

    private String instead(OcppCall call) {
        if (call.answer().isError()) {
            return "it answered " + call.answer().describe();
        }
        ObjectNode payload = call.answer().payload();
        return "it answered " + conditions.stream().filter(condition -> !condition.test().test(payload))
                .map(condition -> condition.instead().apply(payload)).collect(Collectors.joining(", "))
                + " in " + payload;
    }
}
