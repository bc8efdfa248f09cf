@transactions @embedded-csms
Feature: The CSMS deauthorizes a transaction
  When the CSMS answers a TransactionEvent with an idTokenInfo that is not Accepted and
  StopTxOnInvalidId is true, the station ends the transaction (OCPP 2.0.1 Part 2: E05, E06.FR.04).

  Scenario: The CSMS calls the idToken invalid
    Given a charging station "CS-001"
    And the station sends no clock-aligned meter values
    And the CSMS will answer TransactionEvent with:
      """
      {"idTokenInfo": {"status": "Invalid"}}
      """
    And the station is booted
    When the driver plugs in the cable at EVSE 1
    And the driver presents ISO14443 token "0BADC0DE" at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And the station sends TransactionEvent "Ended" with trigger reason "Deauthorized"
    And its stopped reason is "DeAuthorized"
    And its charging state is "SuspendedEVSE"
