Feature: The Authorization Cache
  The station remembers the CSMS's latest answer for every id token (C10), may start at once for a token it
  holds as Accepted (LocalPreAuthorize, C12) and forgets everything on ClearCache (C11).

  Background:
    Given a charging station "CS-001"
    And the station's variable "AuthCtrlr.LocalPreAuthorize" is "true"
    And the station is booted

  Scenario: A cached Accepted token is authorized without asking the CSMS again (C12)
    When the driver presents the accepted token
    Then the CSMS answers Authorize with status "Accepted"
    When the driver presents the accepted token
    Then the station authorizes the id token with status "Accepted"
    And the station decided without asking the CSMS

  @embedded-csms
  Scenario: A cached token that is not Accepted is checked with the CSMS again (C10.FR.03)
    Given the CSMS will answer the next Authorize with status "Blocked"
    When the driver presents id token "04A2B3C4"
    Then the CSMS answers Authorize with status "Blocked"
    When the driver presents id token "04A2B3C4"
    Then the CSMS answers Authorize with status "Accepted"
    And the station's authorization cache holds id token "04A2B3C4" with status "Accepted"

  @embedded-csms
  Scenario: An entry expires AuthCacheCtrlr.LifeTime seconds after its last update (C10.FR.10)
    When the CSMS sends SetVariables with:
      """
      {"setVariableData": [{"component": {"name": "AuthCacheCtrlr"}, "variable": {"name": "LifeTime"},
                            "attributeValue": "600"}]}
      """
    And in the station's answer to SetVariables, field "setVariableResult.0.attributeStatus" is "Accepted"
    And the driver presents the accepted token
    Then the CSMS answers Authorize with status "Accepted"
    When 601 seconds pass
    And the driver presents the accepted token
    Then the station sends Authorize with the accepted token

  @embedded-csms
  Scenario: ClearCache empties the cache (C11)
    When the driver presents the accepted token
    Then the CSMS answers Authorize with status "Accepted"
    When the CSMS sends ClearCache
    Then the station answers ClearCache with status "Accepted"
    And the station's authorization cache is empty

  @embedded-csms
  Scenario: ClearCache is rejected while the cache is disabled (C11.FR.04)
    When the CSMS sends SetVariables with:
      """
      {"setVariableData": [{"component": {"name": "AuthCacheCtrlr"}, "variable": {"name": "Enabled"},
                            "attributeValue": "false"}]}
      """
    And the CSMS sends ClearCache
    Then the station answers ClearCache with status "Rejected"
