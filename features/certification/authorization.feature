@certification @authorization
Feature: Certification, block C Authorization: the CSMS test cases of OCPP 2.0.1 Part 6 §3.4 (Core)
  The tokens are the test profile's roles: the CSMS under test must know them as the profile says.

  Background:
    Given a charging station "CS-001" with 2 EVSEs
    And the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station's variable "AuthCtrlr.AuthorizeRemoteStart" is "false"
    And the station sends no clock-aligned meter values

  @TC_C_02_CSMS
  Scenario: TC_C_02_CSMS Local start transaction - Authorization Invalid/Unknown (C01.FR.07)
    Given the station is booted
    When the driver presents the invalid token
    Then the station sends Authorize
    And the CSMS answers Authorize with status "Invalid" or "Unknown"

  # Part 6 asks for "Linked or Invalid"; Linked is no AuthorizationStatusEnumType value, Blocked is the restriction.
  @TC_C_06_CSMS
  Scenario: TC_C_06_CSMS Local start transaction - Authorization Restricted (C01.FR.07)
    Given the station is booted
    When the driver presents the blocked token
    Then the station sends Authorize
    And the CSMS answers Authorize with status "Blocked" or "Invalid"

  @TC_C_07_CSMS
  Scenario: TC_C_07_CSMS Local start transaction - Authorization Expired (C01.FR.07)
    Given the station is booted
    When the driver presents the expired token
    Then the station sends Authorize
    And the CSMS answers Authorize with status "Expired" or "Invalid"

  @TC_C_08_CSMS
  Scenario: TC_C_08_CSMS Authorization through authorization cache - Accepted (C12.FR.03)
    Given the station's variable "AuthCacheCtrlr.Enabled" is "true"
    And the station's variable "AuthCtrlr.LocalPreAuthorize" is "true"
    And the station is booted
    And the driver presents the accepted token
    And an EV is connected at EVSE 1
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "Authorized"
    And it carries the accepted token
    And the CSMS answers TransactionEvent with status "Accepted"

  @TC_C_37_CSMS
  Scenario: TC_C_37_CSMS Clear Authorization Data in Authorization Cache - Accepted (C11.FR.01)
    Given the station's variable "AuthCacheCtrlr.Enabled" is "true"
    And the station is booted
    When the CSMS sends ClearCache
    Then the station answers ClearCache with status "Accepted"

  @TC_C_38_CSMS
  Scenario: TC_C_38_CSMS Clear Authorization Data in Authorization Cache - Rejected (C11.FR.04)
    Given the station's variable "AuthCacheCtrlr.Enabled" is "false"
    And the station is booted
    When the CSMS sends ClearCache
    Then the station answers ClearCache with status "Rejected"
    And the CSMS answers every message of the station without error

  # Part 6 uses two tokens of one group; the profile names one group token, presented to start and to stop.
  @TC_C_39_CSMS
  Scenario: TC_C_39_CSMS Authorization by GroupId - Success (C09.FR.02, C09.FR.03)
    Given the station is booted
    And an EV is connected at EVSE 1
    When the driver presents the group token at EVSE 1
    Then the CSMS answers Authorize with the group of the group token
    And the station sends TransactionEvent "Updated" with trigger reason "Authorized"
    And the CSMS answers TransactionEvent with the group of the group token
    When the driver presents the group token at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "StopAuthorized"
    And the CSMS answers TransactionEvent with the group of the group token
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And the CSMS answers every message of the station without error

  @TC_C_49_CSMS
  Scenario: TC_C_49_CSMS Stop Transaction with a Master Pass - Without UI (C16.FR.02)
    Given the station's master pass group is that of the master pass token
    And the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected, Authorized"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    And an EV is charging at EVSE 2 with the group token
    When the driver presents the master pass token at EVSE 1
    Then the CSMS answers Authorize with the group of the master pass token
    And the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And its stopped reason is "MasterPass"
    And the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And its stopped reason is "MasterPass"
    And the CSMS answers every message of the station without error
