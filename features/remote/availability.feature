@remote @embedded-csms
Feature: Change availability
  The CSMS takes the station, an EVSE or a connector out of and back into operation
  (OCPP 2.0.1 Part 2: G03, G04).

  Background:
    Given a charging station "CS-001"
    And the station is booted

  Scenario: An EVSE becomes Unavailable and Available again (G03.FR.04, G03.FR.06, G03.FR.07)
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative", "evse": {"id": 1}}
      """
    Then the station answers ChangeAvailability with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Unavailable"
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Operative"}
      """
    Then the station answers ChangeAvailability with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Available"

  Scenario: During a transaction the change is Scheduled (G03.FR.05)
    Given the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    And the station sends TransactionEvent "Started" with trigger reason "Authorized"
    When the CSMS sends ChangeAvailability with:
      """
      {"operationalStatus": "Inoperative", "evse": {"id": 1}}
      """
    Then the station answers ChangeAvailability with status "Scheduled"
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And the station reports connector 1 of EVSE 1 as "Unavailable"
