package io.ocppbdd.fileserver;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FileServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("firmware named by its file name is served under that name, not with a second .bin")
    void firmwareByFileName() throws Exception {
        FirmwareFile firmware = FirmwareFile.named("fw-2.0.0.bin");
        try (FileServer server = FileServer.start().answer(firmware.path(), 200, firmware.image())) {
            assertThat(server.url(firmware.path())).endsWith("/firmware/fw-2.0.0.bin");
            HttpResponse<String> served = get(server.url("/firmware/fw-2.0.0.bin"));

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).startsWith("version=fw-2.0.0\n");
            assertThat(get(server.url("/firmware/other.bin")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("firmware named by a version is served as <version>.bin and installs as that version")
    void firmwareByVersion() {
        assertThat(FirmwareFile.named("2.0.0")).isEqualTo(new FirmwareFile("2.0.0.bin", "2.0.0"));
        assertThat(FirmwareFile.named("2.0.0-rc1").path()).isEqualTo("/firmware/2.0.0-rc1.bin");
        assertThat(new String(FirmwareFile.named("2.0.0").image(), StandardCharsets.UTF_8))
                .startsWith("version=2.0.0\n");
        assertThat(FirmwareFile.named("station-2.4.1.img").version()).isEqualTo("station-2.4.1");
    }

    @Test
    @DisplayName("the longest matching prefix answers, 404 otherwise, and every request is recorded")
    void longestPrefixAndRecords() throws Exception {
        try (FileServer server = FileServer.start().answer("/logs/", 201, new byte[0])
                .answer("/logs/denied/", 403, new byte[0])) {
            assertThat(get(server.url("/logs/a.log")).statusCode()).isEqualTo(201);
            assertThat(get(server.url("/logs/denied/a.log")).statusCode()).isEqualTo(403);
            assertThat(get(server.url("/elsewhere")).statusCode()).isEqualTo(404);
            assertThat(server.received()).extracting(FileServer.Received::path)
                    .containsExactly("/logs/a.log", "/logs/denied/a.log", "/elsewhere");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
