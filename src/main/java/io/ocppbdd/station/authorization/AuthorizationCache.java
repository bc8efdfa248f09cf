package io.ocppbdd.station.authorization;

import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.state.AuthorizationCacheEntry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Authorization Cache (C10): the latest IdTokenInfo per token, whatever its status, kept in the station's
 * state so it survives reboots (C10.FR.02). Expired entries are removed (C10.FR.10, C10.FR.13 as amended by
 * the 2025 errata); when the entries outgrow the maxLimit of AuthCacheCtrlr.Storage, entries that are not
 * Accepted go first, then the one AuthCacheCtrlr.Policy picks (C10.FR.07). Used on the station's loop only.
 */
final class AuthorizationCache {

    private final StationContext context;
    private final AuthorizationSettings settings;

    AuthorizationCache(StationContext context, AuthorizationSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** The unexpired IdTokenInfo cached for this token; counts as a use of the entry. */
    Optional<IdTokenInfo> lookup(IdToken token) {
        boolean removed = removeExpired();
        List<AuthorizationCacheEntry> entries = entries();
        int index = indexOf(token);
        if (index < 0) {
            if (removed) {
                changed();
            }
            return Optional.empty();
        }
        AuthorizationCacheEntry entry = entries.get(index);
        entries.set(index, new AuthorizationCacheEntry(entry.idToken(), entry.type(), entry.idTokenInfo(),
                entry.updated(), now().toString(), entry.uses() + 1));
        changed();
        return Optional.of(info(entry));
    }

    /**
     * Stores the CSMS's latest word on a token (C10.FR.01, C10.FR.04, C10.FR.05, C12.FR.06). A cacheExpiryDateTime
     * already past keeps the token out of the cache (errata 2025-01, note to C10.FR.10).
     */
    void store(IdToken token, IdTokenInfo info) {
        List<AuthorizationCacheEntry> entries = entries();
        int index = indexOf(token);
        int uses = index < 0 ? 0 : entries.remove(index).uses();
        if (!expired(info, now())) {
            String now = now().toString();
            AuthorizationCacheEntry entry = new AuthorizationCacheEntry(token.getIdToken(), token.getType().value(),
                    Json.toTree(info), now, now, uses + 1);
            entries.add(entry);
            removeExpired();
            makeRoomFor(entry);
        }
        changed();
    }

    /** Empties the cache (C11.FR.01). */
    void clear() {
        entries().clear();
        changed();
    }

    /** Reports the current size in AuthCacheCtrlr.Storage. */
    void reportStorage() {
        settings.cacheStorage(bytes());
    }

    private boolean removeExpired() {
        Instant now = now();
        return entries().removeIf(entry -> expired(entry, now));
    }

    /** C10.FR.13: after cacheExpiryDateTime; otherwise C10.FR.10: AuthCacheLifeTime after the last update. */
    private boolean expired(AuthorizationCacheEntry entry, Instant now) {
        IdTokenInfo info = info(entry);
        if (info.getCacheExpiryDateTime() != null) {
            return expired(info, now);
        }
        Duration lifeTime = settings.cacheLifeTime();
        return !lifeTime.isZero() && now.isAfter(Instant.parse(entry.updated()).plus(lifeTime));
    }

    private static boolean expired(IdTokenInfo info, Instant now) {
        return info.getCacheExpiryDateTime() != null && !now.isBefore(info.getCacheExpiryDateTime().toInstant());
    }

    private void makeRoomFor(AuthorizationCacheEntry kept) {
        List<AuthorizationCacheEntry> entries = entries();
        Comparator<AuthorizationCacheEntry> victimFirst = Comparator
                .comparing((AuthorizationCacheEntry entry) -> info(entry).getStatus() == AuthorizationStatusEnum.ACCEPTED)
                .thenComparing(policyOrder(entries));
        while (bytes() > settings.cacheCapacityBytes() && entries.size() > 1) {
            entries.stream().filter(entry -> entry != kept).min(victimFirst).ifPresent(entries::remove);
        }
    }

    private Comparator<AuthorizationCacheEntry> policyOrder(List<AuthorizationCacheEntry> entries) {
        Comparator<AuthorizationCacheEntry> leastRecentlyUsed = Comparator.comparing(entry -> Instant.parse(entry.used()));
        return switch (settings.cachePolicy()) {
            case "FIFO" -> Comparator.comparingInt(entries::indexOf);
            case "LFU" -> Comparator.comparingInt(AuthorizationCacheEntry::uses).thenComparing(leastRecentlyUsed);
            default -> leastRecentlyUsed;
        };
    }

    private long bytes() {
        return entries().stream()
                .mapToLong(entry -> Json.toTree(entry).toString().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private int indexOf(IdToken token) {
        List<AuthorizationCacheEntry> entries = entries();
        for (int index = 0; index < entries.size(); index++) {
            AuthorizationCacheEntry entry = entries.get(index);
            if (IdTokens.same(token, new IdToken().withIdToken(entry.idToken())
                    .withType(IdTokenEnum.fromValue(entry.type())))) {
                return index;
            }
        }
        return -1;
    }

    private void changed() {
        reportStorage();
        context.saveState();
    }

    private List<AuthorizationCacheEntry> entries() {
        return context.state().getAuthorizationCache();
    }

    private Instant now() {
        return context.clock().instant();
    }

    private static IdTokenInfo info(AuthorizationCacheEntry entry) {
        return Json.fromTree(entry.idTokenInfo(), IdTokenInfo.class);
    }
}
