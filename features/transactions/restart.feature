@transactions
Feature: Restart in the middle of a transaction
  The station saves its transactions in charge_point_state.json after every change; after a power
  cut it carries on with the same transactionId, the next seqNo and the same energy register
  (OCPP 2.0.1 Part 2: E01.FR.08, E02.FR.07, J02.FR.16).

  Scenario: Power cut while charging
    Given a charging station "CS-001"
    And the station sends no clock-aligned meter values
    And the station's variable "SampledDataCtrlr.TxUpdatedInterval" is "60"
    And the station is booted
    When the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    When 60 seconds pass
    Then the station sends TransactionEvent "Updated" with trigger reason "MeterValuePeriodic"
    When the station loses power and restarts from its state file
    And the station is booted
    Then the station reports connector 1 of EVSE 1 as "Occupied"
    When 60 seconds pass
    Then the station sends TransactionEvent "Updated" with trigger reason "MeterValuePeriodic"
    And it continues the transaction of the TransactionEvent before with the next seqNo
    And its energy register is higher than in the TransactionEvent before
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And it continues the transaction of the TransactionEvent before with the next seqNo
    And every transaction counts its seqNo up by one from 0
