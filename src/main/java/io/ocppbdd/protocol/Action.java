package io.ocppbdd.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every OCPP 2.0.1 action, with the side that sends its request. */
public enum Action {
    Authorize(Sender.STATION),
    BootNotification(Sender.STATION),
    CancelReservation(Sender.CSMS),
    CertificateSigned(Sender.CSMS),
    ChangeAvailability(Sender.CSMS),
    ClearCache(Sender.CSMS),
    ClearChargingProfile(Sender.CSMS),
    ClearDisplayMessage(Sender.CSMS),
    ClearVariableMonitoring(Sender.CSMS),
    ClearedChargingLimit(Sender.STATION),
    CostUpdated(Sender.CSMS),
    CustomerInformation(Sender.CSMS),
    DataTransfer(Sender.BOTH),
    DeleteCertificate(Sender.CSMS),
    FirmwareStatusNotification(Sender.STATION),
    Get15118EVCertificate(Sender.STATION),
    GetBaseReport(Sender.CSMS),
    GetCertificateStatus(Sender.STATION),
    GetChargingProfiles(Sender.CSMS),
    GetCompositeSchedule(Sender.CSMS),
    GetDisplayMessages(Sender.CSMS),
    GetInstalledCertificateIds(Sender.CSMS),
    GetLocalListVersion(Sender.CSMS),
    GetLog(Sender.CSMS),
    GetMonitoringReport(Sender.CSMS),
    GetReport(Sender.CSMS),
    GetTransactionStatus(Sender.CSMS),
    GetVariables(Sender.CSMS),
    Heartbeat(Sender.STATION),
    InstallCertificate(Sender.CSMS),
    LogStatusNotification(Sender.STATION),
    MeterValues(Sender.STATION),
    NotifyChargingLimit(Sender.STATION),
    NotifyCustomerInformation(Sender.STATION),
    NotifyDisplayMessages(Sender.STATION),
    NotifyEVChargingNeeds(Sender.STATION),
    NotifyEVChargingSchedule(Sender.STATION),
    NotifyEvent(Sender.STATION),
    NotifyMonitoringReport(Sender.STATION),
    NotifyReport(Sender.STATION),
    PublishFirmware(Sender.CSMS),
    PublishFirmwareStatusNotification(Sender.STATION),
    ReportChargingProfiles(Sender.STATION),
    RequestStartTransaction(Sender.CSMS),
    RequestStopTransaction(Sender.CSMS),
    ReservationStatusUpdate(Sender.STATION),
    ReserveNow(Sender.CSMS),
    Reset(Sender.CSMS),
    SecurityEventNotification(Sender.STATION),
    SendLocalList(Sender.CSMS),
    SetChargingProfile(Sender.CSMS),
    SetDisplayMessage(Sender.CSMS),
    SetMonitoringBase(Sender.CSMS),
    SetMonitoringLevel(Sender.CSMS),
    SetNetworkProfile(Sender.CSMS),
    SetVariableMonitoring(Sender.CSMS),
    SetVariables(Sender.CSMS),
    SignCertificate(Sender.STATION),
    StatusNotification(Sender.STATION),
    TransactionEvent(Sender.STATION),
    TriggerMessage(Sender.CSMS),
    UnlockConnector(Sender.CSMS),
    UnpublishFirmware(Sender.CSMS),
    UpdateFirmware(Sender.CSMS);

    /** Who sends the request of an action. */
    enum Sender { STATION, CSMS, BOTH }

    private static final Map<String, Action> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(Action::name, Function.identity()));

    private final Sender sender;

    Action(Sender sender) {
        this.sender = sender;
    }

    /** The action with this exact (case-sensitive) name, if OCPP 2.0.1 has one. */
    public static Optional<Action> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether a charging station sends this request. */
    public boolean sentByStation() {
        return sender != Sender.CSMS;
    }

    /** Whether a CSMS sends this request. */
    public boolean sentByCsms() {
        return sender != Sender.STATION;
    }

    /** The action of a generated request class such as {@code BootNotificationRequest}. */
    public static Action ofRequest(Class<?> requestType) {
        String name = requestType.getSimpleName();
        if (!name.endsWith("Request")) {
            throw new IllegalArgumentException(name + " is not an OCPP request type");
        }
        return named(name.substring(0, name.length() - "Request".length()))
                .orElseThrow(() -> new IllegalArgumentException(name + " is not an OCPP 2.0.1 request"));
    }

    /** The generated class of this action's response, such as {@code BootNotificationResponse}. */
    public Class<?> responseType() {
        return messageClass("Response");
    }

    /** The generated class of this action's request, such as {@code BootNotificationRequest}. */
    public Class<?> requestType() {
        return messageClass("Request");
    }

    private Class<?> messageClass(String suffix) {
        try {
            return Class.forName("io.ocppbdd.protocol.messages." + name() + suffix);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("generated message class missing for " + name() + suffix, e);
        }
    }
}
