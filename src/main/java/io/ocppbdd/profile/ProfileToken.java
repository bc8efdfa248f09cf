package io.ocppbdd.profile;

import java.util.Optional;

/**
 * An id token the CSMS under test knows, as the profile gives it.
 *
 * @param type    an OCPP {@code IdTokenEnumType}: ISO14443 (8 or 14 hex digits), ISO15693 (16), Central, ...
 * @param groupId the group id token the CSMS answers with, for the group and master pass roles
 */
public record ProfileToken(String idToken, String type, Optional<String> groupId) {
}
