@transactions
Feature: Start a transaction with the idToken presented first
  With TxStartPoint Authorized the transaction starts when the driver is authorized; the cable
  follows, or the authorization times out (OCPP 2.0.1 Part 2: E03, E09, E03.FR.05).

  Background:
    Given a charging station "CS-001"
    And the station sends no clock-aligned meter values
    And the station starts transactions at "Authorized" and stops them at "EVConnected, Authorized"
    And the station's variable "TxCtrlr.EVConnectionTimeOut" is "30"
    And the station is booted

  Scenario: Authorize, plug in, charge, unplug
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And it carries the accepted token
    And its charging state is "Idle"
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "CablePluggedIn"
    And it names EVSE 1 connector 1
    And its charging state is "Charging"
    And it carries no id token
    When the EV at EVSE 1 suspends charging
    Then the station sends TransactionEvent "Updated" with trigger reason "ChargingStateChanged"
    And its charging state is "SuspendedEV"
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And its stopped reason is "EVDisconnected"
    And its charging state is "Idle"

  Scenario: The driver never plugs in
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    When 29 seconds pass
    Then the station has not sent another TransactionEvent
    When 1 second passes
    Then the station sends TransactionEvent "Ended" with trigger reason "EVConnectTimeout"
    And its stopped reason is "Timeout"
