@certification @metering
Feature: Certification, block J MeterValues: the CSMS test cases of OCPP 2.0.1 Part 6 §3.11 (Core)

  Background:
    Given a charging station "CS-001"
    And the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station's variable "AuthCtrlr.AuthorizeRemoteStart" is "false"
    And the station sends no clock-aligned meter values

  @TC_J_01_CSMS
  Scenario: TC_J_01_CSMS Clock-aligned Meter Values - No transaction ongoing (J01.FR.01)
    Given the station's variable "AlignedDataCtrlr.Interval" is "60"
    And the station is booted
    When 60 seconds pass
    Then the station sends MeterValues where "meterValue.0.sampledValue.0.context" is "Sample.Clock"
    And the CSMS answers every message of the station without error

  @TC_J_02_CSMS
  Scenario: TC_J_02_CSMS Clock-aligned Meter Values - Transaction ongoing (J01.FR.01, E02.FR.09)
    Given the station's variable "AlignedDataCtrlr.Interval" is "60"
    And the station's variable "SampledDataCtrlr.TxUpdatedInterval" is "0"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When 60 seconds pass
    Then the station sends TransactionEvent "Updated" with trigger reason "MeterValueClock"
    And it carries meter values "Energy.Active.Import.Register" read at "Sample.Clock"
    And the CSMS answers every message of the station without error

  @TC_J_07_CSMS
  Scenario: TC_J_07_CSMS Sampled Meter Values - EventType Started - EVSE known (J02.FR.01)
    Given the station is booted
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "CablePluggedIn"
    And it names EVSE 1 connector 1
    And it carries meter values "Energy.Active.Import.Register" read at "Transaction.Begin"
    And the CSMS answers every message of the station without error

  @TC_J_08_CSMS
  Scenario: TC_J_08_CSMS Sampled Meter Values - Context Transaction.Start - EVSE not known (J02.FR.01)
    Given the station is booted
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And it carries meter values "Energy.Active.Import.Register" read at "Transaction.Begin"
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "CablePluggedIn"
    And the CSMS answers every message of the station without error

  @TC_J_09_CSMS
  Scenario: TC_J_09_CSMS Sampled Meter Values - EventType Updated (J02.FR.02)
    Given the station's variable "SampledDataCtrlr.TxUpdatedInterval" is "60"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When 60 seconds pass
    Then the station sends TransactionEvent "Updated" with trigger reason "MeterValuePeriodic"
    And it carries meter values "Energy.Active.Import.Register" read at "Sample.Periodic"
    And the CSMS answers every message of the station without error

  @TC_J_10_CSMS
  Scenario: TC_J_10_CSMS Sampled Meter Values - EventType Ended (J02.FR.03)
    Given the station's variable "SampledDataCtrlr.TxUpdatedInterval" is "0"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When 60 seconds pass
    And the driver presents the accepted token at EVSE 1
    And the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "StopAuthorized"
    And the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And it carries meter values "Energy.Active.Import.Register" read at "Transaction.End"
    And the CSMS answers every message of the station without error
