package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum;
import io.ocppbdd.protocol.messages.ChargingProfileStatusEnum;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.ClearChargingProfileRequest;
import io.ocppbdd.protocol.messages.ClearChargingProfileResponse;
import io.ocppbdd.protocol.messages.ClearChargingProfileStatusEnum;
import io.ocppbdd.protocol.messages.GenericStatusEnum;
import io.ocppbdd.protocol.messages.GetChargingProfileStatusEnum;
import io.ocppbdd.protocol.messages.GetChargingProfilesRequest;
import io.ocppbdd.protocol.messages.GetChargingProfilesResponse;
import io.ocppbdd.protocol.messages.GetCompositeScheduleRequest;
import io.ocppbdd.protocol.messages.GetCompositeScheduleResponse;
import io.ocppbdd.protocol.messages.ReportChargingProfilesResponse;
import io.ocppbdd.protocol.messages.SetChargingProfileRequest;
import io.ocppbdd.protocol.messages.SetChargingProfileResponse;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.rpc.OcppException;
import io.ocppbdd.rpc.Reply;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.state.EvseState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Smart charging (functional block K): SetChargingProfile (K01), GetCompositeSchedule (K08), GetChargingProfiles
 * with ReportChargingProfiles (K09) and ClearChargingProfile (K10). Profiles persist in the state file
 * (K01.FR.27). The metering model asks {@link #limitWatts} for the composite limit that caps its power.
 *
 * <p>With SmartChargingCtrlr.Enabled = false every smart-charging CALL is answered NotSupported (K01.FR.29).
 */
public final class SmartChargingModule implements StationModule {

    private static final Logger LOG = LoggerFactory.getLogger(SmartChargingModule.class);

    private final Supply supply;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ActiveTransactions transactions = ActiveTransactions.NONE;
    private StationContext context;
    private ChargingProfileStore store = new ChargingProfileStore();

    /** Smart charging on a 230 V, 3-phase, 32 A supply per EVSE ({@link Supply#DEFAULT}). */
    public SmartChargingModule() {
        this(Supply.DEFAULT);
    }

    public SmartChargingModule(Supply supply) {
        this.supply = supply;
    }

    /** Where TxProfiles find their transaction and Relative schedules their start; none by default. */
    public SmartChargingModule transactions(ActiveTransactions activeTransactions) {
        this.transactions = activeTransactions;
        return this;
    }

    /** Told on the station's loop whenever the installed profiles changed (K01.FR.07, K10.FR.05). */
    public void onProfilesChanged(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        this.store = ChargingProfileStore.fromState(stationContext.state().getChargingProfiles());
        countEntries();
        handle(Action.SetChargingProfile, SetChargingProfileRequest.class, this::setChargingProfile);
        handle(Action.GetCompositeSchedule, GetCompositeScheduleRequest.class, this::getCompositeSchedule);
        handle(Action.ClearChargingProfile, ClearChargingProfileRequest.class, this::clearChargingProfile);
        stationContext.handle(Action.GetChargingProfiles, call -> {
            requireEnabled();
            return getChargingProfiles(Json.fromTree(call.payload(), GetChargingProfilesRequest.class));
        });
    }

    /**
     * The composite limit in W on an EVSE (0 = the whole station) at a moment, or empty when no profile limits
     * it. Use on the station's loop.
     */
    public OptionalDouble limitWatts(int evseId, Instant at) {
        return calculator().limitAt(evseId, at, ChargingRateUnitEnum.W)
                .map(limit -> OptionalDouble.of(limit.value())).orElse(OptionalDouble.empty());
    }

    /** Drops the TxProfiles of a transaction that ended on this EVSE (Part 2 §K 3.2). Use on the loop. */
    public void transactionEnded(int evseId) {
        if (store.remove(p -> p.evseId() == evseId && p.purpose() == ChargingProfilePurposeEnum.TX_PROFILE) > 0) {
            profilesChanged();
        }
    }

    private <Q> void handle(Action action, Class<Q> requestType, Function<Q, Object> answer) {
        context.handle(action, CallHandler.of(requestType, request -> {
            requireEnabled();
            return answer.apply(request);
        }));
    }

    private void requireEnabled() {
        if (!"true".equals(context.deviceModel().actual(SmartChargingSettings.COMPONENT, "Enabled").orElse("true"))) {
            throw new OcppException(ErrorCode.NotSupported, "smart charging is disabled (SmartChargingCtrlr.Enabled)");
        }
    }

    private SetChargingProfileResponse setChargingProfile(SetChargingProfileRequest request) {
        int evseId = request.getEvseId();
        return new ProfileValidator(store, settings(), transactions)
                .check(evseId, request.getChargingProfile(), context.clock().instant())
                .map(rejection -> {
                    LOG.info("{}: SetChargingProfile {} rejected: {}", context.stationId(),
                            request.getChargingProfile().getId(), rejection);
                    return new SetChargingProfileResponse().withStatus(ChargingProfileStatusEnum.REJECTED)
                            .withStatusInfo(rejection.statusInfo());
                })
                .orElseGet(() -> {
                    store.install(evseId, request.getChargingProfile());
                    profilesChanged();
                    return new SetChargingProfileResponse().withStatus(ChargingProfileStatusEnum.ACCEPTED);
                });
    }

    private GetCompositeScheduleResponse getCompositeSchedule(GetCompositeScheduleRequest request) {
        SmartChargingSettings settings = settings();
        GetCompositeScheduleResponse response = new GetCompositeScheduleResponse();
        ChargingRateUnitEnum unit = request.getChargingRateUnit() != null ? request.getChargingRateUnit()
                : settings.rateUnits().stream().findFirst().orElse(ChargingRateUnitEnum.A);
        if (!settings.knowsEvse(request.getEvseId())) {
            return response.withStatus(GenericStatusEnum.REJECTED).withStatusInfo(new Rejection("K08.FR.05",
                    "UnknownEvse", "the station has no EVSE " + request.getEvseId()).statusInfo());
        }
        if (!settings.rateUnits().contains(unit)) {
            return response.withStatus(GenericStatusEnum.REJECTED).withStatusInfo(new Rejection("K08.FR.07",
                    "UnsupportedRateUnit", unit.value() + " is not in SmartChargingCtrlr.RateUnit").statusInfo());
        }
        if (request.getDuration() < 0) {
            return response.withStatus(GenericStatusEnum.REJECTED).withStatusInfo(new Rejection("K08.FR.02",
                    "InvalidValue", "duration " + request.getDuration() + " is negative").statusInfo());
        }
        Instant now = Instant.ofEpochSecond(context.clock().instant().getEpochSecond());
        return response.withStatus(GenericStatusEnum.ACCEPTED)
                .withSchedule(calculator().schedule(request.getEvseId(), now, request.getDuration(), unit));
    }

    private CompletionStage<Reply> getChargingProfiles(GetChargingProfilesRequest request) {
        List<InstalledProfile> matches = store.matching(ProfileQueries.toReport(request));
        if (matches.isEmpty()) {
            return CompletableFuture.completedFuture(Reply.result(
                    new GetChargingProfilesResponse().withStatus(GetChargingProfileStatusEnum.NO_PROFILES)));
        }
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        context.loop().execute(() -> {
            reply.complete(Reply.result(
                    new GetChargingProfilesResponse().withStatus(GetChargingProfileStatusEnum.ACCEPTED)));
            // queued after the answer, which completing the reply just queued
            context.loop().execute(() -> ProfileQueries.reports(request.getRequestId(), matches)
                    .forEach(report -> context.send(report, ReportChargingProfilesResponse.class)));
        });
        return reply;
    }

    private ClearChargingProfileResponse clearChargingProfile(ClearChargingProfileRequest request) {
        if (store.remove(ProfileQueries.toClear(request)) == 0) {
            return new ClearChargingProfileResponse().withStatus(ClearChargingProfileStatusEnum.UNKNOWN);
        }
        profilesChanged();
        return new ClearChargingProfileResponse().withStatus(ClearChargingProfileStatusEnum.ACCEPTED);
    }

    private void profilesChanged() {
        context.state().setChargingProfiles(new ArrayList<>(store.toState()));
        context.saveState();
        countEntries();
        listeners.forEach(Runnable::run);
    }

    private void countEntries() {
        if (context.deviceModel().find(SmartChargingSettings.ENTRIES).isPresent()) {
            context.deviceModel().setInternally(SmartChargingSettings.ENTRIES, AttributeEnum.ACTUAL,
                    String.valueOf(store.size()));
        }
    }

    private SmartChargingSettings settings() {
        return SmartChargingSettings.of(context.deviceModel(), evseIds());
    }

    private CompositeScheduleCalculator calculator() {
        return new CompositeScheduleCalculator(store.all(), transactions, supply, evseIds());
    }

    private Set<Integer> evseIds() {
        return context.state().getEvses().stream().map(EvseState::getId).collect(Collectors.toSet());
    }
}
