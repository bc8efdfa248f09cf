package io.ocppbdd.csms;

import io.ocppbdd.protocol.messages.AuthorizeRequest;
import io.ocppbdd.protocol.messages.AuthorizeResponse;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.GetVariableData;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.protocol.messages.GetVariablesResponse;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.ocppbdd.csms.RequestMatcher.at;
import static io.ocppbdd.csms.RequestMatcher.field;
import static io.ocppbdd.csms.Stub.action;
import static io.ocppbdd.protocol.Action.Authorize;
import static io.ocppbdd.protocol.Action.BootNotification;
import static org.assertj.core.api.Assertions.assertThat;

/** The example of the README section "The embedded CSMS in Java", compiled and run as it stands there. */
class ReadmeExampleTest {

    @Test
    @DisplayName("README: the embedded CSMS in Java")
    void embeddedCsmsInJava() {
        // README example begins
        try (EmbeddedCsms csms = EmbeddedCsms.start();                          // 127.0.0.1, ephemeral port
             ChargingStation station = ChargingStation.builder(StationState.defaults("CS-001"))
                     .csmsUrl(csms.url()).build()) {
            csms.stubFor(action(BootNotification).willReturnFields(Map.of("interval", 60)));
            Stub invalid = csms.stubFor(action(Authorize).where("/idToken/idToken", "BAD")
                    .willReturn(answer -> answer.putObject("idTokenInfo").put("status", "Invalid")));
            station.start().join();

            AuthorizeResponse bad = station.send(new AuthorizeRequest().withIdToken(new IdToken()
                    .withIdToken("BAD").withType(IdTokenEnum.ISO_14443)), AuthorizeResponse.class).join();
            csms.verify("CS-001", 1, BootNotification, field("reason", "PowerUp"));
            csms.verify("CS-001", 1, Authorize, at("/idToken/idToken", "BAD"));
            csms.removeStub(invalid.id());                                       // back to the default answer

            GetVariablesResponse interval = csms.send("CS-001", new GetVariablesRequest().withGetVariableData(
                    List.of(new GetVariableData().withComponent(new Component().withName("OCPPCommCtrlr"))
                            .withVariable(new Variable().withName("HeartbeatInterval")))),
                    GetVariablesResponse.class).join();
            // README example ends
            assertThat(bad.getIdTokenInfo().getStatus()).isEqualTo(AuthorizationStatusEnum.INVALID);
            assertThat(interval.getGetVariableResult().get(0).getAttributeValue()).isEqualTo("60");
            assertThat(csms.stubs()).hasSize(1);
        }
    }

    @Test
    @DisplayName("README: the example there is the one compiled here")
    void readmeShowsThisExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/ocppbdd/csms/ReadmeExampleTest.java"));
        String example = source.substring(source.indexOf("// README example begins"),
                source.indexOf("// README example ends"));
        List<String> lines = example.lines().skip(1).map(String::strip).toList();
        List<String> readme = Files.readString(Path.of("README.md")).lines().map(String::strip).toList();

        assertThat(String.join("\n", readme)).contains(String.join("\n", lines));
    }
}
