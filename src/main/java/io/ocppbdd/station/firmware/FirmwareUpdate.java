package io.ocppbdd.station.firmware;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import io.ocppbdd.protocol.messages.Firmware;
import io.ocppbdd.protocol.messages.FirmwareStatusEnum;
import io.ocppbdd.protocol.messages.FirmwareStatusNotificationRequest;
import io.ocppbdd.protocol.messages.FirmwareStatusNotificationResponse;
import io.ocppbdd.protocol.messages.UpdateFirmwareRequest;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.filetransfer.TransferResult;
import io.ocppbdd.station.filetransfer.HttpFileTransfer;
import io.ocppbdd.station.filetransfer.RetryPolicy;
import io.ocppbdd.station.filetransfer.RetryingTransfer;
import io.ocppbdd.station.state.StationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * One firmware update, from UpdateFirmwareRequest to an end state, on the station's loop. Every status goes to
 * the CSMS in a FirmwareStatusNotification with the request's id (L01.FR.01, L01.FR.10):
 * [DownloadScheduled] → Downloading → Downloaded → [SignatureVerified] → [InstallScheduled] → Installing →
 * InstallRebooting → (reboot, reason FirmwareUpdate) → Installed, the install waiting (InstallScheduled) while
 * transactions run; or DownloadFailed, InvalidSignature, InstallationFailed. Without a signing certificate and
 * signature it is a non-secure update (L02): no verification, no SignatureVerified.
 */
final class FirmwareUpdate {

    private static final Logger LOG = LoggerFactory.getLogger(FirmwareUpdate.class);

    private final StationContext context;
    private final int requestId;
    private final Firmware firmware;
    private final SigningCertificate certificate;
    private final RetryPolicy retryPolicy;
    private final BooleanSupplier transactionsOngoing;
    private Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;
    private RetryingTransfer<byte[]> download;
    private Runnable installAfterTransactions;
    private FirmwareStatusEnum lastStatus;
    private boolean rebooting;
    private boolean ended;

    /**
     * @param certificate         the checked signing certificate, or null for a non-secure update
     * @param transactionsOngoing whether any transaction runs now (the install waits for none, L01.FR.06)
     */
    FirmwareUpdate(StationContext context, UpdateFirmwareRequest request, SigningCertificate certificate,
                   BooleanSupplier transactionsOngoing) {
        this.context = context;
        this.requestId = request.getRequestId();
        this.firmware = request.getFirmware();
        this.certificate = certificate;
        this.retryPolicy = RetryPolicy.of(request.getRetries(), request.getRetryInterval());
        this.transactionsOngoing = transactionsOngoing;
    }

    int requestId() {
        return requestId;
    }

    /** The status last reported to the CSMS, null before the first. */
    FirmwareStatusEnum lastStatus() {
        return lastStatus;
    }

    /** Whether the update has not reached an end state yet. */
    boolean ongoing() {
        return !ended;
    }

    /** Downloads now, or at retrieveDateTime (L01.FR.13: DownloadScheduled until then). */
    void start() {
        Duration wait = untilTime(firmware.getRetrieveDateTime());
        if (wait.isZero()) {
            download();
        } else {
            report(FirmwareStatusEnum.DOWNLOAD_SCHEDULED);
            timer = context.scheduler().schedule(wait, context.loop(), this::download);
        }
    }

    /** Stops the update wherever it is (L01.FR.24): no further status, no install, no reboot. */
    void cancel() {
        ended = true;
        installAfterTransactions = null;
        timer.cancel();
        if (download != null) {
            download.cancel();
        }
    }

    /** A transaction ended: the install that waited for the last one goes ahead (L01.FR.06). */
    void transactionEnded() {
        if (installAfterTransactions != null && !transactionsOngoing.getAsBoolean()) {
            Runnable install = installAfterTransactions;
            installAfterTransactions = null;
            install.run();
        }
    }

    /** The station booted again after InstallRebooting: the new firmware reports Installed (L01.FR.32 (a)). */
    void booted() {
        if (rebooting && !ended) {
            end(FirmwareStatusEnum.INSTALLED);
            SecurityEvents.send(context, SecurityEvents.FIRMWARE_UPDATED,
                    "firmware " + context.state().getIdentity().firmwareVersion() + " installed");
        }
    }

    private void download() {
        report(FirmwareStatusEnum.DOWNLOADING);
        download = RetryingTransfer.start(context, retryPolicy,
                () -> HttpFileTransfer.download(firmware.getLocation()), this::downloaded);
    }

    /** L01.FR.30: DownloadFailed once every retry failed; L01.FR.04: verify the whole image once downloaded. */
    private void downloaded(TransferResult<byte[]> result) {
        if (!result.succeeded()) {
            LOG.warn("{}: firmware download from {} failed after {} retries: {}", context.stationId(),
                    firmware.getLocation(), retryPolicy.retries(), result.describe());
            end(FirmwareStatusEnum.DOWNLOAD_FAILED);
            return;
        }
        byte[] image = result.response().body();
        report(FirmwareStatusEnum.DOWNLOADED);
        if (certificate != null) {
            if (firmware.getSignature() == null || !certificate.verifies(firmware.getSignature(), image)) {
                end(FirmwareStatusEnum.INVALID_SIGNATURE);
                SecurityEvents.send(context, SecurityEvents.INVALID_FIRMWARE_SIGNATURE,
                        "signature of " + firmware.getLocation() + " does not verify");
                return;
            }
            report(FirmwareStatusEnum.SIGNATURE_VERIFIED);
        }
        Duration wait = untilTime(firmware.getInstallDateTime());
        if (wait.isZero()) {
            installWhenNoTransaction(image);
        } else {
            report(FirmwareStatusEnum.INSTALL_SCHEDULED);
            timer = context.scheduler().schedule(wait, context.loop(), () -> installWhenNoTransaction(image));
        }
    }

    /** L01.FR.06/33: no install (and reboot) during a transaction; InstallScheduled while waiting (L01.FR.34). */
    private void installWhenNoTransaction(byte[] image) {
        if (!transactionsOngoing.getAsBoolean()) {
            install(image);
            return;
        }
        if (lastStatus != FirmwareStatusEnum.INSTALL_SCHEDULED) {
            report(FirmwareStatusEnum.INSTALL_SCHEDULED);
        }
        installAfterTransactions = () -> install(image);
    }

    /** L01.FR.05 / L01.FR.15: install, then InstallRebooting and reboot into the new firmware once it is sent. */
    private void install(byte[] image) {
        report(FirmwareStatusEnum.INSTALLING);
        if (!FirmwareImage.installable(image)) {
            end(FirmwareStatusEnum.INSTALLATION_FAILED);
            return;
        }
        String version = FirmwareImage.versionOf(image, firmware.getLocation());
        report(FirmwareStatusEnum.INSTALL_REBOOTING).whenComplete((response, failure) -> {
            if (!ended) {
                activate(version);
            }
        });
    }

    private void activate(String version) {
        StationState state = context.state();
        state.setIdentity(state.getIdentity().withFirmwareVersion(version));
        context.saveState();
        rebooting = true;
        LOG.info("{}: rebooting into firmware {}", context.stationId(), version);
        context.reboot(BootReasonEnum.FIRMWARE_UPDATE);
    }

    private void end(FirmwareStatusEnum status) {
        ended = true;
        report(status);
    }

    private CompletableFuture<FirmwareStatusNotificationResponse> report(FirmwareStatusEnum status) {
        lastStatus = status;
        return context.send(new FirmwareStatusNotificationRequest().withStatus(status).withRequestId(requestId),
                FirmwareStatusNotificationResponse.class);
    }

    private Duration untilTime(OffsetDateTime time) {
        if (time == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(context.clock().instant(), time.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
