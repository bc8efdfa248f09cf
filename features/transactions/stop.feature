@transactions
Feature: Stop a transaction
  The default TxStartPoint PowerPathClosed starts the transaction once the cable is in and the driver
  is authorized; TxStopPoint EVConnected, Authorized ends it when either stops
  (OCPP 2.0.1 Part 2: E01.FR.05, E06, E07, E09, E05 with StopTxOnInvalidId).

  Background:
    Given a charging station "CS-001"
    And the station sends no clock-aligned meter values
    And the station is booted
    When the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And its charging state is "Charging"
    And it names EVSE 1 connector 1
    And it carries the accepted token

  Scenario: The driver stops with the idToken that started the transaction (E07)
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And its stopped reason is "Local"

  Scenario: The driver unplugs the cable (E09, StopTxOnEVSideDisconnect true)
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And its stopped reason is "EVDisconnected"
    And the station reports connector 1 of EVSE 1 as "Available"

  Scenario: Another driver's idToken does not stop the transaction
    When the driver presents the group token at EVSE 1
    Then the station has not sent another TransactionEvent
