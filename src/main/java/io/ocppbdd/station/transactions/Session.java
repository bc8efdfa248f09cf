package io.ocppbdd.station.transactions;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.messages.ChargingStateEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.metering.EnergyModel;
import io.ocppbdd.station.state.TransactionState;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What is true at one EVSE for the transaction engine: the EV side (as last seen), the authorization and the
 * transaction in progress, if any. The EV side is mirrored so that each change can compare before and after.
 */
final class Session {

    final Evse evse;
    final EnergyModel energy;
    TransactionState transaction;
    boolean plugged;
    boolean evSuspended;
    boolean bayOccupied;
    boolean energyFlowing;
    boolean authorized;
    boolean everAuthorized;
    IdToken idToken;
    IdToken groupIdToken;
    /** The idToken the next TransactionEvent carries (E03.FR.01, E07.FR.02); null when none. */
    IdToken idTokenToReport;
    Scheduler.Cancellable periodic = Scheduler.Cancellable.NONE;
    Scheduler.Cancellable endedSampling = Scheduler.Cancellable.NONE;
    Scheduler.Cancellable connectionTimeout = Scheduler.Cancellable.NONE;

    Session(Evse evse, EnergyModel energy) {
        this.evse = evse;
        this.energy = energy;
    }

    /** Takes over what the EVSE says about cable, EV and parking bay. */
    void syncWithEvse() {
        plugged = evse.pluggedConnector().isPresent();
        evSuspended = evse.isEvSuspended();
        bayOccupied = evse.isParkingBayOccupied();
    }

    /** Offers energy when the power path is closed and tells the model whether the EV asks for it. */
    void applyPower() {
        energy.offer(plugged && authorized);
        energy.evWantsEnergy(plugged && !evSuspended);
        energyFlowing = energy.powerWatts() > 0;
    }

    /** The TxStartPoint / TxStopPoint conditions that hold now (E01, E06); DataSigned never does. */
    Set<TxPoint> conditions() {
        Set<TxPoint> holding = EnumSet.noneOf(TxPoint.class);
        if (bayOccupied) {
            holding.add(TxPoint.PARKING_BAY_OCCUPANCY);
        }
        if (plugged) {
            holding.add(TxPoint.EV_CONNECTED);
        }
        if (authorized) {
            holding.add(TxPoint.AUTHORIZED);
        }
        if (plugged && authorized) {
            holding.add(TxPoint.POWER_PATH_CLOSED);
        }
        if (energyFlowing) {
            holding.add(TxPoint.ENERGY_TRANSFER);
        }
        return holding;
    }

    ChargingStateEnum chargingState() {
        if (!plugged) {
            return ChargingStateEnum.IDLE;
        }
        if (!authorized) {
            return everAuthorized ? ChargingStateEnum.SUSPENDED_EVSE : ChargingStateEnum.EV_CONNECTED;
        }
        if (energy.offeredWatts() <= 0) {
            return ChargingStateEnum.SUSPENDED_EVSE;
        }
        return energyFlowing ? ChargingStateEnum.CHARGING : ChargingStateEnum.SUSPENDED_EV;
    }

    void authorize(IdToken token, IdToken group) {
        authorized = true;
        everAuthorized = true;
        idToken = token;
        groupIdToken = group;
        idTokenToReport = token;
    }

    /** Ends the authorization; a stopping idToken is reported (E07.FR.02) and a reason remembered for Ended. */
    void endAuthorization(IdToken stoppingToken, String stoppedReason) {
        authorized = false;
        connectionTimeout.cancel();
        if (stoppingToken != null) {
            idTokenToReport = stoppingToken;
        }
        if (transaction != null && stoppedReason != null && transaction.getStoppedReason() == null) {
            transaction.setStoppedReason(stoppedReason);
        }
    }

    /** Forgets the transaction and its authorization once it has ended. */
    void clear() {
        periodic.cancel();
        endedSampling.cancel();
        connectionTimeout.cancel();
        transaction = null;
        authorized = false;
        everAuthorized = false;
        idToken = null;
        groupIdToken = null;
        idTokenToReport = null;
    }

    /** Copies the authorization into the transaction's saved state. */
    void saveAuthorization() {
        transaction.setAuthorized(authorized);
        transaction.setIdToken(token(idToken));
        transaction.setGroupIdToken(token(groupIdToken));
    }

    /** Takes the authorization back from a saved transaction after a restart. */
    void restore(TransactionState saved) {
        transaction = saved;
        authorized = saved.isAuthorized();
        idToken = idToken(saved.getIdToken());
        groupIdToken = idToken(saved.getGroupIdToken());
        everAuthorized = idToken != null;
    }

    static boolean sameToken(IdToken a, IdToken b) {
        return a != null && b != null && Objects.equals(a.getIdToken(), b.getIdToken())
                && Objects.equals(a.getType(), b.getType());
    }

    private static TransactionState.Token token(IdToken token) {
        return token == null ? null : new TransactionState.Token(token.getIdToken(), token.getType().value());
    }

    private static IdToken idToken(TransactionState.Token token) {
        return token == null ? null
                : new IdToken().withIdToken(token.idToken()).withType(IdTokenEnum.fromValue(token.type()));
    }
}
