Feature: Log retrieval
  The CSMS asks the station to upload its log to a server; the station names the file in its answer,
  uploads its OCPP message log over HTTP and reports the progress in LogStatusNotifications with the
  request's id (OCPP 2.0.1 Part 2, use case N01).

  Background:
    Given a charging station "CS-001"
    And the station is booted

  @embedded-csms
  Scenario: The station PUTs its log to the server (N01)
    Given the log server accepts uploads
    When the CSMS sends GetLog with remote location of the log server
    Then the station answers GetLog with status "Accepted"
    And the station reports log statuses Uploading, Uploaded
    And the log server receives the station's log, PUT to the file named in the answer to GetLog

  @embedded-csms
  Scenario: The station POSTs its log as multipart/form-data (N01.FR.19)
    Given the log server accepts uploads
    When the CSMS sends SetVariables with:
      """
      {"setVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "LogUploadMethod"},
                            "attributeValue": "POST"}]}
      """
    And the CSMS sends GetLog with remote location of the log server
    Then the station answers GetLog with status "Accepted"
    And the station reports log statuses Uploading, Uploaded
    And the log server receives the station's log, POSTed as form field "uploadfile" with the file name

  @embedded-csms
  Scenario: A server error makes the upload fail (N01.FR.10)
    Given the log server answers uploads with status 500
    When the CSMS sends GetLog with remote location of the log server
    Then the station answers GetLog with status "Accepted"
    And the station reports log statuses Uploading, UploadFailure

  @embedded-csms
  Scenario: A server that refuses the upload is reported as PermissionDenied (N01.FR.10)
    Given the log server answers uploads with status 403
    When the CSMS sends GetLog with remote location of the log server
    Then the station reports log statuses Uploading, PermissionDenied
