Feature: Faults on a connector
  A fault the station detects (named as in OCPP 1.6) makes the connector Faulted, is reported with NotifyEvent on
  the matching component and variable, ends a running transaction with AbnormalCondition, and once cleared is
  reported cleared and the connector is usable again (G01, N07, E06.FR.08/16).

  Background:
    Given a charging station "CS-FAULT"
    And the station is booted

  Scenario: A ground fault while charging ends the transaction (E06.FR.16, N07.FR.19)
    When the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    When a GroundFailure occurs on connector 1 of EVSE 1
    Then the station sends NotifyEvent for "RCD.Tripped" of EVSE 1
    And the station reports connector 1 of EVSE 1 as "Faulted"
    And the station sends TransactionEvent "Ended" with trigger reason "AbnormalCondition"
    And its stopped reason is "GroundFault"

  Scenario: A cleared fault returns the connector to service (N07.FR.02)
    When an OverCurrentFailure occurs on connector 1 of EVSE 1
    Then the station sends NotifyEvent for "OverCurrentProtection.Active" of EVSE 1
    And the station reports connector 1 of EVSE 1 as "Faulted"
    When the OverCurrentFailure on connector 1 of EVSE 1 is cleared
    Then the station sends NotifyEvent that "OverCurrentProtection.Active" of EVSE 1 is cleared
    And the station reports connector 1 of EVSE 1 as "Available"
