package io.ocppbdd.station.authorization;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.devicemodel.Variable;
import io.ocppbdd.station.devicemodel.VariableKey;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The AuthCtrlr, AuthCacheCtrlr and LocalAuthListCtrlr variables (Part 2 appendix §2.3-2.5), read at the moment
 * they matter.
 */
final class AuthorizationSettings {

    private static final String AUTH = "AuthCtrlr";
    private static final String CACHE = "AuthCacheCtrlr";
    private static final String LIST = "LocalAuthListCtrlr";
    private static final VariableKey CACHE_STORAGE = VariableKey.of(CACHE, "Storage");
    private static final VariableKey LIST_ENTRIES = VariableKey.of(LIST, "Entries");

    private final DeviceModel model;

    AuthorizationSettings(DeviceModel model) {
        this.model = model;
    }

    /** AuthCtrlr.Enabled: false means no authorization at all (every token is accepted). */
    boolean authorizationEnabled() {
        return flag(AUTH, "Enabled", true);
    }

    /** AuthCtrlr.LocalPreAuthorize: online, start at once for a token the cache holds as Accepted (C12). */
    boolean localPreAuthorize() {
        return flag(AUTH, "LocalPreAuthorize", false);
    }

    /** AuthCtrlr.LocalAuthorizeOffline: offline, start for a token the cache holds as Accepted. */
    boolean localAuthorizeOffline() {
        return flag(AUTH, "LocalAuthorizeOffline", true);
    }

    /** AuthCtrlr.OfflineTxForUnknownIdEnabled: offline, accept a token the cache does not know (C15). */
    boolean offlineTxForUnknownId() {
        return flag(AUTH, "OfflineTxForUnknownIdEnabled", false);
    }

    /** AuthCtrlr.DisableRemoteAuthorization: never send Authorize, decide from the cache alone. */
    boolean remoteAuthorizationDisabled() {
        return flag(AUTH, "DisableRemoteAuthorization", false);
    }

    /** AuthCtrlr.MasterPassGroupId, when set (C16). */
    Optional<String> masterPassGroupId() {
        return model.actual(AUTH, "MasterPassGroupId").filter(id -> !id.isBlank());
    }

    /** AuthCacheCtrlr.Enabled (C10.FR.11). */
    boolean cacheEnabled() {
        return flag(CACHE, "Enabled", false);
    }

    /** AuthCacheCtrlr.LifeTime (C10.FR.08/10); zero means entries without cacheExpiryDateTime never expire. */
    Duration cacheLifeTime() {
        return model.seconds(CACHE, "LifeTime", 0);
    }

    /** AuthCacheCtrlr.Policy: LRU, LFU or FIFO (C10.FR.07). */
    String cachePolicy() {
        return model.actual(CACHE, "Policy").orElse("LRU");
    }

    /** AuthCacheCtrlr.DisablePostAuthorize: do not re-check a cached non-Accepted token with the CSMS. */
    boolean postAuthorizeDisabled() {
        return flag(CACHE, "DisablePostAuthorize", false);
    }

    /** The maxLimit of AuthCacheCtrlr.Storage: how many bytes the cache may take. */
    long cacheCapacityBytes() {
        return model.find(CACHE_STORAGE).map(Variable::maxLimit).map(BigDecimal::longValue).orElse(Long.MAX_VALUE);
    }

    /** Reports the bytes the cache takes in AuthCacheCtrlr.Storage. */
    void cacheStorage(long bytes) {
        report(CACHE_STORAGE, Long.toString(bytes));
    }

    /** LocalAuthListCtrlr.Enabled (D01.FR.13). */
    boolean localListEnabled() {
        return flag(LIST, "Enabled", false);
    }

    /** LocalAuthListCtrlr.SupportsExpiryDateTime: list entries past cacheExpiryDateTime do not count (C13, C14). */
    boolean localListExpires() {
        return flag(LIST, "SupportsExpiryDateTime", false);
    }

    /** LocalAuthListCtrlr.DisablePostAuthorize: do not re-check a listed non-Accepted token (C14.FR.03). */
    boolean localListPostAuthorizeDisabled() {
        return flag(LIST, "DisablePostAuthorize", false);
    }

    /** LocalAuthListCtrlr.ItemsPerMessage (D01.FR.11). */
    int localListItemsPerMessage() {
        return model.intValue(LIST, "ItemsPerMessage", Integer.MAX_VALUE);
    }

    /** LocalAuthListCtrlr.BytesPerMessage (D01.FR.11). */
    int localListBytesPerMessage() {
        return model.intValue(LIST, "BytesPerMessage", Integer.MAX_VALUE);
    }

    /** The maxLimit of LocalAuthListCtrlr.Entries: how many tokens the list may hold (D01.FR.12). */
    long localListCapacity() {
        return model.find(LIST_ENTRIES).map(Variable::maxLimit).map(BigDecimal::longValue).orElse(Long.MAX_VALUE);
    }

    /** Reports the number of tokens in the list in LocalAuthListCtrlr.Entries (D01.FR.12). */
    void localListEntries(int count) {
        report(LIST_ENTRIES, Integer.toString(count));
    }

    /** Sets a read-only variable the station reports, when the model has it and the value changed. */
    private void report(VariableKey key, String value) {
        if (model.find(key).isPresent() && !model.actual(key).equals(Optional.of(value))) {
            model.setInternally(key, AttributeEnum.ACTUAL, value);
        }
    }

    private boolean flag(String component, String variable, boolean fallback) {
        return model.actual(component, variable).map(Boolean::parseBoolean).orElse(fallback);
    }
}
