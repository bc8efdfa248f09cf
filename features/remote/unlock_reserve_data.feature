@remote @embedded-csms
Feature: Unlock connector, reservations, data transfer and unsupported actions
  OCPP 2.0.1 Part 2: F05, H01, H02, P01, P02; Part 4 §4.3 (NotSupported).

  Background:
    Given a charging station "CS-001"
    And the station is booted

  Scenario: Unlock a free connector, and a stuck one (F05.FR.04, F05.FR.05)
    When the CSMS sends UnlockConnector with:
      """
      {"evseId": 1, "connectorId": 1}
      """
    Then the station answers UnlockConnector with status "Unlocked"
    Given the lock of connector 1 of EVSE 1 is stuck
    When the CSMS sends UnlockConnector with:
      """
      {"evseId": 1, "connectorId": 1}
      """
    Then the station answers UnlockConnector with status "UnlockFailed"

  Scenario: No unlock during an authorized transaction (F05.FR.02)
    Given the driver plugs in the cable at EVSE 1
    And the driver presents the accepted token at EVSE 1
    And the station sends TransactionEvent "Started" with trigger reason "Authorized"
    When the CSMS sends UnlockConnector with:
      """
      {"evseId": 1, "connectorId": 1}
      """
    Then the station answers UnlockConnector with status "OngoingAuthorizedTransaction"

  Scenario: A reservation expires (H01.FR.23)
    When the CSMS sends ReserveNow 5 for EVSE 1 and the accepted token valid for 2 minutes
    Then the station answers ReserveNow with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Reserved"
    When 2 minutes pass
    Then the station sends ReservationStatusUpdate where "reservationUpdateStatus" is "Expired"
    And the station reports connector 1 of EVSE 1 as "Available"

  Scenario: A reservation is cancelled (H02.FR.01, H02.FR.02)
    When the CSMS sends ReserveNow 5 for EVSE 1 and the accepted token valid for 30 minutes
    Then the station answers ReserveNow with status "Accepted"
    When the CSMS sends CancelReservation with:
      """
      {"reservationId": 5}
      """
    Then the station answers CancelReservation with status "Accepted"
    And the station reports connector 1 of EVSE 1 as "Available"
    When the CSMS sends CancelReservation with:
      """
      {"reservationId": 5}
      """
    Then the station answers CancelReservation with status "Rejected"

  Scenario: Data transfer to the station, known and unknown vendors (P01.FR.05)
    Given the station answers DataTransfer of vendor "com.example" and message "Ping" with status "Accepted"
    When the CSMS sends DataTransfer with:
      """
      {"vendorId": "com.example", "messageId": "Ping"}
      """
    Then the station answers DataTransfer with status "Accepted"
    When the CSMS sends DataTransfer with:
      """
      {"vendorId": "org.unknown"}
      """
    Then the station answers DataTransfer with status "UnknownVendorId"

  Scenario: Data transfer to the CSMS (P02)
    Given the CSMS will answer DataTransfer with status "Rejected"
    When the station sends DataTransfer of vendor "com.example" and message "Hello"
    Then the CSMS answers DataTransfer with status "Rejected"

  Scenario: Actions the station does not support get NotSupported
    When the CSMS sends CostUpdated with:
      """
      {"totalCost": 1.5, "transactionId": "t-1"}
      """
    Then the station answers CostUpdated with error "NotSupported"
