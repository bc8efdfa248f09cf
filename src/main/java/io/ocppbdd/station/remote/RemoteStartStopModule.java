package io.ocppbdd.station.remote;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartStopStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStartTransactionResponse;
import io.ocppbdd.protocol.messages.RequestStopTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStopTransactionResponse;
import io.ocppbdd.protocol.messages.TriggerReasonEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.evse.Connector;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.reservation.ReservationModule;
import io.ocppbdd.station.transactions.TokenOutcome;
import io.ocppbdd.station.transactions.TransactionModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * RequestStartTransaction and RequestStopTransaction (F01-F03). A remote start authorizes the idToken on the
 * EVSE (asking the CSMS first when AuthCtrlr.AuthorizeRemoteStart is true, F01.FR.01/02); the next
 * TransactionEvent of that EVSE carries triggerReason RemoteStart and the remoteStartId (F01.FR.19/25,
 * F02.FR.01/21). A remote stop ends the authorization (F03.FR.02/03).
 */
public final class RemoteStartStopModule implements StationModule {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteStartStopModule.class);
    private static final Set<ConnectorStatusEnum> USABLE = Set.of(ConnectorStatusEnum.AVAILABLE,
            ConnectorStatusEnum.OCCUPIED, ConnectorStatusEnum.RESERVED);

    private final EvseModule evses;
    private final TransactionModule transactions;
    private final ReservationModule reservations;
    private final Map<Integer, Integer> pendingRemoteStartIds = new HashMap<>();
    private final Map<Integer, ChargingProfile> pendingProfiles = new HashMap<>();
    private final CopyOnWriteArrayList<BiConsumer<Integer, ChargingProfile>> profileListeners =
            new CopyOnWriteArrayList<>();
    private StationContext context;

    public RemoteStartStopModule(EvseModule evses, TransactionModule transactions, ReservationModule reservations) {
        this.evses = evses;
        this.transactions = transactions;
        this.reservations = reservations;
    }

    /**
     * Receives, on the station's loop, the TxProfile of an accepted RequestStartTransaction with the EVSE id, once
     * the transaction it is for has an id: the profile then carries that transactionId (F01.FR.10, F02.FR.18).
     * Without a listener the profile is ignored, as F01.FR.12 asks of a station without smart charging.
     */
    public void onChargingProfile(BiConsumer<Integer, ChargingProfile> listener) {
        profileListeners.add(listener);
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        transactions.decorateEvents((evseId, event) -> {
            Integer remoteStartId = pendingRemoteStartIds.remove(evseId);
            ChargingProfile profile = pendingProfiles.remove(evseId);
            if (remoteStartId != null && transactions.isAuthorized(evseId)) { // else the remote start lapsed
                event.withTriggerReason(TriggerReasonEnum.REMOTE_START);
                event.getTransactionInfo().withRemoteStartId(remoteStartId);
                if (profile != null) {
                    profile.withTransactionId(event.getTransactionInfo().getTransactionId());
                    context.loop().execute(() -> profileListeners.forEach(l -> l.accept(evseId, profile)));
                }
            }
        });
        context.handle(Action.RequestStartTransaction, CallHandler.of(RequestStartTransactionRequest.class,
                this::start));
        context.handle(Action.RequestStopTransaction, CallHandler.of(RequestStopTransactionRequest.class,
                this::stop));
    }

    private RequestStartTransactionResponse start(RequestStartTransactionRequest request) {
        Optional<Evse> evse = choose(request);
        if (context.bootStatus() != BootStatus.ACCEPTED || evse.isEmpty()) { // B02.FR.05, F01.FR.21-24
            return new RequestStartTransactionResponse().withStatus(RequestStartStopStatusEnum.REJECTED);
        }
        int evseId = evse.get().id();
        RequestStartTransactionResponse response = new RequestStartTransactionResponse()
                .withStatus(RequestStartStopStatusEnum.ACCEPTED)
                .withTransactionId(transactions.transactionIdOn(evseId).orElse(null)); // F01.FR.13
        pendingRemoteStartIds.put(evseId, request.getRemoteStartId());
        if (request.getChargingProfile() != null) {
            pendingProfiles.put(evseId, request.getChargingProfile());
        } else {
            pendingProfiles.remove(evseId);
        }
        context.afterReply(() -> authorize(evseId, request));
        return response;
    }

    private void authorize(int evseId, RequestStartTransactionRequest request) {
        boolean askFirst = Boolean.parseBoolean(context.deviceModel()
                .actual("AuthCtrlr", "AuthorizeRemoteStart").orElse("false"));
        if (!askFirst) {
            transactions.authorizeUnchecked(evseId, request.getIdToken(), request.getGroupIdToken());
            return;
        }
        transactions.presentToken(evseId, request.getIdToken()).whenCompleteAsync((outcome, failure) -> {
            if (failure != null || outcome != TokenOutcome.AUTHORIZED) {
                LOG.info("{}: remote start {} not authorized ({})", context.stationId(), request.getRemoteStartId(),
                        failure != null ? failure.getMessage() : outcome);
                if (pendingRemoteStartIds.remove(evseId, request.getRemoteStartId())) {
                    pendingProfiles.remove(evseId);
                }
            }
        }, context.loop());
    }

    /** The requested EVSE, or the first that could take the start (F01.FR.20); empty when none can. */
    private Optional<Evse> choose(RequestStartTransactionRequest request) {
        Integer evseId = request.getEvseId();
        if (evseId == null) {
            return evses.evses().stream().filter(evse -> canStart(evse, request)).findFirst();
        }
        if (evseId < 1 || evseId > evses.evses().size()) {
            return Optional.empty();
        }
        Evse evse = evses.evse(evseId);
        return canStart(evse, request) ? Optional.of(evse) : Optional.empty();
    }

    /** F01.FR.21-24: not Unavailable or Faulted, not authorized already, not reserved for someone else. */
    private boolean canStart(Evse evse, RequestStartTransactionRequest request) {
        boolean usable = evse.connectors().stream().map(Connector::status).anyMatch(USABLE::contains);
        return usable && !transactions.isAuthorized(evse.id())
                && reservations.admits(evse.id(), request.getIdToken(), request.getGroupIdToken());
    }

    private RequestStopTransactionResponse stop(RequestStopTransactionRequest request) {
        Optional<Integer> evseId = transactions.evseOf(request.getTransactionId());
        if (context.bootStatus() != BootStatus.ACCEPTED || evseId.isEmpty()) { // B02.FR.05, F03.FR.08
            return new RequestStopTransactionResponse().withStatus(RequestStartStopStatusEnum.REJECTED);
        }
        context.afterReply(() -> transactions.stopRemotely(evseId.get()));
        return new RequestStopTransactionResponse().withStatus(RequestStartStopStatusEnum.ACCEPTED);
    }
}
