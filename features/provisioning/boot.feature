Feature: Cold boot of a charging station
  A charging station announces itself with a BootNotification when it powers up, and the CSMS
  decides whether to accept it (OCPP 2.0.1 Part 2, use cases B01 to B03).

  Background:
    Given a charging station "CS-001" with 2 EVSEs

  Scenario: The CSMS accepts the station (B01)
    When the station connects to the CSMS
    Then the station sends BootNotification where "reason" is "PowerUp"
    And the CSMS answers BootNotification with status "Accepted"
    And in the CSMS's answer to BootNotification, field "interval" is the heartbeat interval of the profile
    And the station's boot status is "Accepted"
    And the station sends StatusNotification "Available" for every connector

  @embedded-csms
  Scenario: The CSMS keeps the station pending, asks for a variable, then accepts it (B02)
    Given the CSMS will answer the next BootNotification with status "Pending" and interval 10
    When the station connects to the CSMS
    Then the CSMS answers BootNotification with status "Pending"
    When the CSMS sends GetVariables with:
      """
      {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}]}
      """
    Then in the station's answer to GetVariables, field "getVariableResult.0.attributeStatus" is "Accepted"
    And the station has sent nothing but BootNotification
    When 9 seconds pass
    Then the station has not sent another BootNotification
    When 1 second passes
    Then the station sends BootNotification
    And the CSMS answers BootNotification with status "Accepted"
    And the station sends StatusNotification "Available" for every connector

  @embedded-csms
  Scenario: A rejected station stays silent until the interval has passed (B03)
    Given the CSMS will answer the next BootNotification with status "Rejected" and interval 60
    When the station connects to the CSMS
    Then the CSMS answers BootNotification with status "Rejected"
    When the CSMS sends GetVariables with:
      """
      {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}]}
      """
    Then the station answers GetVariables with error "SecurityError"
    When 59 seconds pass
    Then the station has sent nothing but BootNotification
    When 1 second passes
    Then the station sends BootNotification
    And the CSMS answers BootNotification with status "Accepted"

  Scenario: A reboot for any reason names it in the BootNotification (B01.FR.09)
    Given the station is booted
    When the station reboots with reason "ScheduledReset"
    Then the station sends BootNotification where "reason" is "ScheduledReset"
    And the station's boot status is "Accepted"
    And the station does not send BootNotification where "reason" is "PowerUp"
    And the station has not sent BootNotification where "reason" is "Triggered"
