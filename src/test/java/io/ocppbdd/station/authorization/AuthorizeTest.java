package io.ocppbdd.station.authorization;

import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.SchemaValidator;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.rpc.CallFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.station.authorization.TestStation.rfid;
import static io.ocppbdd.station.authorization.TestStation.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizeTest {

    private final EmbeddedCsms csms = EmbeddedCsms.start();

    @AfterEach
    void closeCsms() {
        csms.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AuthorizationStatusEnum.class)
    @DisplayName("C01.FR.02, C01.FR.07: an unknown token is sent in Authorize and the CSMS's status decides")
    void theCsmsStatusDecides(AuthorizationStatusEnum status) {
        try (TestStation station = TestStation.boot(csms, "CS-AUTH-" + status.ordinal(), Map.of())) {
            station.answerAuthorize("04A2B3C4", status.value());

            IdTokenInfo info = station.authorize("04A2B3C4");

            assertThat(info.getStatus()).isEqualTo(status);
            assertThat(station.authorizeRequests()).isEqualTo(1);
            assertThat(station.onLoop(() -> station.authorization().mayStart(info, 1)))
                    .isEqualTo(status == AuthorizationStatusEnum.ACCEPTED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress"})
    @DisplayName("C01.FR.02, C04, C06.FR.02: every presentable IdTokenEnumType goes out in a schema-valid Authorize")
    void everyPresentableTypeIsAuthorized(String type) {
        try (TestStation station = TestStation.boot(csms, "CS-TYPE-" + type, Map.of())) {
            IdToken token = token("NL-TNM-C00122045-K", type);

            assertThat(station.authorize(token, 1).getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

            RecordedRequest request = csms.requests(station.id, Action.Authorize).get(0);
            assertThat(request.payload().at("/idToken/type").asText()).isEqualTo(type);
            assertThat(request.payload().at("/idToken/idToken").asText()).isEqualTo("NL-TNM-C00122045-K");
            assertThat(SchemaValidator.instance().checkRequest(Action.Authorize, request.payload())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Central", "NoAuthorization"})
    @DisplayName("C03.FR.01, C05.FR.01, C02: Central and NoAuthorization tokens are accepted without Authorize")
    void centralAndNoAuthorizationNeedNoAuthorize(String type) {
        try (TestStation station = TestStation.boot(csms, "CS-FREE-" + type.charAt(0), Map.of())) {
            IdToken token = token("NoAuthorization".equals(type) ? "" : "a1b2c3d4-central", type);

            assertThat(station.authorize(token, 1).getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

            assertThat(station.authorizeRequests()).isZero();
        }
    }

    @Test
    @DisplayName("AuthCtrlr.Enabled false: no authorization is done, every token is accepted")
    void authorizationDisabled() {
        try (TestStation station = TestStation.boot(csms, "CS-AUTH-OFF", Map.of("AuthCtrlr.Enabled", "false"))) {
            station.answerAuthorize("BAD1", "Invalid");

            assertThat(station.authorize("BAD1").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(station.authorizeRequests()).isZero();
        }
    }

    @Test
    @DisplayName("AuthCtrlr.DisableRemoteAuthorization: no Authorize; the cache decides, an unknown token is Unknown")
    void remoteAuthorizationDisabled() {
        try (TestStation station = TestStation.boot(csms, "CS-NOREMOTE", Map.of())) {
            station.authorize("04A2B3C4");
            station.setVariable("AuthCtrlr", "DisableRemoteAuthorization", "true");

            assertThat(station.authorize("04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(station.authorize("FFFF0001").getStatus()).isEqualTo(AuthorizationStatusEnum.UNKNOWN);
            assertThat(station.authorizeRequests()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C01.FR.20, C01.FR.21: a token allowed on some EVSEs may start charging on those only")
    void evseRestriction() {
        try (TestStation station = TestStation.boot(csms, "CS-EVSE", Map.of())) {
            station.answerAuthorize("04A2B3C4", "Accepted", info -> info.putArray("evseId").add(2));

            IdTokenInfo info = station.authorize("04A2B3C4");

            assertThat(station.onLoop(() -> station.authorization().mayStart(info, 1))).isFalse();
            assertThat(station.onLoop(() -> station.authorization().mayStart(info, 2))).isTrue();
            assertThat(station.onLoop(() -> station.authorization().mayStart(info, null))).isTrue();
        }
    }

    @Test
    @DisplayName("C01.FR.22: NotAtThisLocation is returned to the caller and does not let the driver charge")
    void notAtThisLocation() {
        try (TestStation station = TestStation.boot(csms, "CS-LOCATION", Map.of())) {
            station.answerAuthorize("04A2B3C4", "NotAtThisLocation");

            IdTokenInfo info = station.authorize("04A2B3C4");

            assertThat(info.getStatus()).isEqualTo(AuthorizationStatusEnum.NOT_AT_THIS_LOCATION);
            assertThat(station.onLoop(() -> station.authorization().mayStart(info, 1))).isFalse();
        }
    }

    @Test
    @DisplayName("C01: a CALLERROR to Authorize fails the authorization with CallFailedException")
    void callErrorFails() throws Exception {
        try (TestStation station = TestStation.boot(csms, "CS-ERROR", Map.of())) {
            csms.stubFor(Stub.on(Action.Authorize).willFailWith(ErrorCode.InternalError, "database down"));

            var answer = station.station.onLoop(() -> station.authorization().authorize(rfid("04A2B3C4"), 1))
                    .thenCompose(future -> future);

            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CallFailedException.class);
        }
    }
}
