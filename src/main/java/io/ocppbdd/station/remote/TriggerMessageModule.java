package io.ocppbdd.station.remote;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.FirmwareStatusEnum;
import io.ocppbdd.protocol.messages.FirmwareStatusNotificationRequest;
import io.ocppbdd.protocol.messages.FirmwareStatusNotificationResponse;
import io.ocppbdd.protocol.messages.HeartbeatRequest;
import io.ocppbdd.protocol.messages.HeartbeatResponse;
import io.ocppbdd.protocol.messages.LogStatusNotificationRequest;
import io.ocppbdd.protocol.messages.LogStatusNotificationResponse;
import io.ocppbdd.protocol.messages.MeasurandEnum;
import io.ocppbdd.protocol.messages.MeterValue;
import io.ocppbdd.protocol.messages.MeterValuesRequest;
import io.ocppbdd.protocol.messages.MeterValuesResponse;
import io.ocppbdd.protocol.messages.ReadingContextEnum;
import io.ocppbdd.protocol.messages.StatusNotificationRequest;
import io.ocppbdd.protocol.messages.StatusNotificationResponse;
import io.ocppbdd.protocol.messages.TriggerMessageRequest;
import io.ocppbdd.protocol.messages.TriggerMessageResponse;
import io.ocppbdd.protocol.messages.TriggerMessageStatusEnum;
import io.ocppbdd.protocol.messages.UploadLogStatusEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.evse.Connector;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.metering.Measurands;
import io.ocppbdd.station.metering.MeteringModule;
import io.ocppbdd.station.provisioning.BootModule;
import io.ocppbdd.station.transactions.TransactionModule;

import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * TriggerMessage (F06). The answer goes out first, then the requested message (F06.FR.04), sent even while
 * the boot is Pending (B02.FR.02). A requested message for an EVSE covers that EVSE, without one all EVSEs
 * (F06.FR.11); a StatusNotification without connectorId covers the connectors of the EVSE(s). Messages the
 * station cannot send (certificate signing, PublishFirmwareStatusNotification) are NotImplemented (F06.FR.08);
 * BootNotification after an Accepted boot (F06.FR.17) and a TransactionEvent without transaction are Rejected.
 */
public final class TriggerMessageModule implements StationModule {

    private final BootModule boot;
    private final EvseModule evses;
    private final MeteringModule metering;
    private final TransactionModule transactions;
    private volatile Supplier<FirmwareStatusNotificationRequest> firmwareStatus =
            () -> new FirmwareStatusNotificationRequest().withStatus(FirmwareStatusEnum.IDLE);
    private volatile Supplier<LogStatusNotificationRequest> logStatus =
            () -> new LogStatusNotificationRequest().withStatus(UploadLogStatusEnum.IDLE);
    private StationContext context;

    public TriggerMessageModule(BootModule boot, EvseModule evses, MeteringModule metering,
                                TransactionModule transactions) {
        this.boot = boot;
        this.evses = evses;
        this.metering = metering;
        this.transactions = transactions;
    }

    /** Where a triggered FirmwareStatusNotification comes from; Idle by default (F06.FR.16). */
    public void firmwareStatus(Supplier<FirmwareStatusNotificationRequest> source) {
        this.firmwareStatus = source;
    }

    /** Where a triggered LogStatusNotification comes from; Idle by default (F06.FR.15). */
    public void logStatus(Supplier<LogStatusNotificationRequest> source) {
        this.logStatus = source;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.handle(Action.TriggerMessage, CallHandler.of(TriggerMessageRequest.class, this::trigger));
    }

    private TriggerMessageResponse trigger(TriggerMessageRequest request) {
        TriggerMessageStatusEnum status = decide(request);
        return new TriggerMessageResponse().withStatus(status);
    }

    private TriggerMessageStatusEnum decide(TriggerMessageRequest request) {
        EVSE evse = request.getEvse();
        if (evse != null && !exists(evse)) {
            return TriggerMessageStatusEnum.REJECTED;
        }
        List<Evse> targets = evse == null ? evses.evses() : List.of(evses.evse(evse.getId()));
        Runnable send;
        switch (request.getRequestedMessage()) {
            case BOOT_NOTIFICATION -> {
                if (context.bootStatus() == BootStatus.ACCEPTED) {
                    return TriggerMessageStatusEnum.REJECTED;
                }
                send = boot::sendTriggered;
            }
            case HEARTBEAT -> send = () -> context.sendRegardlessOfBoot(new HeartbeatRequest(), HeartbeatResponse.class);
            case STATUS_NOTIFICATION -> send = () -> targets.forEach(target -> target.connectors().stream()
                    .filter(c -> evse == null || evse.getConnectorId() == null || c.id() == evse.getConnectorId())
                    .forEach(this::sendStatus));
            case METER_VALUES -> send = () -> targets.forEach(this::sendMeterValues);
            case TRANSACTION_EVENT -> {
                if (targets.stream().noneMatch(target -> transactions.hasTransaction(target.id()))) {
                    return TriggerMessageStatusEnum.REJECTED;
                }
                send = () -> targets.forEach(target -> transactions.sendTriggered(target.id()));
            }
            case FIRMWARE_STATUS_NOTIFICATION -> send = () -> context.sendRegardlessOfBoot(firmwareStatus.get(),
                    FirmwareStatusNotificationResponse.class);
            case LOG_STATUS_NOTIFICATION -> send = () -> context.sendRegardlessOfBoot(logStatus.get(),
                    LogStatusNotificationResponse.class);
            default -> {
                return TriggerMessageStatusEnum.NOT_IMPLEMENTED;
            }
        }
        context.afterReply(send);
        return TriggerMessageStatusEnum.ACCEPTED;
    }

    private boolean exists(EVSE evse) {
        int id = evse.getId();
        if (id < 1 || id > evses.evses().size()) {
            return false;
        }
        Integer connectorId = evse.getConnectorId();
        return connectorId == null || connectorId >= 1 && connectorId <= evses.evse(id).connectors().size();
    }

    private void sendStatus(Connector connector) {
        context.sendRegardlessOfBoot(new StatusNotificationRequest()
                .withTimestamp(context.clock().instant().atOffset(ZoneOffset.UTC))
                .withConnectorStatus(connector.status())
                .withEvseId(connector.evseId())
                .withConnectorId(connector.id()), StatusNotificationResponse.class);
    }

    /** F06.FR.06: the most recent readings of the AlignedDataCtrlr measurands. */
    private void sendMeterValues(Evse evse) {
        List<MeasurandEnum> measurands = Measurands.of(context.deviceModel(), "AlignedDataCtrlr", "Measurands",
                "Energy.Active.Import.Register");
        MeterValue value = metering.sample(evse.id(), measurands, ReadingContextEnum.TRIGGER);
        if (value != null) {
            context.saveState();
            context.sendRegardlessOfBoot(new MeterValuesRequest().withEvseId(evse.id()).withMeterValue(List.of(value)),
                    MeterValuesResponse.class);
        }
    }
}
