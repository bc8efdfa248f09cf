Feature: Firmware update
  The CSMS asks the station to download firmware from a server, check its signature, install it and
  reboot into it; the station reports every step in a FirmwareStatusNotification with the request's id
  (OCPP 2.0.1 Part 2, use cases L01 secure and L02 non-secure firmware update).

  Background:
    Given a charging station "CS-001"
    And the station is booted

  @embedded-csms
  Scenario: A signed firmware image is verified, installed and activated by a reboot (L01)
    Given the firmware server offers firmware "2.0.0"
    When the CSMS sends a signed UpdateFirmware with location of the firmware server
    Then the station answers UpdateFirmware with status "Accepted"
    And the station reports firmware statuses Downloading, Downloaded, SignatureVerified, Installing, InstallRebooting, Installed
    And the station reboots with reason "FirmwareUpdate" and reports firmware version "2.0.0"
    And the station sends SecurityEventNotification where "type" is "FirmwareUpdated"

  @embedded-csms
  Scenario: An unsigned firmware image is installed without verification (L02)
    Given the firmware server offers firmware "1.1.0"
    When the CSMS sends UpdateFirmware with location of the firmware server
    Then the station answers UpdateFirmware with status "Accepted"
    And the station reports firmware statuses Downloading, Downloaded, Installing, InstallRebooting, Installed
    And the station reboots with reason "FirmwareUpdate" and reports firmware version "1.1.0"

  @embedded-csms
  Scenario: A firmware file without a version line is reported by its name (L02)
    Given the firmware server offers firmware "fw-2.0.0.bin"
    When the CSMS sends UpdateFirmware with location of the firmware server
    Then the station answers UpdateFirmware with status "Accepted"
    And the station reports firmware statuses Downloading, Downloaded
    And the station reports firmware statuses Installing, InstallRebooting, Installed
    And the station reboots with reason "FirmwareUpdate" and reports firmware version "fw-2.0.0"

  @embedded-csms
  Scenario: A firmware image the server does not have fails to download (L01.FR.30)
    Given the firmware server does not have the firmware
    When the CSMS sends UpdateFirmware with location of the firmware server
    Then the station answers UpdateFirmware with status "Accepted"
    And the station reports firmware statuses Downloading, DownloadFailed

  @embedded-csms
  Scenario: A signature that does not match the image stops the update (L01.FR.03)
    Given the firmware server offers firmware "6.6.6"
    When the CSMS sends UpdateFirmware with location of the firmware server and a bad signature
    Then the station reports firmware statuses Downloading, Downloaded, InvalidSignature
    And the station sends SecurityEventNotification where "type" is "InvalidFirmwareSignature"

  @embedded-csms
  Scenario: A new UpdateFirmware cancels the update that waits for its install time (L01.FR.24)
    Given the firmware server offers firmware "3.0.0"
    When the CSMS sends UpdateFirmware with location of the firmware server and install time in 60 minutes
    Then the station reports firmware statuses Downloading, Downloaded, InstallScheduled
    When the CSMS sends UpdateFirmware with location of the firmware server
    Then the station answers UpdateFirmware with status "AcceptedCanceled"
    And the station reports firmware statuses Downloading, Downloaded, Installing, InstallRebooting, Installed
