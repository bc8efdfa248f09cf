package io.ocppbdd.station.filetransfer;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class HttpFileTransferTest {

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    @DisplayName("N01.FR.17: user and password in the URL (the spec's own example, '@' in the password) become "
            + "Basic auth and leave the URL")
    void credentialsInTheUrlBecomeBasicAuth() throws Exception {
        String location = "http://username:password@d@127.0.0.1:" + server.port() + "/logs/x.log?v=1";

        TransferResult<Void> result = HttpFileTransfer.put(location, "text/plain",
                "log".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        String basic = Base64.getEncoder().encodeToString("username:password@d".getBytes(StandardCharsets.UTF_8));
        server.verify(putRequestedFor(urlEqualTo("/logs/x.log?v=1"))
                .withHeader("Authorization", equalTo("Basic " + basic)));
    }

    @Test
    @DisplayName("N01.FR.14: no server listening is a failed transfer, not an exception")
    void refusedConnectionIsAFailedTransfer() throws Exception {
        int port = server.port();
        server.stop();

        TransferResult<byte[]> result = HttpFileTransfer.download("http://127.0.0.1:" + port + "/fw.bin")
                .get(30, TimeUnit.SECONDS);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.statusCode()).isZero();
        assertThat(result.describe()).contains("ConnectException");
    }
}
