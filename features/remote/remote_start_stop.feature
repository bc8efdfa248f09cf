@remote @embedded-csms
Feature: Remote start and stop of transactions
  The CSMS starts a transaction with RequestStartTransaction and stops it with RequestStopTransaction
  (OCPP 2.0.1 Part 2: F01, F02, F03, B02.FR.05).

  Background:
    Given a charging station "CS-001"
    And the station is booted

  Scenario: Remote start first, then the driver plugs in (F02.FR.01, F02.FR.21)
    When the CSMS sends RequestStartTransaction for EVSE 1 with the accepted token
    Then the station answers RequestStartTransaction with status "Accepted"
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "RemoteStart"
    And it carries the accepted token
    And the last TransactionEvent carries the remote start id of the CSMS's RequestStartTransaction

  Scenario: Remote stop ends the transaction (F03.FR.03)
    Given the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    And the station sends TransactionEvent "Started" with trigger reason "Authorized"
    When the CSMS sends RequestStopTransaction for the current transaction
    Then the station answers RequestStopTransaction with status "Accepted"
    And the station sends TransactionEvent "Ended" with trigger reason "RemoteStop"
    And its stopped reason is "Remote"

  Scenario: An EVSE with an authorized transaction rejects a remote start (F01.FR.24)
    Given the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    When the CSMS sends RequestStartTransaction for EVSE 1 with the group token
    Then the station answers RequestStartTransaction with status "Rejected"

  Scenario: An unknown transactionId is rejected (F03.FR.08)
    When the CSMS sends RequestStopTransaction with:
      """
      {"transactionId": "no-such-transaction"}
      """
    Then the station answers RequestStopTransaction with status "Rejected"

  @embedded-csms
  Scenario: A remotely started session with the simulated driver plugging in by themselves (F02)
    Given the driver plugs in by themselves 5 seconds after a remote start
    When the CSMS sends RequestStartTransaction for EVSE 1 with the accepted token
    Then the station answers RequestStartTransaction with status "Accepted"
    When 5 seconds pass
    Then the station sends TransactionEvent "Started" with trigger reason "RemoteStart"
