package io.ocppbdd.transport;

import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the server sends reaches the station, however quickly the sends follow each other. */
class OcppServerWritesTest {

    private static final int ROUNDS = 10_000;

    @Test
    @DisplayName("two texts sent back to back always both arrive (Java-WebSocket 1.6.0 can lose the write interest of a "
            + "send that races the end of the selector's write batch; the server puts it back)")
    void backToBackSendsAllArrive() throws Exception {
        OcppServer server = new OcppServer("127.0.0.1", 0, null, new AdmitAll((connection, text) -> {
            connection.send(text + "-a");
            connection.send(text + "-b");
        })).start();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try {
            Connection station = NettyStationTransport.instance().connect(new ConnectionSettings(server.url(),
                    "CS-WRITES", null, Duration.ofSeconds(30), null), new ConnectionListener() {
                        @Override
                        public void onText(String text) {
                            received.add(text);
                        }

                        @Override
                        public void onClosed(int code, String reason) {
                        }
                    }).get(30, TimeUnit.SECONDS);

            for (int round = 0; round < ROUNDS; round++) {
                station.send(Integer.toString(round));
                assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo(round + "-a");
                assertThat(received.poll(30, TimeUnit.SECONDS)).as("round " + round).isEqualTo(round + "-b");
            }
            station.close();
        } finally {
            server.stop();
        }
    }
}
