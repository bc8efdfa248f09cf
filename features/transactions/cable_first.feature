@transactions
Feature: Start a transaction with the cable plugged in first
  With TxStartPoint EVConnected the transaction starts when the driver plugs in the cable; the
  driver's idToken then authorizes it and, presented again, ends it
  (OCPP 2.0.1 Part 2: E02, E07, E01.FR.16, E03.FR.01).

  Background:
    Given a charging station "CS-001"
    And the station sends no clock-aligned meter values
    And the station starts transactions at "EVConnected" and stops them at "EVConnected, Authorized"
    And the station is booted

  Scenario: Plug in, authorize, stop with the same idToken
    When the driver plugs in the cable at EVSE 1
    Then the station reports connector 1 of EVSE 1 as "Occupied"
    And the station sends TransactionEvent "Started" with trigger reason "CablePluggedIn"
    And its charging state is "EVConnected"
    And it names EVSE 1 connector 1
    And it carries no id token
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "Authorized"
    And it carries the accepted token
    And its charging state is "Charging"
    And it names no EVSE
    And the station does not send TransactionEvent "Ended" with trigger reason "Authorized"
    And the station does not send StatusNotification "Faulted" for any connector
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And its stopped reason is "Local"
    And it carries the accepted token
    And every transaction counts its seqNo up by one from 0
    When the driver unplugs the cable at EVSE 1
    Then the station reports connector 1 of EVSE 1 as "Available"
    And the station has not sent another TransactionEvent
