package io.ocppbdd.station.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AuthorizationData;
import io.ocppbdd.protocol.messages.GetLocalListVersionResponse;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.protocol.messages.SendLocalListRequest;
import io.ocppbdd.protocol.messages.SendLocalListResponse;
import io.ocppbdd.protocol.messages.SendLocalListStatusEnum;
import io.ocppbdd.protocol.messages.StatusInfo;
import io.ocppbdd.protocol.messages.UpdateEnum;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.state.LocalAuthorizationListState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Local Authorization List (D01, D02): tokens and their IdTokenInfo as the CSMS sent them with SendLocalList,
 * kept in the station's state (D01.FR.10) and changed by nothing else (D01.FR.09). Used on the station's loop only.
 */
final class LocalAuthorizationList {

    private final StationContext context;
    private final AuthorizationSettings settings;

    LocalAuthorizationList(StationContext context, AuthorizationSettings settings) {
        this.context = context;
        this.settings = settings;
        settings.localListEntries(current().authorizationData().size());
    }

    /** The IdTokenInfo the list holds for this token, while LocalAuthListCtrlr.Enabled is true. */
    Optional<IdTokenInfo> find(IdToken token) {
        if (!settings.localListEnabled()) {
            return Optional.empty();
        }
        String key = IdTokens.key(token);
        return current().authorizationData().stream()
                .filter(data -> key.equals(IdTokens.key(Json.fromTree(data.get("idToken"), IdToken.class))))
                .findFirst().map(data -> Json.fromTree(data.get("idTokenInfo"), IdTokenInfo.class));
    }

    /** Whether an entry no longer counts: SupportsExpiryDateTime and its cacheExpiryDateTime has passed. */
    boolean expired(IdTokenInfo info, Instant now) {
        return settings.localListExpires() && info.getCacheExpiryDateTime() != null
                && !now.isBefore(info.getCacheExpiryDateTime().toInstant());
    }

    /** D02.FR.01-03: the list's version, 0 when there is none or the list is disabled. */
    GetLocalListVersionResponse version() {
        return new GetLocalListVersionResponse()
                .withVersionNumber(settings.localListEnabled() ? current().versionNumber() : 0);
    }

    /** D01: applies a Full or Differential update; on any refusal the list stays as it was. */
    SendLocalListResponse update(SendLocalListRequest request) {
        if (!settings.localListEnabled()) {
            return failed("NotEnabled", "LocalAuthListCtrlr.Enabled is false");
        }
        if (request.getVersionNumber() < 1) {
            return failed("InvalidValue", "versionNumber must be greater than 0 (D01.FR.18)");
        }
        List<AuthorizationData> items = request.getLocalAuthorizationList() == null
                ? List.of() : request.getLocalAuthorizationList();
        if (items.size() > settings.localListItemsPerMessage()) {
            return failed("TooManyElements", "more than LocalAuthListCtrlr.ItemsPerMessage = "
                    + settings.localListItemsPerMessage() + " entries");
        }
        if (Json.toTree(request).toString().length() > settings.localListBytesPerMessage()) {
            return failed("TooLargeElement", "larger than LocalAuthListCtrlr.BytesPerMessage = "
                    + settings.localListBytesPerMessage() + " bytes");
        }
        boolean full = request.getUpdateType() == UpdateEnum.FULL;
        if (!full && request.getVersionNumber() <= current().versionNumber()) {
            return new SendLocalListResponse().withStatus(SendLocalListStatusEnum.VERSION_MISMATCH);
        }
        Map<String, ObjectNode> entries = new LinkedHashMap<>();
        if (!full) {
            current().authorizationData().forEach(data -> entries.put(
                    IdTokens.key(Json.fromTree(data.get("idToken"), IdToken.class)), data));
        }
        for (AuthorizationData item : items) {
            String key = IdTokens.key(item.getIdToken());
            if (item.getIdTokenInfo() == null) {
                entries.remove(key);
            } else {
                entries.put(key, Json.toTree(item));
            }
        }
        if (entries.size() > settings.localListCapacity()) {
            return failed("OutOfStorage", "more than the maxLimit of LocalAuthListCtrlr.Entries = "
                    + settings.localListCapacity() + " tokens");
        }
        context.state().setLocalAuthorizationList(
                new LocalAuthorizationListState(request.getVersionNumber(), List.copyOf(entries.values())));
        context.saveState();
        settings.localListEntries(entries.size());
        return new SendLocalListResponse().withStatus(SendLocalListStatusEnum.ACCEPTED);
    }

    private LocalAuthorizationListState current() {
        LocalAuthorizationListState list = context.state().getLocalAuthorizationList();
        return list == null ? new LocalAuthorizationListState(0, List.of()) : list;
    }

    private static SendLocalListResponse failed(String reason, String detail) {
        return new SendLocalListResponse().withStatus(SendLocalListStatusEnum.FAILED)
                .withStatusInfo(new StatusInfo().withReasonCode(reason).withAdditionalInfo(detail));
    }
}
