@remote @embedded-csms
Feature: Reset
  The CSMS resets the station at once or when it is idle (OCPP 2.0.1 Part 2: B11, B12 with errata 2025-04).

  Background:
    Given a charging station "CS-001"
    And the station is booted

  Scenario: Immediate reset without a transaction reboots the station (B11.FR.03, B11.FR.04)
    When the CSMS sends Reset with:
      """
      {"type": "Immediate"}
      """
    Then the station answers Reset with status "Accepted"
    And the station sends BootNotification where "reason" is "RemoteReset"

  Scenario: Immediate reset ends the transaction first (B12.FR.02, B12.FR.04)
    Given the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    And the station sends TransactionEvent "Started" with trigger reason "Authorized"
    When the CSMS sends Reset with:
      """
      {"type": "Immediate"}
      """
    Then the station answers Reset with status "Accepted"
    And the station sends TransactionEvent "Ended" with trigger reason "ResetCommand"
    And its stopped reason is "ImmediateReset"
    And the station sends BootNotification where "reason" is "RemoteReset"

  Scenario: OnIdle reset waits for the transaction to end (B12.FR.01, B12.FR.03)
    Given the station sends BootNotification where "reason" is "PowerUp"
    And the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    And the station sends TransactionEvent "Started" with trigger reason "Authorized"
    When the CSMS sends Reset with:
      """
      {"type": "OnIdle"}
      """
    Then the station answers Reset with status "Scheduled"
    When 30 seconds pass
    Then the station has not sent another BootNotification
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And the station sends BootNotification where "reason" is "RemoteReset"
