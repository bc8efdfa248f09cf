@certification @remote
Feature: Certification, block F Remote Control: the CSMS test cases of OCPP 2.0.1 Part 6 §3.7 (Core)

  Background:
    Given a charging station "CS-001"
    And the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station's variable "AuthCtrlr.AuthorizeRemoteStart" is "false"
    And the station sends no clock-aligned meter values

  @TC_F_01_CSMS
  Scenario: TC_F_01_CSMS Remote start transaction - Cable plugin first (F01.FR.01)
    Given the station is booted
    And an EV is connected at EVSE 1
    When the CSMS sends RequestStartTransaction for EVSE 1 with the accepted token
    Then the CSMS's RequestStartTransaction request carries the accepted token
    And the station answers RequestStartTransaction with status "Accepted"
    And the station sends TransactionEvent "Updated" with trigger reason "RemoteStart"
    And the last TransactionEvent carries the remote start id of the CSMS's RequestStartTransaction
    And the CSMS answers TransactionEvent with status "Accepted"

  @TC_F_02_CSMS
  Scenario: TC_F_02_CSMS Remote start transaction - Remote start first - AuthorizeRemoteStart is true (F01.FR.01)
    Given the station's variable "AuthCtrlr.AuthorizeRemoteStart" is "true"
    And the station is booted
    When the CSMS sends RequestStartTransaction for EVSE 1 with the accepted token
    Then the CSMS's RequestStartTransaction request carries the accepted token
    And the station answers RequestStartTransaction with status "Accepted"
    And the station sends Authorize
    And the CSMS answers Authorize with status "Accepted"
    And the station sends TransactionEvent "Started" with trigger reason "RemoteStart"
    And the last TransactionEvent carries the remote start id of the CSMS's RequestStartTransaction
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "CablePluggedIn"
    And the CSMS answers every message of the station without error

  @TC_F_03_CSMS
  Scenario: TC_F_03_CSMS Remote start transaction - Remote start first - AuthorizeRemoteStart is false (F01.FR.02)
    Given the station is booted
    When the CSMS sends RequestStartTransaction for EVSE 1 with the accepted token
    Then the CSMS's RequestStartTransaction request carries the accepted token
    And the station answers RequestStartTransaction with status "Accepted"
    And the station does not send Authorize
    And the station sends TransactionEvent "Started" with trigger reason "RemoteStart"
    And the last TransactionEvent carries the remote start id of the CSMS's RequestStartTransaction
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "CablePluggedIn"
    And the CSMS answers every message of the station without error

  @TC_F_04_CSMS
  Scenario: TC_F_04_CSMS Remote start transaction - Remote start first - Cable plugin timeout (F02.FR.03)
    Given the station's variable "TxCtrlr.EVConnectionTimeOut" is "60"
    And the station's variable "SampledDataCtrlr.TxUpdatedInterval" is "0"
    And the station is booted
    When the CSMS sends RequestStartTransaction for EVSE 1 with the accepted token
    Then the CSMS's RequestStartTransaction request carries the accepted token
    And the station answers RequestStartTransaction with status "Accepted"
    And the station sends TransactionEvent "Started" with trigger reason "RemoteStart"
    When 60 seconds pass
    Then the station sends TransactionEvent "Ended" with trigger reason "EVConnectTimeout"
    And the CSMS answers every message of the station without error

  @TC_F_11_CSMS
  Scenario: TC_F_11_CSMS Trigger message - MeterValues - Specific EVSE (F06.FR.03)
    Given the station is booted
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "MeterValues", "evse": {"id": 1}}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "MeterValues"
    And in the CSMS's TriggerMessage request, field "evse.id" is "1"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends MeterValues where "meterValue.0.sampledValue.0.context" is "Trigger"
    And the CSMS answers every message of the station without error

  @TC_F_12_CSMS
  Scenario: TC_F_12_CSMS Trigger message - MeterValues - All EVSE (F06.FR.03)
    Given the station is booted
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "MeterValues"}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "MeterValues"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends MeterValues where "meterValue.0.sampledValue.0.context" is "Trigger"
    And the CSMS answers every message of the station without error

  @TC_F_13_CSMS
  Scenario: TC_F_13_CSMS Trigger message - TransactionEvent - Specific EVSE (F06.FR.04)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "TransactionEvent", "evse": {"id": 1}}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "TransactionEvent"
    And in the CSMS's TriggerMessage request, field "evse.id" is "1"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends TransactionEvent "Updated" with trigger reason "Trigger"
    And its charging state is "Charging"
    And the CSMS answers every message of the station without error

  @TC_F_14_CSMS
  Scenario: TC_F_14_CSMS Trigger message - TransactionEvent - All EVSE (F06.FR.04)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "TransactionEvent"}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "TransactionEvent"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends TransactionEvent "Updated" with trigger reason "Trigger"
    And the CSMS answers every message of the station without error

  @TC_F_15_CSMS
  Scenario: TC_F_15_CSMS Trigger message - LogStatusNotification - Idle (F06.FR.09)
    Given the station is booted
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "LogStatusNotification"}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "LogStatusNotification"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends LogStatusNotification where "status" is "Idle"
    And the CSMS answers every message of the station without error

  @TC_F_18_CSMS
  Scenario: TC_F_18_CSMS Trigger message - FirmwareStatusNotification - Idle (F06.FR.10)
    Given the station is booted
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "FirmwareStatusNotification"}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "FirmwareStatusNotification"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends FirmwareStatusNotification where "status" is "Idle"
    And the CSMS answers every message of the station without error

  @TC_F_20_CSMS
  Scenario: TC_F_20_CSMS Trigger message - Heartbeat (F06.FR.01)
    Given the station is booted
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "Heartbeat"}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "Heartbeat"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends Heartbeat
    And in the CSMS's answer to Heartbeat, field "currentTime" is present

  @TC_F_23_CSMS
  Scenario: TC_F_23_CSMS Trigger message - StatusNotification - Specific EVSE - Available (F06.FR.12)
    Given the station is booted
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "StatusNotification", "evse": {"id": 1, "connectorId": 1}}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "StatusNotification"
    And in the CSMS's TriggerMessage request, field "evse.id" is "1"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends StatusNotification where "connectorStatus" is "Available"
    And the CSMS answers every message of the station without error

  @TC_F_24_CSMS
  Scenario: TC_F_24_CSMS Trigger message - StatusNotification - Specific EVSE - Occupied (F06.FR.12)
    Given the station is booted
    And an EV is connected at EVSE 1
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "StatusNotification", "evse": {"id": 1, "connectorId": 1}}
      """
    Then in the CSMS's TriggerMessage request, field "requestedMessage" is "StatusNotification"
    And in the CSMS's TriggerMessage request, field "evse.id" is "1"
    And the station answers TriggerMessage with status "Accepted"
    And the station sends StatusNotification where "connectorStatus" is "Occupied"
    And the CSMS answers every message of the station without error

  @TC_F_27_CSMS
  Scenario: TC_F_27_CSMS Trigger message - NotImplemented (F06.FR.08)
    Given the station is booted
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "SignCombinedCertificate"}
      """
    Then the station answers TriggerMessage with status "NotImplemented"
    And the CSMS answers every message of the station without error
