package io.ocppbdd.station.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code charge_point_state.json}: the initial configuration of a station (identity, CSMS,
 * EVSEs and connectors, device-model overrides) and its last known state. Mutable; owned by the station's loop.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"formatVersion", "identity", "csms", "evses", "deviceModel", "boot", "authorizationCache", "localAuthorizationList", "chargingProfiles", "journalCommitted"})
public final class StationState {

    /** The format this version of ocpp-bdd reads and writes. */
    static final int FORMAT_VERSION = 1;

    private int formatVersion = FORMAT_VERSION;
    private Identity identity;
    private CsmsSettings csms = new CsmsSettings();
    private List<EvseState> evses = new ArrayList<>();
    private Map<String, String> deviceModel = new LinkedHashMap<>();
    private BootState boot = new BootState();
    private List<AuthorizationCacheEntry> authorizationCache = new ArrayList<>();
    private LocalAuthorizationListState localAuthorizationList;
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private List<ObjectNode> chargingProfiles = new ArrayList<>();
    /** The last offline-journal entry this state includes (see {@code io.ocppbdd.station.offline.FileJournal}). */
    private Long journalCommitted;

    /** A state with defaults: this identity, one EVSE with one connector. */
    public static StationState defaults(String stationId) {
        StationState state = new StationState();
        state.identity = Identity.defaults(stationId);
        state.evses.add(EvseState.withConnectors(1, 1));
        return state;
    }

    /** A state with defaults and the given number of EVSEs, one connector each. */
    public static StationState withEvses(String stationId, int evseCount) {
        StationState state = defaults(stationId);
        state.evses.clear();
        for (int id = 1; id <= evseCount; id++) {
            state.evses.add(EvseState.withConnectors(id, 1));
        }
        return state;
    }

    public int getFormatVersion() {
        return formatVersion;
    }

    public void setFormatVersion(int formatVersion) {
        this.formatVersion = formatVersion;
    }

    public Identity getIdentity() {
        return identity;
    }

    public void setIdentity(Identity identity) {
        this.identity = identity;
    }

    public CsmsSettings getCsms() {
        return csms;
    }

    public void setCsms(CsmsSettings csms) {
        this.csms = csms;
    }

    public List<EvseState> getEvses() {
        return evses;
    }

    public void setEvses(List<EvseState> evses) {
        this.evses = evses;
    }

    /** Device-model values that differ from the defaults, keyed {@code Component[.instance].Variable}. */
    public Map<String, String> getDeviceModel() {
        return deviceModel;
    }

    public void setDeviceModel(Map<String, String> deviceModel) {
        this.deviceModel = deviceModel;
    }

    public BootState getBoot() {
        return boot;
    }

    public void setBoot(BootState boot) {
        this.boot = boot;
    }

    /** The Authorization Cache (C10), oldest stored first; left out of the file when empty. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<AuthorizationCacheEntry> getAuthorizationCache() {
        return authorizationCache;
    }

    public void setAuthorizationCache(List<AuthorizationCacheEntry> authorizationCache) {
        this.authorizationCache = authorizationCache;
    }

    /** The Local Authorization List (D01), or null while the CSMS never sent one. */
    public LocalAuthorizationListState getLocalAuthorizationList() {
        return localAuthorizationList;
    }

    public void setLocalAuthorizationList(LocalAuthorizationListState localAuthorizationList) {
        this.localAuthorizationList = localAuthorizationList;
    }

    /** Charging profiles installed by the CSMS (K01.FR.27), each {@code {"evseId": n, "chargingProfile": {...}}}. */
    public List<ObjectNode> getChargingProfiles() {
        return chargingProfiles;
    }

    public void setChargingProfiles(List<ObjectNode> chargingProfiles) {
        this.chargingProfiles = chargingProfiles;
    }

    public Long getJournalCommitted() {
        return journalCommitted;
    }

    public void setJournalCommitted(Long journalCommitted) {
        this.journalCommitted = journalCommitted;
    }

    /** Who the station is, as sent in BootNotification. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Identity(String id, String vendorName, String model, String serialNumber, String firmwareVersion) {

        /** Longest serial number a BootNotification carries. */
        static final int MAX_SERIAL_NUMBER = 25;

        static Identity defaults(String stationId) {
            String serial = "SN-" + stationId;
            return new Identity(stationId, "ocpp-bdd", "Simulator",
                    serial.substring(0, Math.min(serial.length(), MAX_SERIAL_NUMBER)), "1.0.0");
        }

        public Identity withFirmwareVersion(String version) {
            return new Identity(id, vendorName, model, serialNumber, version);
        }
    }

    /** Where the CSMS is and how to reach it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class CsmsSettings {
        private String url;
        private int securityProfile = 0;
        private String ca;
        private String clientCertificate;
        private String clientKey;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        /** 0 (no authentication), 1 (Basic auth over ws), 2 (Basic auth over wss), 3 (mTLS). */
        public int getSecurityProfile() {
            return securityProfile;
        }

        public void setSecurityProfile(int securityProfile) {
            this.securityProfile = securityProfile;
        }

        /** The CSMS's CA certificate(s) for wss://, PEM or PKCS#12, relative to the state file's folder; or null. */
        public String getCa() {
            return ca;
        }

        public void setCa(String ca) {
            this.ca = ca;
        }

        /** The station's client certificate for security profile 3, PEM or PKCS#12 (key inside); or null. */
        public String getClientCertificate() {
            return clientCertificate;
        }

        public void setClientCertificate(String clientCertificate) {
            this.clientCertificate = clientCertificate;
        }

        /** The private key (PEM, PKCS#8) of a PEM client certificate; or null. */
        public String getClientKey() {
            return clientKey;
        }

        public void setClientKey(String clientKey) {
            this.clientKey = clientKey;
        }
    }

    /** Outcome of the last BootNotification. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class BootState {
        private String status;

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }
}
