package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingProfileCriterion;
import io.ocppbdd.protocol.messages.ClearChargingProfile;
import io.ocppbdd.protocol.messages.ClearChargingProfileRequest;
import io.ocppbdd.protocol.messages.GetChargingProfilesRequest;
import io.ocppbdd.protocol.messages.ReportChargingProfilesRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ocppbdd.station.smartcharging.Profiles.EXTERNAL;
import static io.ocppbdd.station.smartcharging.Profiles.MAX;
import static io.ocppbdd.station.smartcharging.Profiles.TX_DEFAULT;
import static io.ocppbdd.station.smartcharging.Profiles.absolute;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileQueriesTest {

    private static final String NOW = "2026-01-01T12:00:00Z";
    private final ChargingProfileStore store = new ChargingProfileStore();

    @BeforeEach
    void install() {
        store.install(0, absolute(1, 0, MAX, NOW, null, "0:32"));
        store.install(0, absolute(2, 0, EXTERNAL, NOW, null, "0:20"));
        store.install(1, absolute(3, 1, TX_DEFAULT, NOW, null, "0:16"));
        store.install(2, absolute(4, 1, TX_DEFAULT, NOW, null, "0:16"));
    }

    private List<Integer> cleared(ClearChargingProfileRequest request) {
        return store.matching(ProfileQueries.toClear(request)).stream().map(InstalledProfile::id).toList();
    }

    private List<Integer> reported(GetChargingProfilesRequest request) {
        return store.matching(ProfileQueries.toReport(request)).stream().map(InstalledProfile::id).toList();
    }

    @Test
    @DisplayName("K10.FR.09: an external-constraints profile is not cleared by id")
    void externalNotClearedById() {
        assertThat(cleared(new ClearChargingProfileRequest().withChargingProfileId(2))).isEmpty();
        assertThat(cleared(new ClearChargingProfileRequest().withChargingProfileId(1))).containsExactly(1);
    }

    @Test
    @DisplayName("K10.FR.04/K10.FR.08: criteria match as logical AND and never external constraints")
    void criteria() {
        assertThat(cleared(new ClearChargingProfileRequest().withChargingProfileCriteria(
                new ClearChargingProfile().withEvseId(0)))).containsExactly(1);
        assertThat(cleared(new ClearChargingProfileRequest().withChargingProfileCriteria(
                new ClearChargingProfile().withEvseId(0).withChargingProfilePurpose(EXTERNAL)))).isEmpty();
        assertThat(cleared(new ClearChargingProfileRequest().withChargingProfileCriteria(
                new ClearChargingProfile().withStackLevel(1)))).containsExactly(3, 4);
        assertThat(cleared(new ClearChargingProfileRequest())).as("no criteria: every profile the CSMS set")
                .containsExactly(1, 3, 4);
    }

    @Test
    @DisplayName("K09.FR.04/K09.FR.05/K09.FR.06: evseId scope and criteria of GetChargingProfiles")
    void reportScope() {
        assertThat(reported(new GetChargingProfilesRequest().withRequestId(1).withEvseId(0)
                .withChargingProfile(new ChargingProfileCriterion().withChargingProfilePurpose(MAX))))
                .containsExactly(1);
        assertThat(reported(new GetChargingProfilesRequest().withRequestId(1).withEvseId(2)
                .withChargingProfile(new ChargingProfileCriterion()))).containsExactly(4);
        assertThat(reported(new GetChargingProfilesRequest().withRequestId(1)
                .withChargingProfile(new ChargingProfileCriterion().withStackLevel(1)))).containsExactly(3, 4);
    }

    @Test
    @DisplayName("K09.FR.01/K09.FR.02: one report per EVSE, tbc on all but the last, requestId on each")
    void reports() {
        List<ReportChargingProfilesRequest> reports = ProfileQueries.reports(9, store.all());

        assertThat(reports).extracting(ReportChargingProfilesRequest::getEvseId).containsExactly(0, 1, 2);
        assertThat(reports).extracting(ReportChargingProfilesRequest::getTbc).containsExactly(true, true, false);
        assertThat(reports).extracting(ReportChargingProfilesRequest::getRequestId).containsOnly(9);
        assertThat(reports.get(0).getChargingProfile()).hasSize(2);
    }
}
