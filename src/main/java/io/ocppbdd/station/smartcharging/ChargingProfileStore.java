package io.ocppbdd.station.smartcharging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.ChargingProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The charging profiles installed on a station, per EVSE (0 = the station). Installing a profile with a known id
 * replaces it wherever it was (K01.FR.05); the rules that may refuse a profile live in {@link ProfileValidator}.
 */
final class ChargingProfileStore {

    private static final String EVSE_ID = "evseId";
    private static final String PROFILE = "chargingProfile";

    private final List<InstalledProfile> profiles = new ArrayList<>();

    /** Installs a profile on an EVSE, replacing any profile with the same id (K01.FR.05). */
    void install(int evseId, ChargingProfile profile) {
        profiles.removeIf(installed -> installed.id() == profile.getId());
        profiles.add(new InstalledProfile(evseId, profile));
    }

    Optional<InstalledProfile> byId(int id) {
        return profiles.stream().filter(installed -> installed.id() == id).findFirst();
    }

    /** Every installed profile, in installation order. */
    List<InstalledProfile> all() {
        return List.copyOf(profiles);
    }

    List<InstalledProfile> matching(Predicate<InstalledProfile> filter) {
        return profiles.stream().filter(filter).toList();
    }

    /** Removes the profiles that match; returns how many went. */
    int remove(Predicate<InstalledProfile> filter) {
        int before = profiles.size();
        profiles.removeIf(filter);
        return before - profiles.size();
    }

    int size() {
        return profiles.size();
    }

    /** The profiles as stored in charge_point_state.json. */
    List<ObjectNode> toState() {
        return profiles.stream().map(installed -> {
            ObjectNode entry = Json.object();
            entry.put(EVSE_ID, installed.evseId());
            entry.set(PROFILE, Json.toTree(installed.profile()));
            return entry;
        }).toList();
    }

    /** Reads the profiles saved by {@link #toState()}. */
    static ChargingProfileStore fromState(List<ObjectNode> entries) {
        ChargingProfileStore store = new ChargingProfileStore();
        for (ObjectNode entry : entries) {
            if (!entry.path(EVSE_ID).canConvertToInt() || !entry.path(PROFILE).isObject()) {
                throw new IllegalArgumentException("chargingProfiles entry " + entry
                        + " needs an integer evseId and a chargingProfile object");
            }
            store.install(entry.get(EVSE_ID).asInt(), Json.fromTree(entry.get(PROFILE), ChargingProfile.class));
        }
        return store;
    }
}
