package io.ocppbdd.station.firmware;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.Firmware;
import io.ocppbdd.protocol.messages.FirmwareStatusEnum;
import io.ocppbdd.protocol.messages.FirmwareStatusNotificationRequest;
import io.ocppbdd.protocol.messages.StatusInfo;
import io.ocppbdd.protocol.messages.UpdateFirmwareRequest;
import io.ocppbdd.protocol.messages.UpdateFirmwareResponse;
import io.ocppbdd.protocol.messages.UpdateFirmwareStatusEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.filetransfer.HttpFileTransfer;
import io.ocppbdd.station.transactions.TransactionModule;

/**
 * Firmware management (L01 secure, L02 non-secure firmware update): answers UpdateFirmware and runs the update
 * it asks for, one at a time; a new request cancels the ongoing update (AcceptedCanceled, L01.FR.24); the
 * install waits until no transaction runs (L01.FR.06). The firmware is downloaded over HTTP(S) for real; see
 * {@link FirmwareImage} for the version it installs.
 */
public final class FirmwareModule implements StationModule {

    private final TransactionModule transactions;
    private StationContext context;
    private FirmwareUpdate current;

    /** A firmware block whose installs wait for the transactions of this module to end (L01.FR.06). */
    public FirmwareModule(TransactionModule transactions) {
        this.transactions = transactions;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.handle(Action.UpdateFirmware, CallHandler.of(UpdateFirmwareRequest.class, this::updateFirmware));
        transactions.onTransactionEnded(evseId -> {
            if (current != null) {
                current.transactionEnded();
            }
        });
        context.events().onBootStatus(status -> {
            if (status == BootStatus.ACCEPTED && current != null) {
                current.booted();
            }
        });
    }

    /**
     * What a TriggerMessage for FirmwareStatusNotification reports: the status last sent, with its requestId
     * (L01.FR.26); Idle once that was Installed (L01.FR.25) or before any update (F06.FR.16). Call on the loop.
     */
    public FirmwareStatusNotificationRequest triggeredStatus() {
        if (current == null || current.lastStatus() == null || current.lastStatus() == FirmwareStatusEnum.INSTALLED) {
            return new FirmwareStatusNotificationRequest().withStatus(FirmwareStatusEnum.IDLE);
        }
        return new FirmwareStatusNotificationRequest().withStatus(current.lastStatus())
                .withRequestId(current.requestId());
    }

    private UpdateFirmwareResponse updateFirmware(UpdateFirmwareRequest request) {
        Firmware firmware = request.getFirmware();
        if (!HttpFileTransfer.reachable(firmware.getLocation(), context.deviceModel())) {
            return answer(UpdateFirmwareStatusEnum.REJECTED, "InvalidURL", "location must be an http(s) URL "
                    + "of OCPPCommCtrlr.FileTransferProtocols");
        }
        SigningCertificate certificate = null;
        if (firmware.getSigningCertificate() != null || firmware.getSignature() != null) {
            try {
                certificate = SigningCertificate.parse(firmware.getSigningCertificate(), context.clock().instant());
            } catch (IllegalArgumentException invalid) {
                afterAnswer(() -> SecurityEvents.send(context, SecurityEvents.INVALID_FIRMWARE_SIGNING_CERTIFICATE,
                        invalid.getMessage()));
                return answer(UpdateFirmwareStatusEnum.INVALID_CERTIFICATE, "InvalidCertificate",
                        invalid.getMessage());
            }
        }
        UpdateFirmwareStatusEnum status = UpdateFirmwareStatusEnum.ACCEPTED;
        if (current != null && current.ongoing()) {
            current.cancel();
            status = UpdateFirmwareStatusEnum.ACCEPTED_CANCELED;
        }
        current = new FirmwareUpdate(context, request, certificate, () -> context.state().getEvses().stream()
                .anyMatch(evse -> transactions.hasTransaction(evse.getId())));
        afterAnswer(current::start);
        return new UpdateFirmwareResponse().withStatus(status);
    }

    /** Runs after the station has sent its answer, so that no notification overtakes it. */
    private void afterAnswer(Runnable work) {
        context.loop().execute(work);
    }

    private static UpdateFirmwareResponse answer(UpdateFirmwareStatusEnum status, String reason, String detail) {
        return new UpdateFirmwareResponse().withStatus(status)
                .withStatusInfo(new StatusInfo().withReasonCode(reason).withAdditionalInfo(
                        detail.length() > 512 ? detail.substring(0, 512) : detail));
    }
}
