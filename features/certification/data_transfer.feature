@certification @datatransfer
Feature: Certification, block P DataTransfer: the CSMS test cases of OCPP 2.0.1 Part 6 §3.17 (Core)

  Background:
    Given a charging station "CS-001"
    And the station sends no clock-aligned meter values
    And the station is booted

  @TC_P_02_CSMS
  Scenario: TC_P_02_CSMS Data Transfer to the CSMS - Rejected / Unknown VendorId / Unknown MessageId (P01.FR.05)
    When the station sends DataTransfer of vendor "org.openchargealliance.octt" and message "Unknown"
    Then the CSMS answers DataTransfer with status "UnknownVendorId", "UnknownMessageId" or "Rejected"

  @TC_P_03_CSMS
  Scenario: TC_P_03_CSMS CustomData - Receive custom data (P02)
    When the station sends StatusNotification with:
      """
      {"timestamp": "2025-01-01T00:00:00Z", "connectorStatus": "Available", "evseId": 1, "connectorId": 1,
       "customData": {"vendorId": "org.openchargealliance.octt", "note": "custom data the CSMS must accept"}}
      """
    Then the CSMS answers every message of the station without error
