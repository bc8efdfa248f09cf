package io.ocppbdd.station.authorization;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.AuthorizeRequest;
import io.ocppbdd.protocol.messages.AuthorizeResponse;
import io.ocppbdd.protocol.messages.ClearCacheResponse;
import io.ocppbdd.protocol.messages.ClearCacheStatusEnum;
import io.ocppbdd.protocol.messages.GetLocalListVersionRequest;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.protocol.messages.SendLocalListRequest;
import io.ocppbdd.protocol.messages.StatusInfo;
import io.ocppbdd.rpc.CallFailedException;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.rpc.Reply;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static io.ocppbdd.protocol.messages.AuthorizationStatusEnum.ACCEPTED;
import static io.ocppbdd.protocol.messages.AuthorizationStatusEnum.EXPIRED;
import static io.ocppbdd.protocol.messages.AuthorizationStatusEnum.UNKNOWN;
import static java.util.concurrent.CompletableFuture.completedFuture;

/**
 * Functional blocks C and D, Authorization and Local Authorization List: decides whether an id token may start or
 * stop charging, with the CSMS (Authorize, C01/C04/C06), the Authorization Cache (C10-C12, AuthCacheCtrlr), the
 * Local Authorization List (C13/C14, LocalAuthListCtrlr), offline rules (LocalAuthorizeOffline,
 * OfflineTxForUnknownIdEnabled, C15), GroupId (C09) and Master Pass (C16); answers ClearCache (C11), SendLocalList
 * (D01) and GetLocalListVersion (D02).
 *
 * <p>Every method runs on the station's loop (from another module, or through
 * {@link io.ocppbdd.station.ChargingStation#onLoop}); futures complete there too.
 */
public final class AuthorizationModule implements StationModule {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationModule.class);
    private static final Set<CallFailedException.Reason> UNREACHABLE = EnumSet.of(CallFailedException.Reason.TIMEOUT,
            CallFailedException.Reason.NOT_CONNECTED, CallFailedException.Reason.CONNECTION_LOST);
    private static final int MAX_DETAIL = 512;

    private StationContext context;
    private AuthorizationSettings settings;
    private AuthorizationCache cache;
    private LocalAuthorizationList localList;

    @Override
    public void install(StationContext stationContext) {
        context = stationContext;
        settings = new AuthorizationSettings(context.deviceModel());
        cache = new AuthorizationCache(context, settings);
        localList = new LocalAuthorizationList(context, settings);
        context.handle(Action.ClearCache, call -> clearCache().thenApply(Reply::result));
        context.handle(Action.SendLocalList, CallHandler.of(SendLocalListRequest.class, localList::update));
        context.handle(Action.GetLocalListVersion,
                CallHandler.of(GetLocalListVersionRequest.class, request -> localList.version()));
    }

    /**
     * Authorizes a token presented at an EVSE (null: not at a particular EVSE). The answer is the IdTokenInfo that
     * decides; {@link #mayStart} says whether it lets the driver charge at that EVSE. "Known" below means held by
     * the Local Authorization List, which wins (C13.FR.01, C14.FR.01), or else by the Authorization Cache. In order:
     * <ol>
     * <li>AuthCtrlr.Enabled false, or type NoAuthorization / Central (C03.FR.01, C05.FR.01): Accepted, no Authorize.
     * <li>Offline (not connected or not accepted): a known Accepted token is Accepted when LocalAuthorizeOffline
     *     (Unknown when not); a known token that is not Accepted keeps its status; an unknown token is Accepted when
     *     OfflineTxForUnknownIdEnabled (C15.FR.08, and never cached, C15.FR.01), otherwise Unknown.
     * <li>Online, known Accepted (for this EVSE) and LocalPreAuthorize: that info at once, no Authorize (C12,
     *     C14.FR.02/04).
     * <li>Online, known not Accepted and the list's or cache's DisablePostAuthorize: that info, no Authorize.
     * <li>DisableRemoteAuthorization: the known info, or Unknown.
     * <li>Otherwise Authorize (C01.FR.02, C10.FR.03, C12.FR.05, C14.FR.03); the answer updates the cache (C10.FR.04)
     *     and is returned whatever its status (Blocked, ConcurrentTx, Expired, Invalid, NoCredit, NotAllowedTypeEVSE,
     *     NotAtThisLocation, NotAtThisTime, Unknown). No answer (timeout, connection lost): the offline rules.
     * </ol>
     * A CALLERROR or invalid answer from the CSMS fails the future with {@link CallFailedException}.
     */
    public CompletableFuture<IdTokenInfo> authorize(IdToken token, Integer evseId) {
        if (!settings.authorizationEnabled() || IdTokens.authorizedByType(token.getType())) {
            return completedFuture(status(ACCEPTED));
        }
        if (!context.isOnline()) {
            return completedFuture(offline(token));
        }
        Optional<Known> known = known(token, true);
        if (known.isPresent()) {
            IdTokenInfo info = known.get().info();
            if (permits(info, evseId) && settings.localPreAuthorize()
                    || info.getStatus() != ACCEPTED && known.get().postAuthorizeDisabled()) {
                return completedFuture(info);
            }
        }
        if (settings.remoteAuthorizationDisabled()) {
            return completedFuture(known.map(Known::info).orElseGet(() -> status(UNKNOWN)));
        }
        return context.send(new AuthorizeRequest().withIdToken(token), AuthorizeResponse.class)
                .handle((response, failure) -> {
                    if (failure == null) {
                        remember(token, response.getIdTokenInfo());
                        return response.getIdTokenInfo();
                    }
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof CallFailedException callFailed && UNREACHABLE.contains(callFailed.reason())) {
                        return offline(token);
                    }
                    throw new CompletionException(cause);
                });
    }

    /**
     * Updates the Authorization Cache with IdTokenInfo the CSMS sent for a token in any message: AuthorizeResponse,
     * TransactionEventResponse (C10.FR.05, C12.FR.06), ReserveNowRequest. Ignored while AuthCacheCtrlr.Enabled is
     * false and for NoAuthorization, Central and KeyCode tokens (C02.FR.03, C03.FR.02, C05.FR.02).
     */
    public void remember(IdToken token, IdTokenInfo info) {
        if (info != null && settings.cacheEnabled() && IdTokens.cacheable(token.getType())) {
            cache.store(token, info);
        }
    }

    /**
     * Whether this IdTokenInfo lets the driver start charging at this EVSE (null: any EVSE): status Accepted
     * (C01 postconditions), the EVSE in idTokenInfo.evseId when that list is given (C01.FR.21), and not a Master
     * Pass token (C12.FR.09, C16.FR.03).
     */
    public boolean mayStart(IdTokenInfo info, Integer evseId) {
        return permits(info, evseId) && !isMasterPass(info);
    }

    /** Whether the info's groupIdToken is AuthCtrlr.MasterPassGroupId (C16): such a token stops, never starts. */
    public boolean isMasterPass(IdTokenInfo info) {
        return info.getGroupIdToken() != null && settings.masterPassGroupId()
                .filter(groupId -> groupId.equalsIgnoreCase(info.getGroupIdToken().getIdToken())).isPresent();
    }

    /**
     * Whether a token presented during a transaction may end its authorization.
     * <ul>
     * <li>The starter's own token: {@link StopAuthorization#SAME_TOKEN} at once (C01.FR.03 a, C09.FR.07 a).
     * <li>A token the list or cache holds as Accepted with the starter's group: {@link StopAuthorization#SAME_GROUP},
     *     or with the Master Pass group: {@link StopAuthorization#MASTER_PASS}, without Authorize (C09.FR.07 b,
     *     C16.FR.04/05).
     * <li>Otherwise the token is {@link #authorize authorized} (C09.FR.05) and the answer decides: Accepted with the
     *     starter's group or the Master Pass group stops; anything else is {@link StopAuthorization#REFUSED}
     *     (C09.FR.11).
     * </ul>
     *
     * @param starterInfo the IdTokenInfo the transaction was authorized with; null to take it from the list or cache
     */
    public CompletableFuture<StopAuthorization> authorizeStop(IdToken presented, IdToken starter,
                                                              IdTokenInfo starterInfo) {
        if (IdTokens.same(presented, starter)) {
            return completedFuture(StopAuthorization.SAME_TOKEN);
        }
        boolean online = context.isOnline();
        IdToken starterGroup = Optional.ofNullable(starterInfo).or(() -> known(starter, online).map(Known::info))
                .map(IdTokenInfo::getGroupIdToken).orElse(null);
        Optional<StopAuthorization> local = known(presented, online)
                .map(entry -> stopVerdict(entry.info(), starterGroup)).filter(StopAuthorization::allowed);
        if (local.isPresent()) {
            return completedFuture(local.get());
        }
        return authorize(presented, null).thenApply(info -> stopVerdict(info, starterGroup));
    }

    private StopAuthorization stopVerdict(IdTokenInfo info, IdToken starterGroup) {
        if (info.getStatus() != ACCEPTED) {
            return StopAuthorization.REFUSED;
        }
        if (isMasterPass(info)) {
            return StopAuthorization.MASTER_PASS;
        }
        return IdTokens.sameGroup(info.getGroupIdToken(), starterGroup)
                ? StopAuthorization.SAME_GROUP : StopAuthorization.REFUSED;
    }

    /**
     * What the station knows of a token locally: the Local Authorization List first (C13.FR.01, C14.FR.01), then the
     * Authorization Cache. A list entry past its cacheExpiryDateTime is disregarded online (C14.FR.05) and refuses
     * the token as Expired offline, where it is not an unknown id (C13.FR.05/06).
     */
    private Optional<Known> known(IdToken token, boolean online) {
        Optional<IdTokenInfo> listed = localList.find(token);
        if (listed.isPresent()) {
            if (!localList.expired(listed.get(), context.clock().instant())) {
                return Optional.of(new Known(listed.get(), settings.localListPostAuthorizeDisabled()));
            }
            if (!online) {
                return Optional.of(new Known(status(EXPIRED), true));
            }
        }
        Optional<IdTokenInfo> cached = settings.cacheEnabled() && IdTokens.cacheable(token.getType())
                ? cache.lookup(token) : Optional.empty();
        return cached.map(info -> new Known(info, settings.postAuthorizeDisabled()));
    }

    /**
     * The offline decision: a locally known Accepted token when LocalAuthorizeOffline (Unknown otherwise), a locally
     * known token that is not Accepted stays refused, an unknown one is Accepted only when OfflineTxForUnknownIdEnabled
     * (C13.FR.02/04, C15.FR.08).
     */
    private IdTokenInfo offline(IdToken token) {
        Optional<IdTokenInfo> known = known(token, false).map(Known::info);
        if (known.isEmpty()) {
            return status(settings.offlineTxForUnknownId() ? ACCEPTED : UNKNOWN);
        }
        IdTokenInfo info = known.get();
        return info.getStatus() == ACCEPTED && !settings.localAuthorizeOffline() ? status(UNKNOWN) : info;
    }

    private static boolean permits(IdTokenInfo info, Integer evseId) {
        return info.getStatus() == ACCEPTED
                && (evseId == null || info.getEvseId() == null || info.getEvseId().isEmpty()
                || info.getEvseId().contains(evseId));
    }

    /** C11: Rejected while AuthCacheCtrlr.Enabled is false (C11.FR.04) or when clearing fails (C11.FR.05). */
    private CompletableFuture<ClearCacheResponse> clearCache() {
        if (!settings.cacheEnabled()) {
            return CompletableFuture.completedFuture(rejected("NotEnabled", "AuthCacheCtrlr.Enabled is false"));
        }
        return cache.clear().handle((cleared, failure) -> {
            if (failure == null) {
                return new ClearCacheResponse().withStatus(ClearCacheStatusEnum.ACCEPTED);
            }
            LOG.warn("{}: cannot clear the Authorization Cache: {}", context.stationId(), failure.getMessage());
            return rejected("InternalError", failure.getMessage());
        });
    }

    private static ClearCacheResponse rejected(String reason, String detail) {
        return new ClearCacheResponse().withStatus(ClearCacheStatusEnum.REJECTED).withStatusInfo(new StatusInfo()
                .withReasonCode(reason).withAdditionalInfo(detail.substring(0, Math.min(detail.length(), MAX_DETAIL))));
    }

    private static IdTokenInfo status(AuthorizationStatusEnum status) {
        return new IdTokenInfo().withStatus(status);
    }

    /** A token's IdTokenInfo from the list or the cache, and whether re-checking a non-Accepted one is disabled. */
    private record Known(IdTokenInfo info, boolean postAuthorizeDisabled) {
    }
}
