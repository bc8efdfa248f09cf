Feature: Authorizing an id token with the CSMS
  A driver presents an id token; the station asks the CSMS with Authorize and the status in the answer's
  idTokenInfo decides whether the driver may charge (OCPP 2.0.1 Part 2, C01, C04, C06).

  Background:
    Given a charging station "CS-001" with 2 EVSEs
    And the station is booted

  Scenario: An accepted token lets the driver charge (C01)
    When the driver presents the accepted token
    Then the station sends Authorize with the accepted token
    And the CSMS answers Authorize with status "Accepted"
    And the station authorizes the id token with status "Accepted"
    And the driver may start charging

  @embedded-csms
  Scenario Outline: A token the CSMS does not accept keeps the driver from charging (C01.FR.07): <status>
    Given the CSMS will answer Authorize for id token "0BAD0001" with status "<status>"
    When the driver presents id token "0BAD0001"
    Then the CSMS answers Authorize with status "<status>"
    And the station authorizes the id token with status "<status>"
    And the driver may not start charging
    And the station's authorization cache holds id token "0BAD0001" with status "<status>"

    Examples:
      | status             |
      | Invalid            |
      | Blocked            |
      | Expired            |
      | Unknown            |
      | NoCredit           |
      | ConcurrentTx       |
      | NotAllowedTypeEVSE |
      | NotAtThisLocation  |
      | NotAtThisTime      |

  @embedded-csms
  Scenario Outline: Every kind of id token a driver can present goes to the CSMS: <type>
    Given the CSMS will answer Authorize with status "Accepted"
    When the driver presents id token "NL-TNM-C00122045-K" of type "<type>"
    Then the station sends Authorize where "idToken.type" is "<type>"
    And the station authorizes the id token with status "Accepted"
    And every message the station sent is schema-valid

    Examples:
      | type       |
      | eMAID      |
      | ISO14443   |
      | ISO15693   |
      | KeyCode    |
      | Local      |
      | MacAddress |

  @embedded-csms
  Scenario: A token allowed on EVSE 2 only cannot start charging on EVSE 1 (C01.FR.21)
    Given the CSMS will answer Authorize with:
      """
      {"idTokenInfo": {"status": "Accepted", "evseId": [2]}}
      """
    When the station checks id token "04A2B3C4" for EVSE 1
    Then the station authorizes the id token with status "Accepted"
    And the driver may not start charging
    When the station checks id token "04A2B3C4" for EVSE 2
    Then the driver may start charging
