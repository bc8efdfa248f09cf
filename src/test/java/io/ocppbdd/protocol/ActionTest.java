package io.ocppbdd.protocol;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionTest {

    @Test
    @DisplayName("Part 4 §4.1.6: the 64 actions are exactly the request/response schema pairs shipped")
    void actionsMatchTheSchemaPairs() throws IOException, URISyntaxException {
        Path schemas = Path.of(ActionTest.class.getResource("/ocpp/schemas").toURI());
        Set<String> files;
        try (Stream<Path> list = Files.list(schemas)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toSet());
        }
        Set<String> requests = strip(files, "Request.json");
        Set<String> responses = strip(files, "Response.json");
        Set<String> actions = Arrays.stream(Action.values()).map(Action::name).collect(Collectors.toSet());

        assertThat(files).hasSize(128);
        assertThat(requests).isEqualTo(responses).hasSize(64);
        assertThat(actions).isEqualTo(requests);
    }

    @Test
    @DisplayName("Part 4 §4.1.6: action names are case-sensitive and carry no Request suffix")
    void namedIsCaseSensitive() {
        assertThat(Action.named("BootNotification")).contains(Action.BootNotification);
        assertThat(Action.named("bootnotification")).isEmpty();
        assertThat(Action.named("BootNotificationRequest")).isEmpty();
        assertThat(Action.named("FooBar")).isEmpty();
    }

    @Test
    void requestClassesMapToTheirAction() {
        for (Action action : Action.values()) {
            assertThat(Action.ofRequest(action.requestType())).isEqualTo(action);
            assertThat(action.responseType().getSimpleName()).isEqualTo(action.name() + "Response");
        }
        assertThatThrownBy(() -> Action.ofRequest(String.class)).hasMessageContaining("not an OCPP request type");
    }

    @Test
    void sendersFollowPart2() {
        assertThat(Action.BootNotification.sentByStation()).isTrue();
        assertThat(Action.BootNotification.sentByCsms()).isFalse();
        assertThat(Action.GetVariables.sentByCsms()).isTrue();
        assertThat(Action.GetVariables.sentByStation()).isFalse();
        assertThat(Action.DataTransfer.sentByStation()).isTrue();
        assertThat(Action.DataTransfer.sentByCsms()).isTrue();
    }

    private static Set<String> strip(Set<String> files, String suffix) {
        return files.stream().filter(n -> n.endsWith(suffix))
                .map(n -> n.substring(0, n.length() - suffix.length())).collect(Collectors.toSet());
    }
}
