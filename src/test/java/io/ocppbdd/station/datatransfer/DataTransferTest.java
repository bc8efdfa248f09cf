package io.ocppbdd.station.datatransfer;

import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.DataTransferRequest;
import io.ocppbdd.protocol.messages.DataTransferResponse;
import io.ocppbdd.protocol.messages.DataTransferStatusEnum;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

class DataTransferTest {

    private static DataTransferResponse receive(TestHarness.Station fx, String vendorId, String messageId) {
        return join(fx.csms.send(fx.id, new DataTransferRequest().withVendorId(vendorId).withMessageId(messageId)
                .withData(Map.of("n", 1)), DataTransferResponse.class));
    }

    @Test
    @DisplayName("P02 the station sends a DataTransfer and gets the CSMS's answer; P02.FR.06/07 the embedded CSMS "
            + "stub decides the status")
    void stationSends() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(StationState.defaults("DT-P02"));
            fx.csms.stubFor(Stub.on(Action.DataTransfer).forStation(fx.id)
                    .when(p -> p.path("messageId").asText().equals("Price"))
                    .willReturnFields(Map.of("status", "Accepted", "data", "0.25 EUR/kWh")));
            DataTransferResponse answer = join(fx.module(io.ocppbdd.station.datatransfer.DataTransferModule.class).send("com.example", "Price",
                    Map.of("evse", 1)));
            assertThat(answer.getStatus()).isEqualTo(DataTransferStatusEnum.ACCEPTED);
            assertThat(answer.getData()).isEqualTo("0.25 EUR/kWh");
            assertThat(fx.csms.requests(fx.id, Action.DataTransfer).get(0).payload().path("data").path("evse")
                    .asInt()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("P01.FR.05 UnknownVendorId without a handler for the vendor; P01.FR.06 UnknownMessageId for an "
            + "unknown messageId; a registered handler answers, a vendor-wide handler takes any other messageId")
    void stationReceives() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(StationState.defaults("DT-P01"));
            assertThat(receive(fx, "com.example", "Ping").getStatus())
                    .isEqualTo(DataTransferStatusEnum.UNKNOWN_VENDOR_ID);
            fx.module(io.ocppbdd.station.datatransfer.DataTransferModule.class).handle("com.example", "Ping", request -> new DataTransferResponse()
                    .withStatus(DataTransferStatusEnum.ACCEPTED).withData("Pong"));
            assertThat(receive(fx, "com.example", "Ping").getData()).isEqualTo("Pong");
            assertThat(receive(fx, "com.example", "Other").getStatus())
                    .isEqualTo(DataTransferStatusEnum.UNKNOWN_MESSAGE_ID);
            fx.module(io.ocppbdd.station.datatransfer.DataTransferModule.class).handle("com.example", null, request -> new DataTransferResponse()
                    .withStatus(DataTransferStatusEnum.REJECTED));
            assertThat(receive(fx, "com.example", "Other").getStatus()).isEqualTo(DataTransferStatusEnum.REJECTED);
        }
    }
}
