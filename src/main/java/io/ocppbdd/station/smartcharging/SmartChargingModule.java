package io.ocppbdd.station.smartcharging;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.ChargingProfile;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Smart charging (functional block K): SetChargingProfile (K01), GetCompositeSchedule (K08), GetChargingProfiles
 * with ReportChargingProfiles (K09) and ClearChargingProfile (K10). Profiles persist in the state file
 * (K01.FR.27). The composite limit of each EVSE caps its simulated power: {@link #onLimit} tells it whenever it
 * changes (profiles set or cleared, a transaction started or ended, a schedule period began), and
 * {@link #limitWatts} reads it at any moment.
 *
 * <p>With SmartChargingCtrlr.Available or Enabled false every smart-charging CALL is answered NotSupported
 * (K01.FR.29).
 */
public final class SmartChargingModule implements StationModule {

    private static final Logger LOG = LoggerFactory.getLogger(SmartChargingModule.class);

    private static final Duration LONGEST_QUIET = Duration.ofDays(8);

    private final Supply supply;
    private final List<BiConsumer<Integer, OptionalDouble>> limitListeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, OptionalDouble> limits = new HashMap<>();
    private Scheduler.Cancellable nextRefresh = Scheduler.Cancellable.NONE;
    private volatile ActiveTransactions transactions = ActiveTransactions.NONE;
    private StationContext context;
    private ChargingProfileStore store = new ChargingProfileStore();

    /** Smart charging on a 230 V, 3-phase, 32 A supply per EVSE ({@link Supply#DEFAULT}). */
    public SmartChargingModule() {
        this(Supply.DEFAULT);
    }

    SmartChargingModule(Supply supply) {
        this.supply = supply;
    }

    /** Where TxProfiles find their transaction and Relative schedules their start; none by default. */
    public SmartChargingModule transactions(ActiveTransactions activeTransactions) {
        this.transactions = activeTransactions;
        return this;
    }

    /**
     * Told, on the station's loop, the EVSE id and its composite limit in W (empty = no limit) whenever that
     * changes (K01.FR.07, K01.FR.32, K10.FR.05), and once per EVSE when the station starts.
     */
    public void onLimit(BiConsumer<Integer, OptionalDouble> listener) {
        limitListeners.add(listener);
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        try {
            this.store = ChargingProfileStore.fromState(stationContext.state().getChargingProfiles());
        } catch (RuntimeException e) {
            LOG.error("{}: state file \"chargingProfiles\": {} (fix or remove the entry); starting without profiles",
                    stationContext.stationId(), e.getMessage());
        }
        countEntries();
        handle(Action.SetChargingProfile, SetChargingProfileRequest.class, this::setChargingProfile);
        handle(Action.GetCompositeSchedule, GetCompositeScheduleRequest.class, this::getCompositeSchedule);
        handle(Action.ClearChargingProfile, ClearChargingProfileRequest.class, this::clearChargingProfile);
        stationContext.handle(Action.GetChargingProfiles, call -> {
            requireEnabled();
            return getChargingProfiles(Json.fromTree(call.payload(), GetChargingProfilesRequest.class));
        });
        stationContext.loop().execute(this::refreshLimits);
    }

    /**
     * The composite limit in W on an EVSE (0 = the whole station) at a moment, or empty when no profile limits
     * it. Use on the station's loop.
     */
    OptionalDouble limitWatts(int evseId, Instant at) {
        return watts(calculator(), evseId, at);
    }

    private static OptionalDouble watts(CompositeScheduleCalculator calculator, int evseId, Instant at) {
        return calculator.limitAt(evseId, at, ChargingRateUnitEnum.W)
                .map(limit -> OptionalDouble.of(limit.value())).orElse(OptionalDouble.empty());
    }

    /** Call on the loop when a transaction started: its TxProfiles and Relative schedules now apply. */
    public void transactionStarted() {
        refreshLimits();
    }

    /** Call on the loop when a transaction ended: its TxProfiles are dropped (Part 2 §K 3.2). */
    public void transactionEnded(int evseId) {
        if (store.remove(p -> p.evseId() == evseId && p.purpose() == ChargingProfilePurposeEnum.TX_PROFILE) > 0) {
            profilesChanged();
        } else {
            refreshLimits();
        }
    }

    private <Q> void handle(Action action, Class<Q> requestType, Function<Q, Object> answer) {
        context.handle(action, CallHandler.of(requestType, request -> {
            requireEnabled();
            return answer.apply(request);
        }));
    }

    /** K01.FR.29: without smart charging (SmartChargingCtrlr.Available or Enabled false) answer NotSupported. */
    private void requireEnabled() {
        for (String variable : List.of("Available", "Enabled")) {
            if ("false".equals(context.deviceModel().actual(SmartChargingSettings.COMPONENT, variable).orElse("true"))) {
                throw new OcppException(ErrorCode.NotSupported,
                        "smart charging is off (SmartChargingCtrlr." + variable + " is false)");
            }
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
        // without a unit in the request: W when SmartChargingCtrlr.RateUnit has it, else A
        ChargingRateUnitEnum unit = request.getChargingRateUnit() != null ? request.getChargingRateUnit()
                : settings.rateUnits().stream().findFirst().orElse(ChargingRateUnitEnum.A);
        if (!settings.knowsEvse(request.getEvseId())) {
            return rejected(new Rejection("K08.FR.05", "UnknownEvse", "the station has no EVSE " + request.getEvseId()));
        }
        if (!settings.rateUnits().contains(unit)) {
            return rejected(new Rejection("K08.FR.07", "UnsupportedRateUnit",
                    unit.value() + " is not in SmartChargingCtrlr.RateUnit"));
        }
        if (request.getDuration() < 0) {
            return rejected(new Rejection("K08.FR.02", "InvalidValue",
                    "duration " + request.getDuration() + " is negative"));
        }
        Instant now = Instant.ofEpochSecond(context.clock().instant().getEpochSecond());
        return new GetCompositeScheduleResponse().withStatus(GenericStatusEnum.ACCEPTED)
                .withSchedule(calculator().schedule(request.getEvseId(), now, request.getDuration(), unit));
    }

    private static GetCompositeScheduleResponse rejected(Rejection rejection) {
        return new GetCompositeScheduleResponse().withStatus(GenericStatusEnum.REJECTED)
                .withStatusInfo(rejection.statusInfo());
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
        refreshLimits();
    }

    /** Tells the listeners of every EVSE limit that changed, then waits for the next possible change. */
    private void refreshLimits() {
        Instant now = context.clock().instant();
        CompositeScheduleCalculator calculator = calculator();
        for (int evseId : evseIds()) {
            OptionalDouble limit = watts(calculator, evseId, now);
            if (!limit.equals(limits.put(evseId, limit))) {
                limitListeners.forEach(listener -> listener.accept(evseId, limit));
            }
        }
        nextRefresh.cancel();
        nextRefresh = Scheduler.Cancellable.NONE;
        if (store.size() > 0) {
            Instant next = calculator.nextChange(now, now.plus(LONGEST_QUIET)).orElse(now.plus(LONGEST_QUIET));
            nextRefresh = context.scheduler().schedule(Duration.between(now, next), context.loop(),
                    this::refreshLimits);
        }
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

    /**
     * F01.FR.10 / F02.FR.18: installs the TxProfile of an accepted RequestStartTransaction on its EVSE, its
     * transactionId set to the transaction that start began; it goes when that transaction ends. Not validated
     * (F01.FR.26 is not implemented). Call on the station's loop.
     */
    public void installRemoteStartProfile(int evseId, ChargingProfile profile) {
        store.install(evseId, profile);
        profilesChanged();
    }
}
