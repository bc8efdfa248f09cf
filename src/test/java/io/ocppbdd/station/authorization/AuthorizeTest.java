package io.ocppbdd.station.authorization;

import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.SchemaValidator;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.rpc.CallFailedException;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.station.authorization.AuthorizationCalls.authorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorizeRequests;
import static io.ocppbdd.station.authorization.AuthorizationCalls.answerAuthorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.setVariable;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorization;
import static io.ocppbdd.station.authorization.AuthorizationCalls.boot;
import static io.ocppbdd.station.authorization.AuthorizationCalls.rfid;
import static io.ocppbdd.station.authorization.AuthorizationCalls.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizeTest {



    @ParameterizedTest(name = "{0}")
    @EnumSource(AuthorizationStatusEnum.class)
    @DisplayName("C01.FR.02, C01.FR.07: an unknown token is sent in Authorize and the CSMS's status decides")
    void theCsmsStatusDecides(AuthorizationStatusEnum status) {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-AUTH-" + status.ordinal(), Map.of());
            answerAuthorize(station, "04A2B3C4", status.value());

            IdTokenInfo info = authorize(station, "04A2B3C4");

            assertThat(info.getStatus()).isEqualTo(status);
            assertThat(authorizeRequests(station)).isEqualTo(1);
            assertThat(station.onLoop(() -> authorization(station).mayStart(info, 1)))
                    .isEqualTo(status == AuthorizationStatusEnum.ACCEPTED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress"})
    @DisplayName("C01.FR.02, C04, C06.FR.02: every presentable IdTokenEnumType goes out in a schema-valid Authorize")
    void everyPresentableTypeIsAuthorized(String type) {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-TYPE-" + type, Map.of());
            IdToken token = token("NL-TNM-C00122045-K", type);

            assertThat(authorize(station, token, 1).getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

            RecordedRequest request = station.csms.requests(station.id, Action.Authorize).get(0);
            assertThat(request.payload().at("/idToken/type").asText()).isEqualTo(type);
            assertThat(request.payload().at("/idToken/idToken").asText()).isEqualTo("NL-TNM-C00122045-K");
            assertThat(SchemaValidator.instance().checkRequest(Action.Authorize, request.payload())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Central", "NoAuthorization"})
    @DisplayName("C03.FR.01, C05.FR.01, C02: Central and NoAuthorization tokens are accepted without Authorize")
    void centralAndNoAuthorizationNeedNoAuthorize(String type) {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-FREE-" + type.charAt(0), Map.of());
            IdToken token = token("NoAuthorization".equals(type) ? "" : "a1b2c3d4-central", type);

            assertThat(authorize(station, token, 1).getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

            assertThat(authorizeRequests(station)).isZero();
        }
    }

    @Test
    @DisplayName("AuthCtrlr.Enabled false: no authorization is done, every token is accepted")
    void authorizationDisabled() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-AUTH-OFF", Map.of("AuthCtrlr.Enabled", "false"));
            answerAuthorize(station, "BAD1", "Invalid");

            assertThat(authorize(station, "BAD1").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(authorizeRequests(station)).isZero();
        }
    }

    @Test
    @DisplayName("AuthCtrlr.DisableRemoteAuthorization: no Authorize; the cache decides, an unknown token is Unknown")
    void remoteAuthorizationDisabled() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-NOREMOTE", Map.of());
            authorize(station, "04A2B3C4");
            setVariable(station, "AuthCtrlr", "DisableRemoteAuthorization", "true");

            assertThat(authorize(station, "04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(authorize(station, "FFFF0001").getStatus()).isEqualTo(AuthorizationStatusEnum.UNKNOWN);
            assertThat(authorizeRequests(station)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C01.FR.20, C01.FR.21: a token allowed on some EVSEs may start charging on those only")
    void evseRestriction() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-EVSE", Map.of());
            answerAuthorize(station, "04A2B3C4", "Accepted", info -> info.putArray("evseId").add(2));

            IdTokenInfo info = authorize(station, "04A2B3C4");

            assertThat(station.onLoop(() -> authorization(station).mayStart(info, 1))).isFalse();
            assertThat(station.onLoop(() -> authorization(station).mayStart(info, 2))).isTrue();
            assertThat(station.onLoop(() -> authorization(station).mayStart(info, null))).isTrue();
        }
    }

    @Test
    @DisplayName("C01.FR.22: NotAtThisLocation is returned to the caller and does not let the driver charge")
    void notAtThisLocation() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-LOCATION", Map.of());
            answerAuthorize(station, "04A2B3C4", "NotAtThisLocation");

            IdTokenInfo info = authorize(station, "04A2B3C4");

            assertThat(info.getStatus()).isEqualTo(AuthorizationStatusEnum.NOT_AT_THIS_LOCATION);
            assertThat(station.onLoop(() -> authorization(station).mayStart(info, 1))).isFalse();
        }
    }

    @Test
    @DisplayName("C01: a CALLERROR to Authorize fails the authorization with CallFailedException")
    void callErrorFails() throws Exception {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-ERROR", Map.of());
            station.csms.stubFor(Stub.on(Action.Authorize).willFailWith(ErrorCode.InternalError, "database down"));

            var answer = station.simulator().onLoop(() -> authorization(station).authorize(rfid("04A2B3C4"), 1))
                    .thenCompose(future -> future);

            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CallFailedException.class);
        }
    }
}
