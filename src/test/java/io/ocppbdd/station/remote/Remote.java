package io.ocppbdd.station.remote;

import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingProfileKindEnum;
import io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.ChargingSchedule;
import io.ocppbdd.protocol.messages.ChargingSchedulePeriod;
import io.ocppbdd.protocol.messages.RequestStartTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStartTransactionResponse;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;

import java.util.List;
import java.util.Map;

import static io.ocppbdd.testing.TestHarness.join;
import static io.ocppbdd.testing.TestHarness.rfid;

/** Shared helpers of the remote-control, availability and reservation tests. */
public final class Remote {

    private Remote() {
    }

    /** A one-EVSE station without clock-aligned readings, with these device-model overrides. */
    public static StationState station(String id, Map<String, String> variables) {
        StationState state = StationState.defaults(id);
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
        state.getDeviceModel().putAll(variables);
        return state;
    }

    /** A relative TxProfile for a remote start (no transactionId, F01.FR.09/11) that caps the power at these watts. */
    public static ChargingProfile txProfile(int id, double watts) {
        return new ChargingProfile().withId(id).withStackLevel(0)
                .withChargingProfilePurpose(ChargingProfilePurposeEnum.TX_PROFILE)
                .withChargingProfileKind(ChargingProfileKindEnum.RELATIVE)
                .withChargingSchedule(List.of(new ChargingSchedule().withId(1)
                        .withChargingRateUnit(ChargingRateUnitEnum.W)
                        .withChargingSchedulePeriod(List.of(new ChargingSchedulePeriod().withStartPeriod(0)
                                .withLimit(watts)))));
    }

    /** The CSMS sends RequestStartTransaction; returns the answer once the station is idle again. */
    public static RequestStartTransactionResponse start(TestHarness.Station fx, Integer evseId, String idToken,
                                                        int remoteStartId) {
        RequestStartTransactionResponse response = join(fx.csms.send(fx.id, new RequestStartTransactionRequest()
                .withEvseId(evseId).withIdToken(rfid(idToken)).withRemoteStartId(remoteStartId),
                RequestStartTransactionResponse.class));
        fx.idle();
        return response;
    }
}
