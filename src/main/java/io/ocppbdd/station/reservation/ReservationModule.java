package io.ocppbdd.station.reservation;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.CancelReservationRequest;
import io.ocppbdd.protocol.messages.CancelReservationResponse;
import io.ocppbdd.protocol.messages.CancelReservationStatusEnum;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.ReservationStatusUpdateRequest;
import io.ocppbdd.protocol.messages.ReservationStatusUpdateResponse;
import io.ocppbdd.protocol.messages.ReservationUpdateStatusEnum;
import io.ocppbdd.protocol.messages.ReserveNowRequest;
import io.ocppbdd.protocol.messages.ReserveNowResponse;
import io.ocppbdd.protocol.messages.ReserveNowStatusEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.evse.Connector;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.transactions.TransactionModule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ReserveNow and CancelReservation (H01, H02). A reservation of an EVSE turns its connectors Reserved
 * (H01.FR.23) until it expires (ReservationStatusUpdate Expired), is cancelled (H02.FR.02-04), is removed because
 * the EVSE became Unavailable or Faulted (H01.FR.16/17: Removed), or is used: the first TransactionEvent with
 * the reserved idToken on that EVSE carries the reservationId (H01.FR.15, F02.FR.06) and ends it. Reservations
 * without an EVSE are accepted only with ReservationCtrlr.NonEvseSpecific true (H01.FR.18/19) and reserve no
 * connector. ReservationCtrlr.Enabled false rejects every reservation (H01.FR.01).
 */
public final class ReservationModule implements StationModule {

    private final EvseModule evses;
    private final TransactionModule transactions;
    private final Map<Integer, Reservation> reservations = new LinkedHashMap<>();
    private StationContext context;

    /** One accepted reservation; evseId is null for a reservation of no particular EVSE. */
    private record Reservation(int id, Integer evseId, IdToken idToken, IdToken groupIdToken,
                               Scheduler.Cancellable expiry) {
    }

    public ReservationModule(EvseModule evses, TransactionModule transactions) {
        this.evses = evses;
        this.transactions = transactions;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.handle(Action.ReserveNow, CallHandler.of(ReserveNowRequest.class, this::reserve));
        context.handle(Action.CancelReservation, CallHandler.of(CancelReservationRequest.class, this::cancel));
        transactions.decorateEvents((evseId, event) -> {
            if (event.getIdToken() != null) {
                reservationFor(evseId, event.getIdToken(), null).ifPresent(reservation -> {
                    event.withReservationId(reservation.id());
                    context.loop().execute(() -> end(reservation, null));
                });
            }
        });
    }

    /**
     * Whether this idToken (or group) may use this EVSE as far as reservations go (F01.FR.21/22): the EVSE is not
     * reserved, or reserved for this idToken or groupIdToken. Call on the station's loop.
     */
    public boolean admits(int evseId, IdToken idToken, IdToken groupIdToken) {
        return reservations.values().stream().noneMatch(r -> Objects.equals(r.evseId(), evseId))
                || reservationFor(evseId, idToken, groupIdToken).isPresent();
    }

    /**
     * Ends every reservation of this EVSE because it became Unavailable or Faulted (H01.FR.16/17), telling the
     * CSMS with ReservationStatusUpdate Removed. Call on the station's loop.
     */
    public void removeOn(int evseId) {
        List.copyOf(reservations.values()).stream().filter(r -> Objects.equals(r.evseId(), evseId))
                .forEach(r -> end(r, ReservationUpdateStatusEnum.REMOVED));
    }

    private ReserveNowResponse reserve(ReserveNowRequest request) {
        ReserveNowStatusEnum status = check(request);
        if (status == ReserveNowStatusEnum.ACCEPTED) {
            Optional.ofNullable(reservations.get(request.getId())).ifPresent(old -> end(old, null)); // H01.FR.02
            Duration validity = Duration.between(context.clock().instant(), request.getExpiryDateTime().toInstant());
            int id = request.getId();
            Scheduler.Cancellable expiry = context.scheduler().schedule(validity.isNegative() ? Duration.ZERO : validity,
                    context.loop(), () -> Optional.ofNullable(reservations.get(id))
                            .ifPresent(r -> end(r, ReservationUpdateStatusEnum.EXPIRED)));
            Reservation reservation = new Reservation(id, request.getEvseId(), request.getIdToken(),
                    request.getGroupIdToken(), expiry);
            reservations.put(id, reservation);
            if (reservation.evseId() != null) {
                Evse evse = evses.evse(reservation.evseId());
                evse.connectors().forEach(c -> evses.setReserved(evse.id(), c.id(), true));
            }
        }
        return new ReserveNowResponse().withStatus(status);
    }

    private ReserveNowStatusEnum check(ReserveNowRequest request) {
        if (!flag("Enabled", true)) {
            return ReserveNowStatusEnum.REJECTED;
        }
        Integer evseId = request.getEvseId();
        if (evseId == null) {
            boolean anyAvailable = evses.evses().stream().anyMatch(evse -> status(evse, request.getId())
                    == ReserveNowStatusEnum.ACCEPTED);
            return flag("NonEvseSpecific", false) && anyAvailable
                    ? ReserveNowStatusEnum.ACCEPTED : ReserveNowStatusEnum.REJECTED;
        }
        if (evseId < 1 || evseId > evses.evses().size()) {
            return ReserveNowStatusEnum.REJECTED;
        }
        return status(evses.evse(evseId), request.getId());
    }

    /** H01.FR.11-14: what a reservation of this EVSE would get, ignoring the reservation being replaced. */
    private ReserveNowStatusEnum status(Evse evse, int replacedId) {
        List<ConnectorStatusEnum> statuses = evse.connectors().stream().map(Connector::status).toList();
        boolean reservedByOther = reservations.values().stream()
                .anyMatch(r -> r.id() != replacedId && Objects.equals(r.evseId(), evse.id()));
        if (statuses.stream().allMatch(ConnectorStatusEnum.FAULTED::equals)) {
            return ReserveNowStatusEnum.FAULTED;
        }
        if (statuses.stream().allMatch(s -> s == ConnectorStatusEnum.UNAVAILABLE || s == ConnectorStatusEnum.FAULTED)) {
            return ReserveNowStatusEnum.UNAVAILABLE;
        }
        if (reservedByOther || transactions.hasTransaction(evse.id()) || transactions.isAuthorized(evse.id())
                || evse.pluggedConnector().isPresent()) {
            return ReserveNowStatusEnum.OCCUPIED;
        }
        return ReserveNowStatusEnum.ACCEPTED;
    }

    private CancelReservationResponse cancel(CancelReservationRequest request) {
        Reservation reservation = reservations.get(request.getReservationId());
        if (reservation == null) { // H02.FR.01
            return new CancelReservationResponse().withStatus(CancelReservationStatusEnum.REJECTED);
        }
        end(reservation, null);
        return new CancelReservationResponse().withStatus(CancelReservationStatusEnum.ACCEPTED);
    }

    /** Forgets a reservation, frees its connectors and, with a status, tells the CSMS. */
    private void end(Reservation reservation, ReservationUpdateStatusEnum update) {
        if (reservations.remove(reservation.id()) == null) {
            return;
        }
        reservation.expiry().cancel();
        if (reservation.evseId() != null) {
            int evseId = reservation.evseId();
            evses.evse(evseId).connectors().forEach(c -> evses.setReserved(evseId, c.id(), false));
        }
        if (update != null) {
            context.send(new ReservationStatusUpdateRequest().withReservationId(reservation.id())
                    .withReservationUpdateStatus(update), ReservationStatusUpdateResponse.class);
        }
    }

    private Optional<Reservation> reservationFor(int evseId, IdToken idToken, IdToken groupIdToken) {
        return reservations.values().stream()
                .filter(r -> r.evseId() == null || r.evseId() == evseId)
                .filter(r -> sameToken(r.idToken(), idToken) || sameToken(r.groupIdToken(), groupIdToken))
                .findFirst();
    }

    private static boolean sameToken(IdToken a, IdToken b) {
        return a != null && b != null && a.getIdToken().equals(b.getIdToken()) && a.getType() == b.getType();
    }

    private boolean flag(String variable, boolean fallback) {
        return Boolean.parseBoolean(context.deviceModel().actual("ReservationCtrlr", variable)
                .orElse(Boolean.toString(fallback)));
    }
}
