package io.ocppbdd.station.smartcharging;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.messages.ChargingLimitSourceEnum;
import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingProfileCriterion;
import io.ocppbdd.protocol.messages.ChargingProfileStatusEnum;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.ClearChargingProfile;
import io.ocppbdd.protocol.messages.ClearChargingProfileRequest;
import io.ocppbdd.protocol.messages.ClearChargingProfileResponse;
import io.ocppbdd.protocol.messages.ClearChargingProfileStatusEnum;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.GenericStatusEnum;
import io.ocppbdd.protocol.messages.GetChargingProfileStatusEnum;
import io.ocppbdd.protocol.messages.GetChargingProfilesRequest;
import io.ocppbdd.protocol.messages.GetChargingProfilesResponse;
import io.ocppbdd.protocol.messages.GetCompositeScheduleRequest;
import io.ocppbdd.protocol.messages.GetCompositeScheduleResponse;
import io.ocppbdd.protocol.messages.GetVariableData;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.protocol.messages.GetVariablesResponse;
import io.ocppbdd.protocol.messages.ReportChargingProfilesRequest;
import io.ocppbdd.protocol.messages.SetChargingProfileRequest;
import io.ocppbdd.protocol.messages.SetChargingProfileResponse;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.CallFailedException;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.TraceEntry;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.station.smartcharging.Profiles.A;
import static io.ocppbdd.station.smartcharging.Profiles.MAX;
import static io.ocppbdd.station.smartcharging.Profiles.TX;
import static io.ocppbdd.station.smartcharging.Profiles.TX_DEFAULT;
import static io.ocppbdd.station.smartcharging.Profiles.absolute;
import static io.ocppbdd.station.smartcharging.Profiles.periods;
import static io.ocppbdd.station.smartcharging.Profiles.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The smart-charging CALLs over real WebSockets against the embedded CSMS. */
class SmartChargingModuleTest {

    private static final String ID = "CS-SC";
    private static final String NOW = "2026-01-01T12:00:00Z";
    private static final Instant T0 = Instant.parse(NOW);

    private final ManualScheduler time = new ManualScheduler(T0);
    private final EmbeddedCsms csms = EmbeddedCsms.start();
    private ChargingStation station;

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        if (station != null) {
            station.stop();
        }
        csms.close();
    }

    private ChargingStation boot(StationState state, SmartChargingModule... modules) throws Exception {
        ChargingStation.Builder builder = ChargingStation.builder(state).csmsUrl(csms.url()).scheduler(time)
                .stateFile(new StateFile(folder.resolve("charge_point_state.json")));
        for (SmartChargingModule module : modules) {
            builder.module(module);
        }
        station = builder.build();
        station.start().get(30, TimeUnit.SECONDS);
        csms.request(ID, Action.StatusNotification, r -> r.payload().path("evseId").asInt() == state.getEvses().size())
                .get(30, TimeUnit.SECONDS);
        return station;
    }

    private ChargingStation boot() throws Exception {
        return boot(StationState.withEvses(ID, 2));
    }

    private <T> T send(Object request, Class<T> responseType) throws Exception {
        return csms.send(ID, request, responseType).get(30, TimeUnit.SECONDS);
    }

    private SetChargingProfileResponse set(int evseId, ChargingProfile profile) throws Exception {
        return send(new SetChargingProfileRequest().withEvseId(evseId).withChargingProfile(profile),
                SetChargingProfileResponse.class);
    }

    private GetCompositeScheduleResponse composite(int evseId, int duration, ChargingRateUnitEnum unit)
            throws Exception {
        return send(new GetCompositeScheduleRequest().withEvseId(evseId).withDuration(duration)
                .withChargingRateUnit(unit), GetCompositeScheduleResponse.class);
    }

    private static ChargingProfile txDefault(int id, int stackLevel, String periods) {
        return absolute(id, stackLevel, TX_DEFAULT, NOW, null, periods);
    }

    @Test
    @DisplayName("K01.FR.07, K08.FR.02: an accepted TxDefaultProfile shapes the composite schedule")
    void setAndCompose() throws Exception {
        boot();
        assertThat(set(1, absolute(1, 0, TX_DEFAULT, NOW, 300, "0:6 60:10")).getStatus())
                .isEqualTo(ChargingProfileStatusEnum.ACCEPTED);

        GetCompositeScheduleResponse response = composite(1, 400, A);

        assertThat(response.getStatus()).isEqualTo(GenericStatusEnum.ACCEPTED);
        assertThat(response.getSchedule().getEvseId()).isEqualTo(1);
        assertThat(response.getSchedule().getScheduleStart().toInstant()).isEqualTo(T0);
        assertThat(periods(response.getSchedule())).containsExactly("0:6", "60:10", "300:32");

        GetCompositeScheduleResponse anyUnit = send(new GetCompositeScheduleRequest().withEvseId(1).withDuration(60),
                GetCompositeScheduleResponse.class);
        assertThat(anyUnit.getSchedule().getChargingRateUnit()).as("W when RateUnit has both")
                .isEqualTo(ChargingRateUnitEnum.W);
        assertThat(periods(anyUnit.getSchedule())).containsExactly("0:4140");
    }

    @Test
    @DisplayName("K01.FR.09: a TxProfile without a transaction is Rejected with reasonCode TxNotFound")
    void rejectedWithReason() throws Exception {
        boot();
        SetChargingProfileResponse response = set(1, absolute(1, 0, TX, NOW, null, "0:6").withTransactionId("TX-1"));

        assertThat(response.getStatus()).isEqualTo(ChargingProfileStatusEnum.REJECTED);
        assertThat(response.getStatusInfo().getReasonCode()).isEqualTo("TxNotFound");
        assertThat(response.getStatusInfo().getAdditionalInfo()).startsWith("K01.FR.09");
    }

    @Test
    @DisplayName("K01.FR.04: a TxProfile limit caps the power the metering model may draw")
    void txProfileCapsPower() throws Exception {
        SmartChargingModule smartCharging = new SmartChargingModule().transactions(transaction(1, "TX-1", T0));
        boot(StationState.withEvses(ID, 2), smartCharging);
        assertThat(station.onLoop(() -> smartCharging.limitWatts(1, time.clock().instant())).get(30, TimeUnit.SECONDS))
                .isEmpty();

        assertThat(set(1, absolute(1, 0, TX, NOW, null, "0:10").withTransactionId("TX-1")).getStatus())
                .isEqualTo(ChargingProfileStatusEnum.ACCEPTED);

        OptionalDouble watts = station.onLoop(() -> smartCharging.limitWatts(1, time.clock().instant()))
                .get(30, TimeUnit.SECONDS);
        assertThat(watts).as("10 A × 230 V × 3 phases").hasValue(6900);

        station.onLoop(() -> {
            smartCharging.transactionEnded(1);
            return null;
        }).get(30, TimeUnit.SECONDS);
        assertThat(station.onLoop(() -> smartCharging.limitWatts(1, time.clock().instant())).get(30, TimeUnit.SECONDS))
                .as("the TxProfile ends with its transaction").isEmpty();
    }

    @Test
    @DisplayName("K01.FR.07/K01.FR.12/K10.FR.05: the limit listener hears every change, also when a period begins")
    void limitFollowsTheSchedule() throws Exception {
        SmartChargingModule smartCharging = new SmartChargingModule();
        List<String> heard = new CopyOnWriteArrayList<>();
        smartCharging.onLimit((evse, watts) ->
                heard.add(evse + ":" + (watts.isPresent() ? (long) watts.getAsDouble() : "none")));
        boot(StationState.withEvses(ID, 2), smartCharging);
        await().until(() -> heard.size() == 2);
        assertThat(heard).containsExactlyInAnyOrder("1:none", "2:none");
        heard.clear();

        set(1, absolute(1, 0, TX_DEFAULT, NOW, 120, "0:16 60:10"));
        await().until(() -> !heard.isEmpty());
        assertThat(heard).containsExactly("1:11040");

        station.whenIdle().get(30, TimeUnit.SECONDS);
        time.advance(Duration.ofSeconds(60));
        await().until(() -> heard.size() == 2);
        assertThat(heard).containsExactly("1:11040", "1:6900");

        time.advance(Duration.ofSeconds(60));
        await().until(() -> heard.size() == 3);
        assertThat(heard).endsWith("1:none");
    }

    @Test
    @DisplayName("K01.FR.27: profiles survive a restart from the state file; Entries counts them")
    void profilesPersist() throws Exception {
        boot();
        set(0, absolute(1, 0, MAX, NOW, null, "0:20"));
        set(1, txDefault(2, 0, "0:16"));
        station.stop();
        station.closed().get(30, TimeUnit.SECONDS); // the same identity connects again next
        csms.reset(); // so that the second boot waits for its own StatusNotifications, not the first one's

        StationState reloaded = new StateFile(folder.resolve("charge_point_state.json")).load();
        assertThat(reloaded.getChargingProfiles()).hasSize(2);
        boot(reloaded);

        assertThat(periods(composite(1, 60, A).getSchedule())).containsExactly("0:16");
        GetVariablesResponse entries = send(new GetVariablesRequest().withGetVariableData(List.of(new GetVariableData()
                .withComponent(new Component().withName("SmartChargingCtrlr"))
                .withVariable(new Variable().withName("Entries").withInstance("ChargingProfiles")))),
                GetVariablesResponse.class);
        assertThat(entries.getGetVariableResult().get(0).getAttributeValue()).isEqualTo("2");
    }

    @Test
    @DisplayName("K09.FR.01/K09.FR.02/K09.FR.06: Accepted, then one report per EVSE with requestId, CSO and tbc")
    void getChargingProfilesReports() throws Exception {
        boot();
        set(0, absolute(1, 0, MAX, NOW, null, "0:20"));
        set(1, txDefault(2, 0, "0:16"));
        set(2, txDefault(3, 0, "0:12"));

        GetChargingProfilesResponse response = send(new GetChargingProfilesRequest().withRequestId(42)
                .withChargingProfile(new ChargingProfileCriterion()), GetChargingProfilesResponse.class);

        assertThat(response.getStatus()).isEqualTo(GetChargingProfileStatusEnum.ACCEPTED);
        List<ReportChargingProfilesRequest> reports = reports(42, 3);
        assertThat(reports).extracting(ReportChargingProfilesRequest::getEvseId).containsExactly(0, 1, 2);
        assertThat(reports).extracting(ReportChargingProfilesRequest::getTbc).containsExactly(true, true, false);
        assertThat(reports).extracting(ReportChargingProfilesRequest::getChargingLimitSource)
                .containsOnly(ChargingLimitSourceEnum.CSO);
        assertThat(reports.get(2).getChargingProfile()).extracting(ChargingProfile::getId).containsExactly(3);
        assertAnsweredBeforeReports();
    }

    private void assertAnsweredBeforeReports() {
        List<TraceEntry> trace = station.trace().entries();
        String messageId = trace.stream().filter(e -> e.direction() == Direction.RECEIVED
                        && e.frame().contains("\"GetChargingProfiles\""))
                .map(e -> Json.parse(e.frame()).get(1).asText()).findFirst().orElseThrow();
        List<String> sent = trace.stream().filter(e -> e.direction() == Direction.SENT).map(TraceEntry::frame).toList();
        int answer = sent.indexOf(sent.stream().filter(f -> f.startsWith("[3,\"" + messageId + "\"")).findFirst()
                .orElseThrow());
        int firstReport = sent.indexOf(sent.stream().filter(f -> f.contains("\"ReportChargingProfiles\""))
                .findFirst().orElseThrow());
        assertThat(answer).as("the answer goes out before the first report").isLessThan(firstReport);
    }

    @Test
    @DisplayName("K09.FR.03/K09.FR.04/K09.FR.05: criteria and evseId scope; NoProfiles when nothing matches")
    void getChargingProfilesCriteria() throws Exception {
        boot();
        set(0, txDefault(1, 0, "0:20"));
        set(1, txDefault(2, 1, "0:16"));

        GetChargingProfilesResponse onEvseOne = send(new GetChargingProfilesRequest().withRequestId(7).withEvseId(1)
                        .withChargingProfile(new ChargingProfileCriterion().withStackLevel(1)),
                GetChargingProfilesResponse.class);
        assertThat(onEvseOne.getStatus()).isEqualTo(GetChargingProfileStatusEnum.ACCEPTED);
        assertThat(reports(7, 1).get(0).getChargingProfile()).extracting(ChargingProfile::getId).containsExactly(2);

        GetChargingProfilesResponse onStation = send(new GetChargingProfilesRequest().withRequestId(8).withEvseId(0)
                .withChargingProfile(new ChargingProfileCriterion().withChargingProfileId(List.of(2))),
                GetChargingProfilesResponse.class);
        assertThat(onStation.getStatus()).as("profile 2 is not on EVSE 0")
                .isEqualTo(GetChargingProfileStatusEnum.NO_PROFILES);

        GetChargingProfilesResponse otherSource = send(new GetChargingProfilesRequest().withRequestId(9)
                .withChargingProfile(new ChargingProfileCriterion().withChargingLimitSource(
                        List.of(ChargingLimitSourceEnum.EMS))), GetChargingProfilesResponse.class);
        assertThat(otherSource.getStatus()).isEqualTo(GetChargingProfileStatusEnum.NO_PROFILES);
    }

    private List<ReportChargingProfilesRequest> reports(int requestId, int count) throws Exception {
        CompletableFuture<RecordedRequest> last = csms.request(ID, Action.ReportChargingProfiles,
                r -> r.payload().path("requestId").asInt() == requestId && !r.payload().path("tbc").asBoolean());
        last.get(30, TimeUnit.SECONDS);
        List<ReportChargingProfilesRequest> reports = csms.requests(ID, Action.ReportChargingProfiles).stream()
                .filter(r -> r.payload().path("requestId").asInt() == requestId)
                .map(r -> Json.fromTree(r.payload(), ReportChargingProfilesRequest.class)).toList();
        assertThat(reports).hasSize(count);
        return reports;
    }

    @Test
    @DisplayName("K10.FR.01/K10.FR.03: clear by id is Accepted once, then Unknown")
    void clearById() throws Exception {
        boot();
        set(1, txDefault(5, 0, "0:16"));

        assertThat(clear(new ClearChargingProfileRequest().withChargingProfileId(5)))
                .isEqualTo(ClearChargingProfileStatusEnum.ACCEPTED);
        assertThat(clear(new ClearChargingProfileRequest().withChargingProfileId(5)))
                .isEqualTo(ClearChargingProfileStatusEnum.UNKNOWN);
        assertThat(periods(composite(1, 60, A).getSchedule())).as("K10.FR.05").containsExactly("0:32");
    }

    @Test
    @DisplayName("K10.FR.04: clear by criteria (AND); Unknown when nothing matches")
    void clearByCriteria() throws Exception {
        boot();
        set(1, txDefault(1, 0, "0:16"));
        set(1, txDefault(2, 1, "0:12"));
        set(2, txDefault(3, 1, "0:10"));

        assertThat(clear(new ClearChargingProfileRequest().withChargingProfileCriteria(
                new ClearChargingProfile().withEvseId(1).withStackLevel(1))))
                .isEqualTo(ClearChargingProfileStatusEnum.ACCEPTED);
        assertThat(clear(new ClearChargingProfileRequest().withChargingProfileCriteria(
                new ClearChargingProfile().withEvseId(1).withStackLevel(1))))
                .isEqualTo(ClearChargingProfileStatusEnum.UNKNOWN);
        assertThat(periods(composite(1, 60, A).getSchedule())).containsExactly("0:16");
        assertThat(periods(composite(2, 60, A).getSchedule())).containsExactly("0:10");
    }

    private ClearChargingProfileStatusEnum clear(ClearChargingProfileRequest request) throws Exception {
        return send(request, ClearChargingProfileResponse.class).getStatus();
    }

    @Test
    @DisplayName("K08.FR.05/K08.FR.07: unknown EVSE or a unit outside RateUnit is Rejected")
    void compositeRejections() throws Exception {
        StationState state = StationState.withEvses(ID, 2);
        state.getDeviceModel().put("SmartChargingCtrlr.RateUnit", "A");
        boot(state);

        GetCompositeScheduleResponse unknownEvse = composite(3, 60, A);
        assertThat(unknownEvse.getStatus()).isEqualTo(GenericStatusEnum.REJECTED);
        assertThat(unknownEvse.getStatusInfo().getReasonCode()).isEqualTo("UnknownEvse");

        GetCompositeScheduleResponse watts = composite(1, 60, ChargingRateUnitEnum.W);
        assertThat(watts.getStatus()).isEqualTo(GenericStatusEnum.REJECTED);
        assertThat(watts.getStatusInfo().getReasonCode()).isEqualTo("UnsupportedRateUnit");
    }

    @Test
    @DisplayName("K08.FR.02: the schedule starts when the request arrives (virtual time)")
    void compositeStartsNow() throws Exception {
        boot();
        set(1, absolute(1, 0, TX_DEFAULT, NOW, 300, "0:6 60:10"));
        station.whenIdle().get(30, TimeUnit.SECONDS);
        time.advance(Duration.ofSeconds(100));

        GetCompositeScheduleResponse response = composite(1, 300, A);

        assertThat(response.getSchedule().getScheduleStart().toInstant()).isEqualTo(T0.plusSeconds(100));
        assertThat(periods(response.getSchedule())).containsExactly("0:10", "200:32");
    }

    @Test
    @DisplayName("K01.FR.29: with SmartChargingCtrlr.Enabled = false the station answers NotSupported")
    void disabled() throws Exception {
        StationState state = StationState.withEvses(ID, 1);
        state.getDeviceModel().put("SmartChargingCtrlr.Enabled", "false");
        boot(state);

        assertThatThrownBy(() -> csms.send(ID, new SetChargingProfileRequest().withEvseId(1)
                        .withChargingProfile(txDefault(1, 0, "0:16")), SetChargingProfileResponse.class)
                .get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(CallFailedException.class,
                        failure -> assertThat(failure.callError().errorCode()).isEqualTo(ErrorCode.NotSupported));
    }
}
