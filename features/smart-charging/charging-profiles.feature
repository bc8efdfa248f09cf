@embedded-csms
Feature: Smart charging with charging profiles
  The CSMS limits the current or power of a station with charging profiles; the station combines them into a
  composite schedule (OCPP 2.0.1 Part 2, K01 SetChargingProfile, K08 GetCompositeSchedule,
  K09 GetChargingProfiles, K10 ClearChargingProfile).

  Background:
    Given a charging station "CS-001" with 2 EVSEs
    And the station is booted

  Scenario: A default profile shapes the composite schedule as time goes by (K01, K08.FR.02)
    When the CSMS sets TxDefaultProfile 1 on EVSE 1 at stack level 0 with limits "0:16 60:10" A
    Then the station answers SetChargingProfile with status "Accepted"
    And the composite schedule of EVSE 1 for 120 seconds in A is "0:16 60:10"
    And the composite schedule of EVSE 1 for 120 seconds in W is "0:11040 60:6900"
    When 60 seconds pass
    Then the composite schedule of EVSE 1 for 120 seconds in A is "0:10"

  Scenario: The lowest limit of all purposes counts, the highest stack level within one (K01.FR.17, K08.FR.04)
    When the CSMS sets ChargingStationMaxProfile 1 on EVSE 0 at stack level 0 with limits "0:20" A
    And the CSMS sets TxDefaultProfile 2 on EVSE 0 at stack level 0 with limits "0:8" A
    And the CSMS sets TxDefaultProfile 3 on EVSE 1 at stack level 1 with limits "0:24 60:12" A
    Then the station answers SetChargingProfile with status "Accepted"
    And the composite schedule of EVSE 1 for 120 seconds in A is "0:20 60:12"
    And the composite schedule of EVSE 2 for 120 seconds in A is "0:8"

  Scenario: A TxProfile needs a transaction on its EVSE (K01.FR.09)
    When the CSMS sets TxProfile 5 on EVSE 1 at stack level 0 with limits "0:10" A for transaction "TX-1"
    Then the station answers SetChargingProfile with status "Rejected"
    And in the station's answer to SetChargingProfile, field "statusInfo.reasonCode" is "TxNotFound"

  Scenario: Two profiles of one purpose may not share a stack level on an EVSE (K01.FR.06)
    When the CSMS sets TxDefaultProfile 1 on EVSE 1 at stack level 0 with limits "0:16" A
    And the CSMS sets TxDefaultProfile 2 on EVSE 1 at stack level 0 with limits "0:10" A
    Then the station answers SetChargingProfile with status "Rejected"
    And in the station's answer to SetChargingProfile, field "statusInfo.reasonCode" is "DuplicateProfile"

  Scenario: An EVSE that does not exist has no composite schedule (K08.FR.05)
    When the CSMS sends GetCompositeSchedule with:
      """
      {"evseId": 3, "duration": 60}
      """
    Then the station answers GetCompositeSchedule with status "Rejected"

  Scenario: The station reports its profiles, one message per EVSE (K09.FR.01, K09.FR.02)
    When the CSMS sets ChargingStationMaxProfile 1 on EVSE 0 at stack level 0 with limits "0:20" A
    And the CSMS sets TxDefaultProfile 2 on EVSE 1 at stack level 0 with limits "0:16" A
    And the CSMS asks for every charging profile with request id 7
    Then the station answers GetChargingProfiles with status "Accepted"
    And the station sends ReportChargingProfiles where "tbc" is "true"
    And the station sends ReportChargingProfiles where "tbc" is "false"

  Scenario: A cleared profile no longer limits; clearing it again finds nothing (K10.FR.01, K10.FR.03)
    When the CSMS sets TxDefaultProfile 4 on EVSE 1 at stack level 0 with limits "0:6" A
    And the CSMS clears charging profile 4
    Then the station answers ClearChargingProfile with status "Accepted"
    And the composite schedule of EVSE 1 for 60 seconds in A is "0:32"
    When the CSMS clears charging profile 4
    Then the station answers ClearChargingProfile with status "Unknown"
