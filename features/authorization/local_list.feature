Feature: The Local Authorization List
  The CSMS installs a list of id tokens with SendLocalList (D01); the station reports its version (D02) and
  trusts the list before its cache, online with LocalPreAuthorize (C14) and offline (C13).

  Background:
    Given a charging station "CS-001"
    And the station's variable "AuthCtrlr.LocalPreAuthorize" is "true"
    And the station is booted

  @embedded-csms
  Scenario: A listed token is authorized without Authorize, online and offline (C14.FR.02, C13.FR.02)
    When the CSMS sends SendLocalList with:
      """
      {"versionNumber": 4, "updateType": "Full", "localAuthorizationList": [
         {"idToken": {"idToken": "11570001", "type": "ISO14443"}, "idTokenInfo": {"status": "Accepted"}}]}
      """
    Then the station answers SendLocalList with status "Accepted"
    When the CSMS sends GetLocalListVersion
    Then in the station's answer to GetLocalListVersion, field "versionNumber" is "4"
    When the driver presents id token "11570001"
    Then the station authorizes the id token with status "Accepted"
    And the station decided without asking the CSMS
    When the station loses its connection to the CSMS
    And the driver presents id token "11570001"
    Then the station authorizes the id token with status "Accepted"
    And the station decided without asking the CSMS

  @embedded-csms
  Scenario: A differential update with an old version is refused (D01.FR.19)
    When the CSMS sends SendLocalList with:
      """
      {"versionNumber": 4, "updateType": "Full"}
      """
    Then the station answers SendLocalList with status "Accepted"
    When the CSMS sends SendLocalList with:
      """
      {"versionNumber": 3, "updateType": "Differential", "localAuthorizationList": [
         {"idToken": {"idToken": "11570001", "type": "ISO14443"}, "idTokenInfo": {"status": "Accepted"}}]}
      """
    Then the station answers SendLocalList with status "VersionMismatch"
