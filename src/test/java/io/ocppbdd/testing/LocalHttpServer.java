package io.ocppbdd.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A real HTTP server (WireMock) on 127.0.0.1 and a free port, started and stopped around each test: where a station
 * downloads its firmware from or uploads its logs to. Register it on an instance field with
 * {@code @RegisterExtension}.
 */
public final class LocalHttpServer {

    private LocalHttpServer() {
    }

    /** A server for each test of the class. */
    public static WireMockExtension perTest() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** The URL of this path on the server, by its address (WireMock's own URLs say "localhost"). */
    public static String url(WireMockExtension server, String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }
}
