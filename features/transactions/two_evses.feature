@transactions
Feature: Two EVSEs charge at the same time
  Each EVSE has its own transaction, seqNo and energy register (OCPP 2.0.1 Part 2: E01.FR.07,
  E01.FR.14, J02.FR.16).

  Scenario: Two drivers charge side by side
    Given a charging station "CS-001" with 2 EVSEs
    And the station sends no clock-aligned meter values
    And the station's variable "SampledDataCtrlr.TxUpdatedInterval" is "60"
    And the station is booted
    When the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And it names EVSE 1 connector 1
    When the driver plugs in the cable at EVSE 2
    And the driver presents the group token at EVSE 2
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And it names EVSE 2 connector 1
    When 60 seconds pass
    Then the station sends TransactionEvent "Updated" with trigger reason "MeterValuePeriodic"
    And the station sends TransactionEvent "Updated" with trigger reason "MeterValuePeriodic"
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    When the driver presents the group token at EVSE 2
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And every transaction counts its seqNo up by one from 0
