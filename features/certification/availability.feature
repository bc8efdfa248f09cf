@certification @availability
Feature: Certification, block G Availability: the CSMS test cases of OCPP 2.0.1 Part 6 §3.8 (Core)

  Background:
    Given a charging station "CS-001"
    And the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station's variable "AuthCtrlr.AuthorizeRemoteStart" is "false"
    And the station sends no clock-aligned meter values

  @TC_G_03_CSMS
  Scenario: TC_G_03_CSMS Change Availability EVSE - Operative to inoperative (G03.FR.01)
    Given the station is booted
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative", "evse": {"id": 1}}
      """
    Then in the CSMS's ChangeAvailability request, field "operationalStatus" is "Inoperative"
    And in the CSMS's ChangeAvailability request, field "evse.id" is "1"
    And in the CSMS's ChangeAvailability request, field "evse.connectorId" is absent
    And the station answers ChangeAvailability with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Unavailable"
    And the CSMS answers every message of the station without error

  @TC_G_04_CSMS
  Scenario: TC_G_04_CSMS Change Availability EVSE - Inoperative to operative (G03.FR.01)
    Given the station is booted
    And the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative", "evse": {"id": 1}}
      """
    And the station reports connector 1 of EVSE 1 as "Unavailable"
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Operative", "evse": {"id": 1}}
      """
    Then in the CSMS's ChangeAvailability request, field "operationalStatus" is "Operative"
    And in the CSMS's ChangeAvailability request, field "evse.id" is "1"
    And the station answers ChangeAvailability with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Available"
    And the CSMS answers every message of the station without error

  @TC_G_05_CSMS
  Scenario: TC_G_05_CSMS Change Availability Charging Station - Operative to inoperative (G03.FR.01)
    Given the station is booted
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative"}
      """
    Then in the CSMS's ChangeAvailability request, field "operationalStatus" is "Inoperative"
    And in the CSMS's ChangeAvailability request, field "evse" is absent
    And the station answers ChangeAvailability with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Unavailable"
    And the CSMS answers every message of the station without error

  @TC_G_06_CSMS
  Scenario: TC_G_06_CSMS Change Availability Charging Station - Inoperative to operative (G03.FR.01)
    Given the station is booted
    And the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative"}
      """
    And the station reports connector 1 of EVSE 1 as "Unavailable"
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Operative"}
      """
    Then in the CSMS's ChangeAvailability request, field "operationalStatus" is "Operative"
    And in the CSMS's ChangeAvailability request, field "evse" is absent
    And the station answers ChangeAvailability with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Available"
    And the CSMS answers every message of the station without error

  @TC_G_07_CSMS
  Scenario: TC_G_07_CSMS Change Availability Connector - Operative to inoperative (G03.FR.01)
    Given the station is booted
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative", "evse": {"id": 1, "connectorId": 1}}
      """
    Then in the CSMS's ChangeAvailability request, field "evse.id" is "1"
    And in the CSMS's ChangeAvailability request, field "evse.connectorId" is "1"
    And the station answers ChangeAvailability with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Unavailable"
    And the CSMS answers every message of the station without error

  @TC_G_08_CSMS
  Scenario: TC_G_08_CSMS Change Availability Connector - Inoperative to operative (G03.FR.01)
    Given the station is booted
    And the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative", "evse": {"id": 1, "connectorId": 1}}
      """
    And the station reports connector 1 of EVSE 1 as "Unavailable"
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Operative", "evse": {"id": 1, "connectorId": 1}}
      """
    Then in the CSMS's ChangeAvailability request, field "operationalStatus" is "Operative"
    And in the CSMS's ChangeAvailability request, field "evse.connectorId" is "1"
    And the station answers ChangeAvailability with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Available"
    And the CSMS answers every message of the station without error

  @TC_G_11_CSMS
  Scenario: TC_G_11_CSMS Change Availability EVSE - With ongoing transaction (G03.FR.05)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative", "evse": {"id": 1}}
      """
    Then in the CSMS's ChangeAvailability request, field "evse.id" is "1"
    And the station answers ChangeAvailability with status "Scheduled"
    When the driver presents the accepted token at EVSE 1
    And the driver unplugs the cable at EVSE 1
    Then the station reports connector 1 of EVSE 1 as "Unavailable"
    And the CSMS answers every message of the station without error

  @TC_G_14_CSMS
  Scenario: TC_G_14_CSMS Change Availability Charging Station - With ongoing transaction (G03.FR.05)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative"}
      """
    Then in the CSMS's ChangeAvailability request, field "evse" is absent
    And the station answers ChangeAvailability with status "Scheduled"
    When the driver presents the accepted token at EVSE 1
    And the driver unplugs the cable at EVSE 1
    Then the station reports connector 1 of EVSE 1 as "Unavailable"
    And the CSMS answers every message of the station without error

  @TC_G_17_CSMS
  Scenario: TC_G_17_CSMS Change Availability Connector - With ongoing transaction (G03.FR.05)
    Given the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative", "evse": {"id": 1, "connectorId": 1}}
      """
    Then in the CSMS's ChangeAvailability request, field "evse.connectorId" is "1"
    And the station answers ChangeAvailability with status "Scheduled"
    When the driver presents the accepted token at EVSE 1
    And the driver unplugs the cable at EVSE 1
    Then the station reports connector 1 of EVSE 1 as "Unavailable"
    And the CSMS answers every message of the station without error

  @TC_G_20_CSMS
  Scenario: TC_G_20_CSMS Connector status Notification - Lock Failure (G01)
    Given the station is booted
    When the station sends NotifyEvent with:
      """
      {"generatedAt": "2025-01-01T00:00:00Z", "seqNo": 0,
       "eventData": [{"eventId": 1, "timestamp": "2025-01-01T00:00:00Z", "trigger": "Delta", "actualValue": "true",
                      "eventNotificationType": "HardWiredNotification",
                      "component": {"name": "ConnectorPlugRetentionLock", "evse": {"id": 1, "connectorId": 1}},
                      "variable": {"name": "Problem"}}]}
      """
    Then the CSMS answers every message of the station without error
