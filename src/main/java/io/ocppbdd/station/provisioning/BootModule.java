package io.ocppbdd.station.provisioning;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.BootNotificationRequest;
import io.ocppbdd.protocol.messages.BootNotificationResponse;
import io.ocppbdd.protocol.messages.ChargingStation;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.StatusNotificationRequest;
import io.ocppbdd.protocol.messages.StatusNotificationResponse;
import io.ocppbdd.rpc.OcppException;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.state.EvseState.ConnectorState;
import io.ocppbdd.station.state.StationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.BiPredicate;

/**
 * Cold boot (B01-B03): BootNotification on every (re)connection until accepted, retry after the CSMS's interval
 * while Pending or Rejected (B02.FR.08, B03.FR.06; an own interval when it is 0, B02.FR.07), SecurityError for
 * CSMS calls while Rejected (B03.FR.08), heartbeat interval from the response (B01.FR.04) and a
 * StatusNotification for every connector once accepted (B01.FR.05).
 */
public final class BootModule implements StationModule {

    /** Wait before the next BootNotification when the CSMS gives interval 0 or does not answer. */
    static final Duration OWN_RETRY_INTERVAL = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(BootModule.class);
    private static final VariableKey HEARTBEAT_INTERVAL = VariableKey.of("OCPPCommCtrlr", "HeartbeatInterval");

    private StationContext context;
    private Scheduler.Cancellable retry = Scheduler.Cancellable.NONE;

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.events().onConnected(() -> {
            if (context.bootStatus() != BootStatus.ACCEPTED) {
                sendBootNotification();
            }
        });
        context.events().onDisconnected(() -> retry.cancel());
    }

    /** Refuses every CSMS call while the CSMS has rejected the station (B03.FR.08). */
    public static void refuseWhileRejected(StationContext context) {
        if (context.bootStatus() == BootStatus.REJECTED) {
            throw new OcppException(ErrorCode.SecurityError, "The CSMS rejected this station's BootNotification");
        }
    }

    private void sendBootNotification() {
        retry.cancel();
        StationState.Identity identity = context.state().getIdentity();
        BootNotificationRequest request = new BootNotificationRequest().withReason(context.bootReason())
                .withChargingStation(new ChargingStation().withVendorName(identity.vendorName())
                        .withModel(identity.model()).withSerialNumber(identity.serialNumber())
                        .withFirmwareVersion(identity.firmwareVersion()));
        context.sendRegardlessOfBoot(request, BootNotificationResponse.class).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.warn("{}: BootNotification failed ({}), retrying in {} s", context.stationId(),
                        failure.getMessage(), OWN_RETRY_INTERVAL.toSeconds());
                scheduleRetry(OWN_RETRY_INTERVAL);
            } else {
                handle(response);
            }
        });
    }

    private void handle(BootNotificationResponse response) {
        int interval = response.getInterval();
        switch (response.getStatus()) {
            case ACCEPTED -> {
                if (interval > 0) {
                    context.deviceModel().setInternally(HEARTBEAT_INTERVAL, AttributeEnum.ACTUAL,
                            Integer.toString(interval));
                }
                context.bootStatus(BootStatus.ACCEPTED);
                reportConnectorStatuses();
            }
            case PENDING -> {
                context.bootStatus(BootStatus.PENDING);
                scheduleRetry(interval > 0 ? Duration.ofSeconds(interval) : OWN_RETRY_INTERVAL);
            }
            case REJECTED -> {
                context.bootStatus(BootStatus.REJECTED);
                scheduleRetry(interval > 0 ? Duration.ofSeconds(interval) : OWN_RETRY_INTERVAL);
            }
            default -> throw new IllegalStateException("unknown registration status " + response.getStatus());
        }
    }

    private void scheduleRetry(Duration wait) {
        retry.cancel();
        retry = context.scheduler().schedule(wait, context.loop(), this::sendBootNotification);
    }

    private void reportConnectorStatuses() {
        reportConnectorStatuses(context, (evseId, connector) -> true);
    }

    /** Sends a StatusNotification with the current status of each connector this filter picks. */
    static void reportConnectorStatuses(StationContext context, BiPredicate<Integer, ConnectorState> filter) {
        context.state().getEvses().forEach(evse -> evse.getConnectors().stream()
                .filter(connector -> filter.test(evse.getId(), connector))
                .forEach(connector -> context.send(new StatusNotificationRequest()
                        .withTimestamp(context.clock().instant().atOffset(java.time.ZoneOffset.UTC))
                        .withConnectorStatus(ConnectorStatusEnum.fromValue(connector.getStatus()))
                        .withEvseId(evse.getId())
                        .withConnectorId(connector.getId()), StatusNotificationResponse.class)));
    }

    /** Sends a BootNotification now, as TriggerMessage asks while the station is not yet accepted (F06). */
    public void sendTriggered() {
        sendBootNotification();
    }
}
