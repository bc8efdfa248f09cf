Feature: Heartbeat
  Once accepted, the station sends a Heartbeat at the interval the CSMS gave in its
  BootNotification answer (B01.FR.04, G02).

  Background:
    Given a charging station "CS-001"

  @embedded-csms
  Scenario: The station heartbeats at the interval from the BootNotification answer
    Given the CSMS will answer BootNotification with status "Accepted" and interval 60
    And the station is booted
    When 59 seconds pass
    Then the station has not sent another Heartbeat
    And the station does not send Heartbeat
    When 1 second passes
    Then the station sends Heartbeat
    When 60 seconds pass
    Then the station sends Heartbeat
    And in the CSMS's answer to Heartbeat, field "currentTime" is present

  @embedded-csms
  Scenario: A new heartbeat interval set by the CSMS takes effect at once (B05)
    Given the station is booted
    When the CSMS sends SetVariables with:
      """
      {"setVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"},
                            "attributeValue": "30"}]}
      """
    Then in the station's answer to SetVariables, field "setVariableResult.0.attributeStatus" is "Accepted"
    When 30 seconds pass
    Then the station sends Heartbeat
