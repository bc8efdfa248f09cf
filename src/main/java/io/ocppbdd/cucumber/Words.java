package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.IdTokenEnum;

import java.util.Arrays;

/** Turns the words of a step into OCPP values, or into one line that says what a feature should write instead. */
final class Words {

    private Words() {
    }

    /** The action with this name, or a failure listing the common ones. */
    static Action action(String name) {
        return Action.named(name).orElseThrow(() -> new IllegalArgumentException("\"" + name
                + "\" is not an OCPP 2.0.1 action (examples: BootNotification, Heartbeat, StatusNotification, "
                + "Authorize, TransactionEvent, GetVariables)"));
    }

    /** The field that holds the status of an action's response. */
    static String statusPath(Action action) {
        return action == Action.Authorize || action == Action.TransactionEvent ? "idTokenInfo.status" : "status";
    }

    /** An IdTokenEnumType by its OCPP name. */
    static IdTokenEnum tokenType(String type) {
        try {
            return IdTokenEnum.fromValue(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + type + "\" is not an IdTokenEnumType; use one of "
                    + Arrays.stream(IdTokenEnum.values()).map(IdTokenEnum::value).toList());
        }
    }

    /** A JSON object from a step's doc string. */
    static ObjectNode object(String json, String what) {
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " in the step is " + e.getMessage());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("the " + what + " in the step must be a JSON object {...}");
        }
        return (ObjectNode) node;
    }
}
