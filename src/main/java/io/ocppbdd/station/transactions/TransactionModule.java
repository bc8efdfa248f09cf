package io.ocppbdd.station.transactions;

import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.ChargingStateEnum;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.protocol.messages.MeasurandEnum;
import io.ocppbdd.protocol.messages.MeterValue;
import io.ocppbdd.protocol.messages.ReadingContextEnum;
import io.ocppbdd.protocol.messages.ReasonEnum;
import io.ocppbdd.protocol.messages.Transaction;
import io.ocppbdd.protocol.messages.TransactionEventEnum;
import io.ocppbdd.protocol.messages.TransactionEventRequest;
import io.ocppbdd.protocol.messages.TransactionEventResponse;
import io.ocppbdd.protocol.messages.TriggerReasonEnum;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.authorization.AuthorizationModule;
import io.ocppbdd.station.authorization.StopAuthorization;
import io.ocppbdd.station.evse.Connector;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.evse.EvseListener;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.metering.EnergyModel;
import io.ocppbdd.station.metering.Measurands;
import io.ocppbdd.station.metering.MeteringModule;
import io.ocppbdd.station.smartcharging.ActiveTransactions;
import io.ocppbdd.station.smartcharging.SmartChargingModule;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.TransactionState;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The TransactionEvent engine of Part 2 §E. Each change at an EVSE (cable, EV, parking bay, idToken, CSMS verdict,
 * timer) is compared before and after against TxCtrlr.TxStartPoint and TxStopPoint: a start point that becomes
 * true starts a transaction (E01.FR.01-06), a stop point that stops holding ends it (E06.FR.01-07), anything else
 * during a transaction is an Updated event with the trigger reason of the change (E02.FR.17). Each transaction
 * has a random UUID (E01.FR.08) and seqNo 0, 1, 2, ... (E01.FR.07); evse and idToken appear only where the spec
 * puts them (E01.FR.16, E03.FR.01, E07.FR.02); meter values follow SampledDataCtrlr (E01.FR.09, J02.FR.11,
 * E06.FR.11). Every event is journaled together with the state file before it is sent (see the station's outbox),
 * so a restarted station carries on and delivers what it had not delivered.
 */
public final class TransactionModule implements StationModule, EvseListener {

    private static final String TX = "TxCtrlr";
    private static final String SAMPLED = "SampledDataCtrlr";
    private static final MeasurandSetting STARTED_MEASURANDS =
            new MeasurandSetting("TxStartedMeasurands", "Energy.Active.Import.Register");
    private static final MeasurandSetting UPDATED_MEASURANDS =
            new MeasurandSetting("TxUpdatedMeasurands", "Energy.Active.Import.Register,Power.Active.Import");
    private static final MeasurandSetting ENDED_MEASURANDS =
            new MeasurandSetting("TxEndedMeasurands", "Energy.Active.Import.Register");

    private final EvseModule evses;
    private final MeteringModule metering;
    private final AuthorizationModule authorization;
    private final SmartChargingModule smartCharging;
    private final List<Session> sessions = new ArrayList<>();
    private volatile StationContext context;
    private boolean changing;
    private boolean connected;

    /** A SampledDataCtrlr measurand-list variable and its value when the device model lacks it. */
    private record MeasurandSetting(String variable, String fallback) {
    }

    /** Whether a change ends the transaction by the stop points, always, or never. */
    private enum Ending { BY_STOP_POINTS, ALWAYS, NEVER }

    /**
     * The engine over these EVSEs and meters; idTokens are judged by the authorization block (C01, C09, C16) and
     * smart charging learns of transactions and caps the EVSEs' power (K01).
     */
    public TransactionModule(EvseModule evses, MeteringModule metering, AuthorizationModule authorization,
                             SmartChargingModule smartCharging) {
        this.evses = evses;
        this.metering = metering;
        this.authorization = authorization;
        this.smartCharging = smartCharging;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        for (Evse evse : evses.evses()) {
            Session session = new Session(evse, metering.energyModel(evse.id()));
            session.syncWithEvse();
            TransactionState saved = state(evse.id()).getTransaction();
            if (saved != null) {
                session.restore(saved);
                schedulePeriodic(session);
                scheduleEndedSampling(session);
            }
            session.applyPower();
            sessions.add(session);
            if (saved != null && chargingStateChanged(session)) {
                // the power went off between a change and its report: report it now (E02.FR.13)
                change(session, TriggerReasonEnum.CHARGING_STATE_CHANGED, Ending.BY_STOP_POINTS, () -> { });
            }
        }
        context.onAnswered(TransactionEventRequest.class, TransactionEventResponse.class, this::answered);
        context.events().onConnected(() -> connected = true);
        context.events().onDisconnected(() -> connected = false);
        evses.addListener(this);
        metering.transactionSink(this::sendClockAligned);
        smartCharging.transactions(new ActiveTransactions() {
            @Override
            public Optional<String> transactionId(int evseId) {
                return Optional.ofNullable(session(evseId).transaction).map(TransactionState::getId);
            }

            @Override
            public Optional<Instant> startedAt(int evseId) {
                return Optional.ofNullable(session(evseId).transaction).map(t -> Instant.parse(t.getStartedAt()));
            }
        });
        smartCharging.onLimit((evseId, watts) -> {
            if (evseId >= 1 && evseId <= sessions.size()) {
                metering.energyModel(evseId).limitWatts(watts.orElse(-1));
            }
        });
        metering.onPowerChange(evseId -> {
            if (!changing) {
                change(session(evseId), TriggerReasonEnum.CHARGING_STATE_CHANGED, Ending.BY_STOP_POINTS, () -> { });
            }
        });
    }

    /**
     * The driver presents an idToken at an EVSE. Without an authorization there, it is authorized (C01) and may
     * start a transaction (E03); during an authorized one, the same idToken, or one of the same group, ends the
     * authorization (E07.FR.01).
     */
    public CompletableFuture<TokenOutcome> presentToken(int evseId, IdToken token) {
        return CompletableFuture.supplyAsync(() -> session(evseId), context.loop()).thenCompose(session -> {
            if (session.authorized) {
                IdTokenInfo starterInfo = new IdTokenInfo().withStatus(AuthorizationStatusEnum.ACCEPTED)
                        .withGroupIdToken(session.groupIdToken);
                return authorization.authorizeStop(token, session.idToken, starterInfo).thenApplyAsync(verdict -> {
                    if (verdict == StopAuthorization.MASTER_PASS) {
                        return stopAllWithMasterPass(token);
                    }
                    if (!verdict.allowed() || !session.authorized) {
                        return TokenOutcome.REFUSED;
                    }
                    change(session, TriggerReasonEnum.STOP_AUTHORIZED, Ending.BY_STOP_POINTS,
                            () -> session.endAuthorization(token, ReasonEnum.LOCAL.value()));
                    return TokenOutcome.STOPPED;
                }, context.loop());
            }
            return authorization.authorize(token, evseId).thenApplyAsync(info -> {
                if (authorization.isMasterPass(info)) {
                    return stopAllWithMasterPass(token);
                }
                if (!authorization.mayStart(info, evseId) || session.authorized) {
                    return TokenOutcome.REFUSED;
                }
                authorize(session, token, info.getGroupIdToken());
                return TokenOutcome.AUTHORIZED;
            }, context.loop());
        });
    }

    /**
     * A Master Pass token on a station without a UI stops every ongoing transaction, as in E07 (C16.FR.02), and
     * never starts one (C16.FR.03).
     */
    private TokenOutcome stopAllWithMasterPass(IdToken token) {
        List<Session> authorizedSessions = sessions.stream().filter(session -> session.authorized).toList();
        authorizedSessions.forEach(session -> change(session, TriggerReasonEnum.STOP_AUTHORIZED,
                Ending.BY_STOP_POINTS, () -> session.endAuthorization(token, ReasonEnum.MASTER_PASS.value())));
        return authorizedSessions.isEmpty() ? TokenOutcome.REFUSED : TokenOutcome.STOPPED;
    }

    /** The id of the transaction in progress on this EVSE, if any. */
    CompletableFuture<Optional<String>> transactionId(int evseId) {
        return CompletableFuture.supplyAsync(() -> Optional.ofNullable(session(evseId).transaction)
                .map(TransactionState::getId), context.loop());
    }

    @Override
    public void cablePlugged(Evse evse, Connector connector) {
        Session session = session(evse.id());
        session.connectionTimeout.cancel();
        change(session, TriggerReasonEnum.CABLE_PLUGGED_IN, Ending.BY_STOP_POINTS, () -> {
            metering.newEv(evse.id());
            session.syncWithEvse();
        });
    }

    @Override
    public void cableUnplugged(Evse evse, Connector connector) {
        Session session = session(evse.id());
        boolean deauthorize = flag("StopTxOnEVSideDisconnect", true);
        change(session, TriggerReasonEnum.EV_COMMUNICATION_LOST, Ending.BY_STOP_POINTS, () -> {
            metering.evLeft(evse.id());
            session.syncWithEvse();
            if (deauthorize && session.authorized) {
                session.endAuthorization(null, null);
            }
        });
    }

    @Override
    public void evDemandChanged(Evse evse) {
        Session session = session(evse.id());
        change(session, TriggerReasonEnum.CHARGING_STATE_CHANGED, Ending.BY_STOP_POINTS, session::syncWithEvse);
    }

    @Override
    public void parkingBayChanged(Evse evse) {
        Session session = session(evse.id());
        TriggerReasonEnum trigger = evse.isParkingBayOccupied()
                ? TriggerReasonEnum.EV_DETECTED : TriggerReasonEnum.EV_DEPARTED;
        change(session, trigger, Ending.BY_STOP_POINTS, session::syncWithEvse);
    }

    private void authorize(Session session, IdToken token, IdToken group) {
        change(session, TriggerReasonEnum.AUTHORIZED, Ending.BY_STOP_POINTS, () -> session.authorize(token, group));
        if (session.authorized && !session.plugged) {
            Duration timeout = context.deviceModel().seconds(TX, "EVConnectionTimeOut", 60);
            session.connectionTimeout = context.scheduler().schedule(timeout, context.loop(),
                    () -> evConnectionTimeout(session));
        }
    }

    /** C01.FR.26, E03.FR.05 and E03.FR.15: no cable within EVConnectionTimeOut ends the authorization. */
    private void evConnectionTimeout(Session session) {
        if (!session.authorized || session.plugged) {
            return;
        }
        boolean parkingBayStops = stopPoints().contains(TxPoint.PARKING_BAY_OCCUPANCY);
        change(session, TriggerReasonEnum.EV_CONNECT_TIMEOUT, parkingBayStops ? Ending.NEVER : Ending.ALWAYS,
                () -> session.endAuthorization(null, ReasonEnum.TIMEOUT.value()));
    }

    /**
     * E05 / E06.FR.04: the CSMS calls the idToken invalid; with StopTxOnInvalidId the authorization ends. Also for
     * events kept in the journal from before a restart.
     */
    private void answered(TransactionEventRequest request, TransactionEventResponse response) {
        IdTokenInfo info = response.getIdTokenInfo();
        IdToken sentToken = request.getIdToken();
        if (info == null || sentToken == null) {
            return;
        }
        authorization.remember(sentToken, info);
        String transactionId = request.getTransactionInfo().getTransactionId();
        sessions.stream().filter(s -> s.transaction != null && s.transaction.getId().equals(transactionId))
                .findFirst().ifPresent(session -> {
                    if (info.getStatus() != AuthorizationStatusEnum.ACCEPTED && session.authorized
                            && Session.sameToken(session.idToken, sentToken) && flag("StopTxOnInvalidId", true)) {
                        change(session, TriggerReasonEnum.DEAUTHORIZED, Ending.BY_STOP_POINTS,
                                () -> session.endAuthorization(null, ReasonEnum.DE_AUTHORIZED.value()));
                    }
                });
    }

    private void change(Session session, TriggerReasonEnum trigger, Ending ending, Runnable mutation) {
        changing = true;
        boolean wasAuthorized = session.authorized;
        try {
            Set<TxPoint> before = session.conditions();
            mutation.run();
            session.applyPower();
            Set<TxPoint> after = session.conditions();
            if (session.transaction == null) {
                if (startPoints().stream().anyMatch(point -> !before.contains(point) && after.contains(point))) {
                    start(session, trigger);
                }
            } else if (ending == Ending.ALWAYS || ending == Ending.BY_STOP_POINTS
                    && stopPoints().stream().anyMatch(point -> before.contains(point) && !after.contains(point))) {
                end(session, trigger);
            } else if (trigger != TriggerReasonEnum.CHARGING_STATE_CHANGED || chargingStateChanged(session)) {
                send(session, TransactionEventEnum.UPDATED, trigger, List.of());
            }
            save(session);
            if (wasAuthorized && !session.authorized) {
                int evseId = session.evse.id();
                context.loop().execute(() -> authorizationEndListeners.forEach(listener -> listener.accept(evseId)));
            }
        } finally {
            changing = false;
        }
    }

    private void start(Session session, TriggerReasonEnum trigger) {
        TransactionState transaction = new TransactionState();
        transaction.setId(UUID.randomUUID().toString());
        transaction.setStartedAt(Json.dateTime(context.clock().instant()));
        session.transaction = transaction;
        MeterValue begin = sample(session, STARTED_MEASURANDS, ReadingContextEnum.TRANSACTION_BEGIN);
        keepForEnded(session, ReadingContextEnum.TRANSACTION_BEGIN);
        send(session, TransactionEventEnum.STARTED, trigger, begin == null ? List.of() : List.of(begin));
        schedulePeriodic(session);
        scheduleEndedSampling(session);
        smartCharging.transactionStarted();
    }

    /**
     * Ends the transaction as the change left it; its authorization ends with it. The Ended event carries the
     * TxEndedMeasurands read at the start, every TxEndedInterval and now (E06.FR.11).
     */
    private void end(Session session, TriggerReasonEnum trigger) {
        keepForEnded(session, ReadingContextEnum.TRANSACTION_END);
        List<MeterValue> readings = session.transaction.getEndedMeterValues().stream()
                .map(node -> Json.fromTree(node, MeterValue.class)).toList();
        send(session, TransactionEventEnum.ENDED, trigger, readings);
        session.clear();
        session.applyPower();
        smartCharging.transactionEnded(session.evse.id());
        int evseId = session.evse.id();
        context.loop().execute(() -> endListeners.forEach(listener -> listener.accept(evseId)));
    }

    private void keepForEnded(Session session, ReadingContextEnum readingContext) {
        MeterValue value = sample(session, ENDED_MEASURANDS, readingContext);
        if (value != null) {
            session.transaction.getEndedMeterValues().add(Json.toTree(value));
        }
    }

    private void scheduleEndedSampling(Session session) {
        session.endedSampling.cancel();
        int interval = context.deviceModel().intValue(SAMPLED, "TxEndedInterval", 0);
        if (interval <= 0) {
            return;
        }
        session.endedSampling = context.scheduler().schedule(Duration.ofSeconds(interval), context.loop(), () -> {
            if (session.transaction != null) {
                keepForEnded(session, ReadingContextEnum.SAMPLE_PERIODIC);
                save(session);
                scheduleEndedSampling(session);
            }
        });
    }

    private void schedulePeriodic(Session session) {
        session.periodic.cancel();
        int interval = context.deviceModel().intValue(SAMPLED, "TxUpdatedInterval", 60);
        if (interval <= 0) {
            return;
        }
        session.periodic = context.scheduler().schedule(Duration.ofSeconds(interval), context.loop(), () -> {
            MeterValue value = sample(session, UPDATED_MEASURANDS, ReadingContextEnum.SAMPLE_PERIODIC);
            if (session.transaction != null && value != null) {
                send(session, TransactionEventEnum.UPDATED, TriggerReasonEnum.METER_VALUE_PERIODIC, List.of(value));
            }
            if (session.transaction != null) {
                schedulePeriodic(session);
            }
        });
    }

    /** J01.FR.22: clock-aligned readings of an EVSE in a transaction go in an Updated event. */
    private boolean sendClockAligned(int evseId, MeterValue value) {
        Session session = session(evseId);
        if (session.transaction == null) {
            return false;
        }
        send(session, TransactionEventEnum.UPDATED, TriggerReasonEnum.METER_VALUE_CLOCK, List.of(value));
        return true;
    }

    private MeterValue sample(Session session, MeasurandSetting setting, ReadingContextEnum readingContext) {
        List<MeasurandEnum> measurands = Measurands.of(context.deviceModel(), SAMPLED, setting.variable(),
                setting.fallback());
        return metering.sample(session.evse.id(), measurands, readingContext);
    }

    private boolean chargingStateChanged(Session session) {
        return !session.chargingState().value().equals(session.transaction.getChargingState());
    }

    private void send(Session session, TransactionEventEnum type, TriggerReasonEnum trigger,
                      List<MeterValue> meterValues) {
        TransactionState transaction = session.transaction;
        Transaction info = new Transaction().withTransactionId(transaction.getId());
        ChargingStateEnum chargingState = session.chargingState();
        boolean chargingStarts = false;
        if (type == TransactionEventEnum.STARTED || chargingStateChanged(session)) {
            info.withChargingState(chargingState);
            transaction.setChargingState(chargingState.value());
            chargingStarts = chargingState == ChargingStateEnum.CHARGING;
        }
        if (type == TransactionEventEnum.ENDED) {
            info.withStoppedReason(stoppedReason(session, trigger));
        }
        TransactionEventRequest request = new TransactionEventRequest()
                .withEventType(type)
                .withTimestamp(context.clock().instant().atOffset(ZoneOffset.UTC))
                .withTriggerReason(trigger)
                .withSeqNo(transaction.getNextSeqNo())
                .withTransactionInfo(info)
                .withOffline(!connected);
        transaction.setNextSeqNo(transaction.getNextSeqNo() + 1);
        if (chargingStarts) {
            request.withNumberOfPhasesUsed(EnergyModel.PHASES); // E02.FR.18
        }
        Optional<Connector> plugged = session.evse.pluggedConnector();
        if (type == TransactionEventEnum.STARTED) {
            request.withEvse(new EVSE().withId(session.evse.id())
                    .withConnectorId(plugged.map(Connector::id).orElse(null)));
            transaction.setConnectorReported(plugged.isPresent());
        } else if (plugged.isPresent() && !transaction.isConnectorReported()) {
            request.withEvse(new EVSE().withId(session.evse.id()).withConnectorId(plugged.get().id()));
            transaction.setConnectorReported(true);
        }
        IdToken token = session.idTokenToReport;
        if (token != null) {
            request.withIdToken(token);
            session.idTokenToReport = null;
        }
        if (!meterValues.isEmpty()) {
            request.withMeterValue(meterValues);
        }
        eventDecorators.forEach(decorator -> decorator.accept(session.evse.id(), request));
        copyToState(session);
        if (type == TransactionEventEnum.ENDED) {
            state(session.evse.id()).setTransaction(null); // the transaction is over once its Ended event exists
        }
        // journals the event and saves the state with it: after a kill both are there or neither, so a restart
        // never loses an event nor repeats a seqNo the CSMS may have seen
        context.send(request, TransactionEventResponse.class);
    }

    /** E06.FR.08 / E07.FR.05-06: a remembered reason (Local, DeAuthorized, Timeout) or the one of the trigger. */
    private static ReasonEnum stoppedReason(Session session, TriggerReasonEnum trigger) {
        String remembered = session.transaction.getStoppedReason();
        if (remembered != null) {
            return ReasonEnum.fromValue(remembered);
        }
        return switch (trigger) {
            case EV_COMMUNICATION_LOST, EV_DEPARTED -> ReasonEnum.EV_DISCONNECTED;
            case STOP_AUTHORIZED -> ReasonEnum.LOCAL;
            case DEAUTHORIZED -> ReasonEnum.DE_AUTHORIZED;
            case EV_CONNECT_TIMEOUT -> ReasonEnum.TIMEOUT;
            case CHARGING_STATE_CHANGED -> session.evSuspended ? ReasonEnum.STOPPED_BY_EV : ReasonEnum.OTHER;
            default -> ReasonEnum.OTHER;
        };
    }

    private void save(Session session) {
        copyToState(session);
        context.saveState();
    }

    private void copyToState(Session session) {
        if (session.transaction != null) {
            session.saveAuthorization();
        }
        state(session.evse.id()).setTransaction(session.transaction);
        metering.save(session.evse.id());
    }

    private Set<TxPoint> startPoints() {
        return TxPoint.parse(context.deviceModel().actual(TX, "TxStartPoint").orElse("PowerPathClosed"));
    }

    private Set<TxPoint> stopPoints() {
        return TxPoint.parse(context.deviceModel().actual(TX, "TxStopPoint").orElse("EVConnected,Authorized"));
    }

    private boolean flag(String variable, boolean fallback) {
        return Boolean.parseBoolean(context.deviceModel().actual(TX, variable).orElse(Boolean.toString(fallback)));
    }

    private EvseState state(int evseId) {
        return context.state().getEvses().get(evseId - 1);
    }

    private Session session(int evseId) {
        evses.evse(evseId);
        return sessions.get(evseId - 1);
    }

    // Additions for remote control, availability and reservations (station/remote, availability, reservation).

    private final List<java.util.function.BiConsumer<Integer, TransactionEventRequest>> eventDecorators =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.IntConsumer> endListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.IntConsumer> authorizationEndListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Lets a block add to (or change the trigger of) every TransactionEventRequest, given its EVSE id. */
    public void decorateEvents(java.util.function.BiConsumer<Integer, TransactionEventRequest> decorator) {
        eventDecorators.add(decorator);
    }

    /** Told, on the station's loop after the change is complete, the EVSE id of each transaction that ended. */
    public void onTransactionEnded(java.util.function.IntConsumer listener) {
        endListeners.add(listener);
    }

    /**
     * Told, on the station's loop after the change is complete, the EVSE id each time the authorization there
     * ends: stopped by a driver or the CSMS, deauthorized, timed out, or ended with its transaction.
     */
    public void onAuthorizationEnded(java.util.function.IntConsumer listener) {
        authorizationEndListeners.add(listener);
    }

    /** Whether a transaction is in progress on this EVSE; call on the station's loop. */
    public boolean hasTransaction(int evseId) {
        return session(evseId).transaction != null;
    }

    /** Whether an idToken is authorized on this EVSE, with or without a transaction; call on the station's loop. */
    public boolean isAuthorized(int evseId) {
        return session(evseId).authorized;
    }

    /** The id of the transaction in progress on this EVSE, if any; call on the station's loop. */
    public Optional<String> transactionIdOn(int evseId) {
        return Optional.ofNullable(session(evseId).transaction).map(TransactionState::getId);
    }

    /** The EVSE whose transaction in progress has this id, if any; call on the station's loop. */
    public Optional<Integer> evseOf(String transactionId) {
        return sessions.stream()
                .filter(s -> s.transaction != null && s.transaction.getId().equals(transactionId))
                .map(s -> s.evse.id()).findFirst();
    }

    /** F01.FR.02 / F02.FR.10: authorizes this idToken on the EVSE without asking anyone; call on the loop. */
    public void authorizeUnchecked(int evseId, IdToken token, IdToken group) {
        authorize(session(evseId), token, group);
    }

    /**
     * F03.FR.02-03: ends the authorization on this EVSE as the CSMS asked (triggerReason RemoteStop, stoppedReason
     * Remote); the transaction ends when TxStopPoint says so, otherwise an Updated event reports it. On the loop.
     */
    public void stopRemotely(int evseId) {
        change(session(evseId), TriggerReasonEnum.REMOTE_STOP, Ending.BY_STOP_POINTS,
                () -> session(evseId).endAuthorization(null, ReasonEnum.REMOTE.value()));
    }

    /** B12.FR.04 / B12.FR.08: ends the transaction on this EVSE now, whatever the stop points; on the loop. */
    public void endNow(int evseId, TriggerReasonEnum trigger, ReasonEnum reason) {
        Session session = session(evseId);
        if (session.transaction != null) {
            change(session, trigger, Ending.ALWAYS, () -> session.endAuthorization(null, reason.value()));
        }
    }

    /**
     * F06.FR.07: sends an Updated event with triggerReason Trigger, the charging state and the TxUpdated meter
     * values; false when the EVSE has no transaction. On the loop.
     */
    public boolean sendTriggered(int evseId) {
        Session session = session(evseId);
        if (session.transaction == null) {
            return false;
        }
        session.transaction.setChargingState(null); // report the charging state even when it did not change
        MeterValue value = sample(session, UPDATED_MEASURANDS, ReadingContextEnum.TRIGGER);
        send(session, TransactionEventEnum.UPDATED, TriggerReasonEnum.TRIGGER, value == null ? List.of() : List.of(value));
        return true;
    }
}
