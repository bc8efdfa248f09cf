@remote @embedded-csms
Feature: Trigger message
  The CSMS asks the station to send a message now (OCPP 2.0.1 Part 2: F06).

  Background:
    Given a charging station "CS-001"
    And the station is booted

  Scenario: A triggered Heartbeat follows the answer (F06.FR.04, F06.FR.05)
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "Heartbeat"}
      """
    Then the station answers TriggerMessage with status "Accepted"
    And the station sends Heartbeat

  Scenario: A triggered StatusNotification for one connector (F06.FR.12, F06.FR.13)
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "StatusNotification", "evse": {"id": 1, "connectorId": 1}}
      """
    Then the station answers TriggerMessage with status "Accepted"
    And the station sends StatusNotification where "connectorStatus" is "Available"

  Scenario: No BootNotification once the boot was accepted (F06.FR.17)
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "BootNotification"}
      """
    Then the station answers TriggerMessage with status "Rejected"

  Scenario: A message the station cannot send is NotImplemented (F06.FR.08)
    When the CSMS sends TriggerMessage with:
      """
      {"requestedMessage": "SignChargingStationCertificate"}
      """
    Then the station answers TriggerMessage with status "NotImplemented"
