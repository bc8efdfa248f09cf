Feature: Stopping with another token of the group, or with a Master Pass
  A transaction may be stopped by the token that started it, by a valid token of the same group (C09) and by a
  token of the Master Pass group, which may never start one (C16).

  Background:
    Given a charging station "CS-001"
    And the station's variable "AuthCtrlr.MasterPassGroupId" is "POLICE"
    And the station is booted

  @embedded-csms
  Scenario: The starter's own token stops without Authorize (C01.FR.03)
    When id token "04A2B3C4" is presented to stop the transaction started with id token "04A2B3C4"
    Then the stop is "same token"

  @embedded-csms
  Scenario: A partner's token of the same group stops the transaction (C09.FR.03)
    Given the CSMS will answer Authorize for id token "D1000001" with status "Accepted" and group "FAMILY"
    And the CSMS will answer Authorize for id token "D2000002" with status "Accepted" and group "FAMILY"
    When the driver presents id token "D1000001"
    Then the driver may start charging
    When id token "D2000002" is presented to stop the transaction started with id token "D1000001"
    Then the stop is "same group"

  @embedded-csms
  Scenario: A blocked token of the same group does not stop the transaction (C09.FR.11)
    Given the CSMS will answer Authorize for id token "D1000001" with status "Accepted" and group "FAMILY"
    And the CSMS will answer Authorize for id token "D2000002" with status "Blocked" and group "FAMILY"
    When the driver presents id token "D1000001"
    And id token "D2000002" is presented to stop the transaction started with id token "D1000001"
    Then the stop is "refused"

  @embedded-csms
  Scenario: A Master Pass stops any transaction but cannot start one (C16.FR.02, C16.FR.03)
    Given the CSMS will answer Authorize for id token "0FF1CE01" with status "Accepted" and group "POLICE"
    When the driver presents id token "0FF1CE01"
    Then the station authorizes the id token with status "Accepted"
    And the driver may not start charging
    When id token "0FF1CE01" is presented to stop the transaction started with id token "04A2B3C4"
    Then the stop is "master pass"
