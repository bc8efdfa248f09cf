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
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The Authorization Cache (C10): the latest IdTokenInfo per token, whatever its status, kept in the station's
 * state so it survives reboots (C10.FR.02). Expired entries are removed (C10.FR.10, C10.FR.13 as amended by
 * the 2025 errata); when the entries outgrow the maxLimit of AuthCacheCtrlr.Storage, entries that are not
 * Accepted go first, then the one AuthCacheCtrlr.Policy picks (C10.FR.07). Used on the station's loop only.
 */
final class AuthorizationCache {

    private static final String ACCEPTED = AuthorizationStatusEnum.ACCEPTED.value();

    private final StationContext context;
    private final AuthorizationSettings settings;
    private long bytes;

    AuthorizationCache(StationContext context, AuthorizationSettings settings) {
        this.context = context;
        this.settings = settings;
        this.bytes = entries().stream().mapToLong(AuthorizationCache::size).sum();
        settings.cacheStorage(bytes);
    }

    /**
     * The unexpired IdTokenInfo cached for this token; counts as a use of the entry. Not saved at once: expired
     * entries expire again after a restart, and use counts go to the file with the next save.
     */
    Optional<IdTokenInfo> lookup(IdToken token) {
        removeExpired();
        int index = indexOf(token);
        Optional<IdTokenInfo> found = Optional.empty();
        if (index >= 0) {
            AuthorizationCacheEntry entry = entries().get(index);
            replace(index, new AuthorizationCacheEntry(entry.idToken(), entry.type(), entry.idTokenInfo(),
                    entry.updated(), Json.dateTime(now()), entry.uses() + 1));
            found = Optional.of(Json.fromTree(entry.idTokenInfo(), IdTokenInfo.class));
        }
        settings.cacheStorage(bytes);
        return found;
    }

    /**
     * Stores the CSMS's latest word on a token (C10.FR.01, C10.FR.04, C10.FR.05, C12.FR.06). A cacheExpiryDateTime
     * already past keeps the token out of the cache (errata 2025-01, note to C10.FR.10).
     */
    void store(IdToken token, IdTokenInfo info) {
        int index = indexOf(token);
        int uses = index < 0 ? 0 : remove(index).uses();
        String now = Json.dateTime(now());
        AuthorizationCacheEntry entry = new AuthorizationCacheEntry(token.getIdToken(), token.getType().value(),
                Json.toTree(info), now, now, uses + 1);
        if (!expired(entry, now())) {
            entries().add(entry);
            bytes += size(entry);
            removeExpired();
            makeRoom();
        }
        changed();
    }

    /** Empties the cache (C11.FR.01); completes once that is in the state file. */
    CompletableFuture<Void> clear() {
        entries().clear();
        bytes = 0;
        return changed();
    }

    private void removeExpired() {
        Instant now = now();
        for (int index = entries().size() - 1; index >= 0; index--) {
            if (expired(entries().get(index), now)) {
                remove(index);
            }
        }
    }

    /** C10.FR.13: after cacheExpiryDateTime; otherwise C10.FR.10: AuthCacheLifeTime after the last update. */
    private boolean expired(AuthorizationCacheEntry entry, Instant now) {
        String expiry = entry.idTokenInfo().path("cacheExpiryDateTime").asText("");
        if (!expiry.isEmpty()) {
            return !now.isBefore(OffsetDateTime.parse(expiry).toInstant());
        }
        Duration lifeTime = settings.cacheLifeTime();
        return !lifeTime.isZero() && now.isAfter(Instant.parse(entry.updated()).plus(lifeTime));
    }

    /** Evicts entries, never the newest, until the cache fits in AuthCacheCtrlr.Storage's maxLimit. */
    private void makeRoom() {
        List<AuthorizationCacheEntry> entries = entries();
        Comparator<Integer> victimFirst = Comparator
                .comparing((Integer index) -> ACCEPTED.equals(entries.get(index).idTokenInfo().path("status").asText()))
                .thenComparing(policyOrder(entries));
        while (bytes > settings.cacheCapacityBytes() && entries.size() > 1) {
            IntStream.range(0, entries.size() - 1).boxed().min(victimFirst).ifPresent(this::remove);
        }
    }

    private Comparator<Integer> policyOrder(List<AuthorizationCacheEntry> entries) {
        Comparator<Integer> leastRecentlyUsed = Comparator.comparing(index -> Instant.parse(entries.get(index).used()));
        return switch (settings.cachePolicy()) {
            case "FIFO" -> Comparator.naturalOrder();
            case "LFU" -> Comparator.comparing((Integer index) -> entries.get(index).uses())
                    .thenComparing(leastRecentlyUsed);
            default -> leastRecentlyUsed;
        };
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

    private void replace(int index, AuthorizationCacheEntry entry) {
        bytes += size(entry) - size(entries().set(index, entry));
    }

    private AuthorizationCacheEntry remove(int index) {
        AuthorizationCacheEntry removed = entries().remove(index);
        bytes -= size(removed);
        return removed;
    }

    /** The bytes an entry takes, as compact JSON; AuthCacheCtrlr.Storage reports their sum. */
    private static long size(AuthorizationCacheEntry entry) {
        return Json.toTree(entry).toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private CompletableFuture<Void> changed() {
        settings.cacheStorage(bytes);
        return context.saveState();
    }

    private List<AuthorizationCacheEntry> entries() {
        return context.state().getAuthorizationCache();
    }

    private Instant now() {
        return context.clock().instant();
    }
}
