@certification @provisioning
Feature: Certification, block B Provisioning: the CSMS test cases of OCPP 2.0.1 Part 6 §3.3 (Core)
  The station plays the part of the test tool; the CSMS under test is the one the test profile names.
  "Manual Action" steps go through the profile's CSMS trigger; the tool validations are the Then steps.

  Background:
    Given a charging station "CS-001"
    And the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station's variable "AuthCtrlr.AuthorizeRemoteStart" is "false"
    And the station sends no clock-aligned meter values

  @TC_B_01_CSMS
  Scenario: TC_B_01_CSMS Cold Boot Charging Station - Accepted (B01.FR.02)
    When the station connects to the CSMS
    Then the station sends BootNotification where "reason" is "PowerUp"
    And the CSMS answers BootNotification with status "Accepted"
    And in the CSMS's answer to BootNotification, field "interval" is the heartbeat interval of the profile
    And the station sends StatusNotification "Available" for every connector
    And the CSMS answers every message of the station without error

  @TC_B_06_CSMS
  Scenario: TC_B_06_CSMS Get Variables - single value (B06.FR.01)
    Given the station is booted
    When the CSMS sends GetVariables with:
      """
      {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "OfflineThreshold"}}]}
      """
    Then in the CSMS's GetVariables request, field "getVariableData.0.component.name" is "OCPPCommCtrlr"
    And in the CSMS's GetVariables request, field "getVariableData.0.variable.name" is "OfflineThreshold"
    And in the station's answer to GetVariables, field "getVariableResult.0.attributeStatus" is "Accepted"

  @TC_B_07_CSMS
  Scenario: TC_B_07_CSMS Get Variables - multiple values (B06.FR.01)
    Given the station is booted
    When the CSMS sends GetVariables with:
      """
      {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "OfflineThreshold"}},
                           {"component": {"name": "AuthCtrlr"}, "variable": {"name": "AuthorizeRemoteStart"}}]}
      """
    Then in the CSMS's GetVariables request, field "getVariableData.0.variable.name" is "OfflineThreshold"
    And in the CSMS's GetVariables request, field "getVariableData.1.component.name" is "AuthCtrlr"
    And in the CSMS's GetVariables request, field "getVariableData.1.variable.name" is "AuthorizeRemoteStart"
    And in the station's answer to GetVariables, field "getVariableResult.1.attributeValue" is "false"

  @TC_B_09_CSMS
  Scenario: TC_B_09_CSMS Set Variables - single value (B05.FR.01)
    Given the station is booted
    When the CSMS sends SetVariables with:
      """
      {"setVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "OfflineThreshold"},
                            "attributeValue": "123"}]}
      """
    Then in the CSMS's SetVariables request, field "setVariableData.0.component.name" is "OCPPCommCtrlr"
    And in the CSMS's SetVariables request, field "setVariableData.0.variable.name" is "OfflineThreshold"
    And in the CSMS's SetVariables request, field "setVariableData.0.attributeValue" is "123"
    And in the station's answer to SetVariables, field "setVariableResult.0.attributeStatus" is "Accepted"

  @TC_B_10_CSMS
  Scenario: TC_B_10_CSMS Set Variables - multiple values (B05.FR.01)
    Given the station is booted
    When the CSMS sends SetVariables with:
      """
      {"setVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "OfflineThreshold"},
                            "attributeValue": "123"},
                           {"component": {"name": "AuthCtrlr"}, "variable": {"name": "AuthorizeRemoteStart"},
                            "attributeValue": "false"}]}
      """
    Then in the CSMS's SetVariables request, field "setVariableData.0.attributeValue" is "123"
    And in the CSMS's SetVariables request, field "setVariableData.1.variable.name" is "AuthorizeRemoteStart"
    And in the CSMS's SetVariables request, field "setVariableData.1.attributeValue" is "false"
    And in the station's answer to SetVariables, field "setVariableResult.1.attributeStatus" is "Accepted"

  @TC_B_12_CSMS
  Scenario: TC_B_12_CSMS Get Base Report - ConfigurationInventory (B07.FR.07)
    Given the station is booted
    When the CSMS sends GetBaseReport with:
      """
      {"requestId": 1, "reportBase": "ConfigurationInventory"}
      """
    Then in the CSMS's GetBaseReport request, field "reportBase" is "ConfigurationInventory"
    And the station answers GetBaseReport with status "Accepted"
    And the station sends NotifyReport where "requestId" is "1"
    And the CSMS answers every message of the station without error

  @TC_B_13_CSMS
  Scenario: TC_B_13_CSMS Get Base Report - FullInventory (B07.FR.08)
    Given the station is booted
    When the CSMS sends GetBaseReport with:
      """
      {"requestId": 2, "reportBase": "FullInventory"}
      """
    Then in the CSMS's GetBaseReport request, field "reportBase" is "FullInventory"
    And the station answers GetBaseReport with status "Accepted"
    And the station sends NotifyReport where "requestId" is "2"
    And the CSMS answers every message of the station without error

  @TC_B_20_CSMS
  Scenario: TC_B_20_CSMS Reset Charging Station - Without ongoing transaction - OnIdle (B11.FR.04)
    Given the station is booted
    When the CSMS sends Reset with:
      """
      {"type": "OnIdle"}
      """
    Then in the CSMS's Reset request, field "type" is "OnIdle"
    And the station answers Reset with status "Accepted"
    And the station sends BootNotification where "reason" is "RemoteReset"
    And the CSMS answers BootNotification with status "Accepted"
    And the station sends StatusNotification "Available" for every connector

  @TC_B_21_CSMS
  Scenario: TC_B_21_CSMS Reset Charging Station - With Ongoing Transaction - OnIdle (B12.FR.01, B12.FR.03)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends Reset with:
      """
      {"type": "OnIdle"}
      """
    Then in the CSMS's Reset request, field "type" is "OnIdle"
    And the station answers Reset with status "Scheduled"
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "StopAuthorized"
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And the station sends BootNotification
    And the CSMS answers BootNotification with status "Accepted"

  @TC_B_22_CSMS
  Scenario: TC_B_22_CSMS Reset Charging Station - With Ongoing Transaction - Immediate (B12.FR.02)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends Reset with:
      """
      {"type": "Immediate"}
      """
    Then in the CSMS's Reset request, field "type" is "Immediate"
    And the station answers Reset with status "Accepted"
    And the station sends TransactionEvent "Ended" with trigger reason "ResetCommand"
    And its stopped reason is "ImmediateReset"
    And the station sends BootNotification where "reason" is "RemoteReset"
    And the CSMS answers BootNotification with status "Accepted"

  @TC_B_25_CSMS
  Scenario: TC_B_25_CSMS Reset EVSE - Without ongoing transaction (B11.FR.04)
    Given the station is booted
    When the CSMS sends Reset with:
      """
      {"type": "OnIdle", "evseId": 1}
      """
    Then in the CSMS's Reset request, field "type" is "OnIdle"
    And in the CSMS's Reset request, field "evseId" is "1"
    And the station answers Reset with status "Accepted"

  @TC_B_26_CSMS
  Scenario: TC_B_26_CSMS Reset EVSE - With Ongoing Transaction - OnIdle (B12.FR.07)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends Reset with:
      """
      {"type": "OnIdle", "evseId": 1}
      """
    Then in the CSMS's Reset request, field "evseId" is "1"
    And the station answers Reset with status "Scheduled"
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "StopAuthorized"
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And the CSMS answers every message of the station without error

  @TC_B_27_CSMS
  Scenario: TC_B_27_CSMS Reset EVSE - With Ongoing Transaction - Immediate (B12.FR.08)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends Reset with:
      """
      {"type": "Immediate", "evseId": 1}
      """
    Then in the CSMS's Reset request, field "type" is "Immediate"
    And in the CSMS's Reset request, field "evseId" is "1"
    And the station answers Reset with status "Accepted"
    And the station sends TransactionEvent "Ended" with trigger reason "ResetCommand"
    And its stopped reason is "ImmediateReset"
    And the CSMS answers every message of the station without error
