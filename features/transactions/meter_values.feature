@transactions
Feature: Meter values during a transaction
  The TransactionEvents carry SampledDataCtrlr's measurands: TxStartedMeasurands in Started,
  TxUpdatedMeasurands every TxUpdatedInterval, TxEndedMeasurands in Ended; the energy register only
  goes up (OCPP 2.0.1 Part 2: E02.FR.09, J02.FR.11, E06.FR.11, J02.FR.16).

  Scenario: Meter values at the configured interval
    Given a charging station "CS-001"
    And the station sends no clock-aligned meter values
    And the station's variable "SampledDataCtrlr.TxUpdatedInterval" is "30"
    And the station's variable "SampledDataCtrlr.TxUpdatedMeasurands" is "Energy.Active.Import.Register,Power.Active.Import,Voltage,Current.Import"
    And the station is booted
    When the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And it carries meter values "Energy.Active.Import.Register" read at "Transaction.Begin"
    When 29 seconds pass
    Then the station has not sent another TransactionEvent
    When 1 second passes
    Then the station sends TransactionEvent "Updated" with trigger reason "MeterValuePeriodic"
    And it carries meter values "Energy.Active.Import.Register, Power.Active.Import, Voltage, Current.Import" read at "Sample.Periodic"
    And its energy register is higher than in the TransactionEvent before
    When 30 seconds pass
    Then the station sends TransactionEvent "Updated" with trigger reason "MeterValuePeriodic"
    And its energy register is higher than in the TransactionEvent before
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And it carries meter values "Energy.Active.Import.Register" read at "Transaction.End"
