package io.ocppbdd.cucumber;

import io.cucumber.java.ParameterType;
import io.ocppbdd.protocol.messages.IdTokenEnum;

/** Parameter types of the step library; their names start with "ocpp" so they never clash with a user's own. */
public class ParameterTypes {

    /** An IdTokenEnumType value as written in OCPP: ISO14443, eMAID, KeyCode, ... */
    @ParameterType(name = "ocppTokenType",
            value = "Central|eMAID|ISO14443|ISO15693|KeyCode|Local|MacAddress|NoAuthorization")
    public IdTokenEnum ocppTokenType(String type) {
        return IdTokenEnum.fromValue(type);
    }
}
