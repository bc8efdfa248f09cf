package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingLimitSourceEnum;
import io.ocppbdd.protocol.messages.ChargingProfileCriterion;
import io.ocppbdd.protocol.messages.ClearChargingProfile;
import io.ocppbdd.protocol.messages.ClearChargingProfileRequest;
import io.ocppbdd.protocol.messages.GetChargingProfilesRequest;
import io.ocppbdd.protocol.messages.ReportChargingProfilesRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.CHARGING_STATION_EXTERNAL_CONSTRAINTS;

/** Which installed profiles a GetChargingProfiles (K09) or ClearChargingProfile (K10) request means. */
final class ProfileQueries {

    /** Every profile here came from the CSMS, so its charging limit source is the CSO. */
    static final ChargingLimitSourceEnum SOURCE = ChargingLimitSourceEnum.CSO;

    private ProfileQueries() {
    }

    /**
     * K09.FR.03-06: no evseId = every EVSE, 0 = the station's own profiles, n = those installed on EVSE n;
     * and every given criterion must match.
     */
    static Predicate<InstalledProfile> toReport(GetChargingProfilesRequest request) {
        Integer evseId = request.getEvseId();
        ChargingProfileCriterion criterion = request.getChargingProfile();
        return installed -> (evseId == null || installed.evseId() == evseId)
                && (criterion.getChargingProfileId() == null
                || criterion.getChargingProfileId().contains(installed.id()))
                && (criterion.getStackLevel() == null || criterion.getStackLevel() == installed.stackLevel())
                && (criterion.getChargingProfilePurpose() == null
                || criterion.getChargingProfilePurpose() == installed.purpose())
                && (criterion.getChargingLimitSource() == null || criterion.getChargingLimitSource().contains(SOURCE));
    }

    /**
     * K10.FR.03/04/08/09: by chargingProfileId if given, else by every given criterion (AND); external
     * constraints are never cleared.
     */
    static Predicate<InstalledProfile> toClear(ClearChargingProfileRequest request) {
        Predicate<InstalledProfile> notExternal =
                installed -> installed.purpose() != CHARGING_STATION_EXTERNAL_CONSTRAINTS;
        if (request.getChargingProfileId() != null) {
            return notExternal.and(installed -> installed.id() == request.getChargingProfileId());
        }
        ClearChargingProfile criteria = Objects.requireNonNullElseGet(request.getChargingProfileCriteria(),
                ClearChargingProfile::new);
        return notExternal.and(installed -> (criteria.getEvseId() == null || criteria.getEvseId() == installed.evseId())
                && (criteria.getStackLevel() == null || criteria.getStackLevel() == installed.stackLevel())
                && (criteria.getChargingProfilePurpose() == null
                || criteria.getChargingProfilePurpose() == installed.purpose()));
    }

    /**
     * The ReportChargingProfilesRequests for these profiles: one per EVSE (the message names one), in EVSE
     * order, each with the requestId (K09.FR.01) and tbc = true on all but the last (K09.FR.02).
     */
    static List<ReportChargingProfilesRequest> reports(int requestId, List<InstalledProfile> profiles) {
        Map<Integer, List<InstalledProfile>> byEvse = new TreeMap<>();
        profiles.forEach(installed ->
                byEvse.computeIfAbsent(installed.evseId(), id -> new ArrayList<>()).add(installed));
        List<ReportChargingProfilesRequest> reports = new ArrayList<>();
        int left = byEvse.size();
        for (Map.Entry<Integer, List<InstalledProfile>> evse : byEvse.entrySet()) {
            left--;
            reports.add(new ReportChargingProfilesRequest().withRequestId(requestId).withChargingLimitSource(SOURCE)
                    .withEvseId(evse.getKey()).withTbc(left > 0)
                    .withChargingProfile(evse.getValue().stream().map(InstalledProfile::profile).toList()));
        }
        return reports;
    }
}
