package io.ocppbdd.station.remote;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartStopStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStartTransactionResponse;
import io.ocppbdd.protocol.messages.RequestStopTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStopTransactionResponse;
import io.ocppbdd.protocol.messages.StatusInfo;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

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
    private final CopyOnWriteArrayList<IntConsumer> authorizedListeners = new CopyOnWriteArrayList<>();
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

    /** Told, on the station's loop, the EVSE id each time a remote start has authorized its idToken there. */
    public void onRemoteStartAuthorized(IntConsumer listener) {
        authorizedListeners.add(listener);
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
        if (context.bootStatus() != BootStatus.ACCEPTED) { // B02.FR.05
            return new RequestStartTransactionResponse().withStatus(RequestStartStopStatusEnum.REJECTED)
                    .withStatusInfo(refusal("CSNotAccepted", "the CSMS has not accepted the station"));
        }
        Choice choice = choose(request);
        if (choice.evse() == null) { // F01.FR.21-24
            return new RequestStartTransactionResponse().withStatus(RequestStartStopStatusEnum.REJECTED)
                    .withStatusInfo(choice.refusal());
        }
        int evseId = choice.evse().id();
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
            authorizedListeners.forEach(listener -> listener.accept(evseId));
            return;
        }
        transactions.presentToken(evseId, request.getIdToken()).whenCompleteAsync((outcome, failure) -> {
            if (failure == null && outcome == TokenOutcome.AUTHORIZED) {
                authorizedListeners.forEach(listener -> listener.accept(evseId));
            } else {
                LOG.info("{}: remote start {} not authorized ({})", context.stationId(), request.getRemoteStartId(),
                        failure != null ? failure.getMessage() : outcome);
                if (pendingRemoteStartIds.remove(evseId, request.getRemoteStartId())) {
                    pendingProfiles.remove(evseId);
                }
            }
        }, context.loop());
    }

    /** The EVSE a remote start goes to, or why none can take it. */
    private record Choice(Evse evse, StatusInfo refusal) {
    }

    /** The requested EVSE, or the first that could take the start (F01.FR.20). */
    private Choice choose(RequestStartTransactionRequest request) {
        Integer evseId = request.getEvseId();
        if (evseId != null && (evseId < 1 || evseId > evses.evses().size())) {
            return new Choice(null, refusal("UnknownEvse", "the station has no EVSE " + evseId));
        }
        List<Evse> candidates = evseId == null ? evses.evses() : List.of(evses.evse(evseId));
        for (Evse evse : candidates) {
            Optional<StatusInfo> refused = refusal(evse, request);
            if (refused.isEmpty()) {
                return new Choice(evse, null);
            }
            if (candidates.size() == 1) {
                return new Choice(null, refused.get());
            }
        }
        return new Choice(null, refusal("Unspecified", "no EVSE can start a transaction"));
    }

    /**
     * F01.FR.21-24: why this EVSE cannot take the start: Unavailable or Faulted, an authorized transaction already
     * (TxInProgress), or reserved for someone else; empty when it can.
     */
    private Optional<StatusInfo> refusal(Evse evse, RequestStartTransactionRequest request) {
        if (evse.connectors().stream().map(Connector::status).noneMatch(USABLE::contains)) {
            return Optional.of(refusal("Unspecified", "EVSE " + evse.id() + " is " + evse.connectors().stream()
                    .map(connector -> connector.status().value()).distinct().collect(Collectors.joining(" and "))));
        }
        if (transactions.isAuthorized(evse.id())) {
            return Optional.of(refusal("TxInProgress", "EVSE " + evse.id() + " already has an authorized transaction"));
        }
        if (!reservations.admits(evse.id(), request.getIdToken(), request.getGroupIdToken())) {
            return Optional.of(refusal("Unspecified", "EVSE " + evse.id() + " is reserved for another idToken"));
        }
        return Optional.empty();
    }

    private RequestStopTransactionResponse stop(RequestStopTransactionRequest request) {
        if (context.bootStatus() != BootStatus.ACCEPTED) { // B02.FR.05
            return new RequestStopTransactionResponse().withStatus(RequestStartStopStatusEnum.REJECTED)
                    .withStatusInfo(refusal("CSNotAccepted", "the CSMS has not accepted the station"));
        }
        Optional<Integer> evseId = transactions.evseOf(request.getTransactionId());
        if (evseId.isEmpty()) { // F03.FR.08
            return new RequestStopTransactionResponse().withStatus(RequestStartStopStatusEnum.REJECTED)
                    .withStatusInfo(refusal("TxNotFound", "no transaction " + request.getTransactionId()
                            + " is in progress"));
        }
        context.afterReply(() -> transactions.stopRemotely(evseId.get()));
        return new RequestStopTransactionResponse().withStatus(RequestStartStopStatusEnum.ACCEPTED);
    }

    /** A reason code of Part 2 Appendix 5 and a line for people. */
    private static StatusInfo refusal(String reasonCode, String additionalInfo) {
        return new StatusInfo().withReasonCode(reasonCode).withAdditionalInfo(additionalInfo);
    }
}
