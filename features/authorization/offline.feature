Feature: Authorizing while offline
  Without the CSMS the station decides alone: a token it knows as Accepted when LocalAuthorizeOffline is true, an
  unknown token only when OfflineTxForUnknownIdEnabled is true (C13, C15).

  Background:
    Given a charging station "CS-001"

  Scenario: A cached Accepted token is authorized offline (LocalAuthorizeOffline)
    Given the station is booted
    When the driver presents the accepted token
    Then the CSMS answers Authorize with status "Accepted"
    When the station loses its connection to the CSMS
    And the driver presents the accepted token
    Then the station authorizes the id token with status "Accepted"
    And the station decided without asking the CSMS

  @embedded-csms
  Scenario: An unknown token is refused offline by default
    Given the station is booted
    When the station loses its connection to the CSMS
    And the driver presents id token "FFFF0001"
    Then the station authorizes the id token with status "Unknown"
    And the driver may not start charging

  @embedded-csms
  Scenario: An unknown token is accepted offline with OfflineTxForUnknownIdEnabled, and not cached (C15.FR.08, C15.FR.01)
    Given the station's variable "AuthCtrlr.OfflineTxForUnknownIdEnabled" is "true"
    And the station is booted
    When the station loses its connection to the CSMS
    And the driver presents id token "FFFF0001"
    Then the station authorizes the id token with status "Accepted"
    And the station's authorization cache is empty
