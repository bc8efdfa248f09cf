@certification @transactions
Feature: Certification, block E Transactions: the CSMS test cases of OCPP 2.0.1 Part 6 §3.6 (Core)
  Part 6's reusable states are Given steps: "an EV is connected at EVSE 1" (EVConnectedPreSession), "the driver
  is authorized at EVSE 1 with ..." (Authorized), "an EV is charging at EVSE 1 with ..." (EnergyTransferStarted).

  Background:
    Given a charging station "CS-001"
    And the station's variable "AuthCtrlr.AuthorizeRemoteStart" is "false"
    And the station sends no clock-aligned meter values

  @TC_E_01_CSMS
  Scenario: TC_E_01_CSMS Start transaction options - PowerPathClosed (E01.FR.01)
    Given the station starts transactions at "PowerPathClosed" and stops them at "EVConnected"
    And the station is booted
    When the driver presents the accepted token at EVSE 1
    Then the CSMS answers Authorize with status "Accepted"
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "CablePluggedIn"
    And it carries the accepted token
    And the CSMS answers TransactionEvent with status "Accepted"

  @TC_E_02_CSMS
  Scenario: TC_E_02_CSMS Start transaction options - EnergyTransfer (E01.FR.01)
    Given the station starts transactions at "EnergyTransfer" and stops them at "EVConnected"
    And the station is booted
    When the driver presents the accepted token at EVSE 1
    Then the CSMS answers Authorize with status "Accepted"
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "CablePluggedIn"
    And its charging state is "Charging"
    And it carries the accepted token
    And the CSMS answers TransactionEvent with status "Accepted"

  @TC_E_03_CSMS
  Scenario: TC_E_03_CSMS Local start transaction - Cable plugin first - Success (E02)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station is booted
    And an EV is connected at EVSE 1
    When the driver presents the accepted token at EVSE 1
    Then the CSMS answers Authorize with status "Accepted"
    And the station sends TransactionEvent "Updated" with trigger reason "Authorized"
    And it carries the accepted token
    And its charging state is "Charging"
    And the CSMS answers TransactionEvent with status "Accepted"

  @TC_E_04_CSMS
  Scenario: TC_E_04_CSMS Local start transaction - Authorization first - Success (E03)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station is booted
    When the driver presents the accepted token at EVSE 1
    Then the CSMS answers Authorize with status "Accepted"
    And the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And the CSMS answers TransactionEvent with status "Accepted"
    When the driver plugs in the cable at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "CablePluggedIn"
    And the CSMS answers every message of the station without error

  @TC_E_09_CSMS
  Scenario: TC_E_09_CSMS Start transaction options - EVConnected (E01.FR.01)
    Given the station starts transactions at "EVConnected" and stops them at "EVConnected"
    And the station is booted
    When the driver plugs in the cable at EVSE 1
    Then the station reports connector 1 of EVSE 1 as "Occupied"
    And the station sends TransactionEvent "Started" with trigger reason "CablePluggedIn"
    And its charging state is "EVConnected"
    And it names EVSE 1 connector 1
    And the CSMS answers every message of the station without error

  @TC_E_10_CSMS
  Scenario: TC_E_10_CSMS Start transaction options - Authorized - Local (E01.FR.01)
    Given the station starts transactions at "Authorized" and stops them at "EVConnected"
    And the station is booted
    When the driver presents the accepted token at EVSE 1
    Then the CSMS answers Authorize with status "Accepted"
    And the station sends TransactionEvent "Started" with trigger reason "Authorized"
    And it carries the accepted token
    And the CSMS answers TransactionEvent with status "Accepted"

  @TC_E_12_CSMS
  Scenario: TC_E_12_CSMS Start transaction options - ParkingBayOccupied (E01.FR.01)
    Given the station starts transactions at "ParkingBayOccupancy" and stops them at "EVConnected"
    And the station is booted
    When an EV parks in the bay of EVSE 1
    Then the station sends TransactionEvent "Started" with trigger reason "EVDetected"
    And the CSMS answers every message of the station without error

  @TC_E_14_CSMS
  Scenario: TC_E_14_CSMS Stop transaction options - EVDisconnected - Charging Station side (E06.FR.01)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Updated" with trigger reason "StopAuthorized"
    And the CSMS answers TransactionEvent with status "Accepted"
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And its charging state is "Idle"
    And the CSMS answers every message of the station without error

  @TC_E_20_CSMS
  Scenario: TC_E_20_CSMS Stop transaction options - EVDisconnected - EV side (E06.FR.01)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    And the EV at EVSE 1 suspends charging
    And the station sends TransactionEvent "Updated" with trigger reason "ChargingStateChanged"
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And its stopped reason is "EVDisconnected"
    And the CSMS answers every message of the station without error

  @TC_E_15_CSMS
  Scenario: TC_E_15_CSMS Stop transaction options - StopAuthorized - Local (E06.FR.01, E07)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "Authorized"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And its stopped reason is "Local"
    And the CSMS answers every message of the station without error

  @TC_E_21_CSMS
  Scenario: TC_E_21_CSMS Stop transaction options - StopAuthorized - Remote (F03.FR.01)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "Authorized"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends RequestStopTransaction for the current transaction
    Then the CSMS's RequestStopTransaction request names the station's transaction
    And the station answers RequestStopTransaction with status "Accepted"
    And the station sends TransactionEvent "Ended" with trigger reason "RemoteStop"
    And its stopped reason is "Remote"
    And the CSMS answers every message of the station without error

  @TC_E_17_CSMS
  Scenario: TC_E_17_CSMS Stop transaction options - Deauthorized - EV side disconnect (E06.FR.01)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "Authorized, EVConnected"
    And the station's variable "TxCtrlr.StopTxOnEVSideDisconnect" is "true"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    And the EV at EVSE 1 suspends charging
    And the station sends TransactionEvent "Updated" with trigger reason "ChargingStateChanged"
    When the driver unplugs the cable at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVCommunicationLost"
    And its charging state is "Idle"
    And its stopped reason is "EVDisconnected"
    And the CSMS answers every message of the station without error

  @TC_E_39_CSMS
  Scenario: TC_E_39_CSMS Stop transaction options - Deauthorized - timeout (E03.FR.05)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station's variable "TxCtrlr.EVConnectionTimeOut" is "60"
    And the station's variable "SampledDataCtrlr.TxUpdatedInterval" is "0"
    And the station is booted
    And the driver is authorized at EVSE 1 with the accepted token
    When 60 seconds pass
    Then the station sends TransactionEvent "Ended" with trigger reason "EVConnectTimeout"
    And its stopped reason is "Timeout"
    And the CSMS answers every message of the station without error

  @TC_E_07_CSMS
  Scenario: TC_E_07_CSMS Stop transaction options - PowerPathClosed - Local stop (E06.FR.01)
    Given the station starts transactions at "PowerPathClosed" and stops them at "PowerPathClosed"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And its stopped reason is "Local"
    And the CSMS answers every message of the station without error

  @TC_E_22_CSMS
  Scenario: TC_E_22_CSMS Stop transaction options - EnergyTransfer stopped - SuspendedEV (E06.FR.01)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EnergyTransfer"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the EV at EVSE 1 suspends charging
    Then the station sends TransactionEvent "Ended" with trigger reason "ChargingStateChanged"
    And its charging state is "SuspendedEV"
    And its stopped reason is "StoppedByEV"
    And the CSMS answers every message of the station without error

  @TC_E_08_CSMS
  Scenario: TC_E_08_CSMS Stop transaction options - EnergyTransfer stopped - StopAuthorized (E06.FR.01)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EnergyTransfer"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the driver presents the accepted token at EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "StopAuthorized"
    And its stopped reason is "Local"
    And the CSMS answers every message of the station without error

  @TC_E_19_CSMS
  Scenario: TC_E_19_CSMS Stop transaction options - ParkingBayUnoccupied (E06.FR.01)
    Given the station starts transactions at "ParkingBayOccupancy" and stops them at "ParkingBayOccupancy"
    And the station is booted
    And an EV parks in the bay of EVSE 1
    And the station sends TransactionEvent "Started" with trigger reason "EVDetected"
    When the EV leaves the bay of EVSE 1
    Then the station sends TransactionEvent "Ended" with trigger reason "EVDeparted"
    And the CSMS answers every message of the station without error

  @TC_E_38_CSMS
  Scenario: TC_E_38_CSMS Local start transaction - EV not ready (E01)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station is booted
    And the driver is authorized at EVSE 1 with the accepted token
    And an EV is connected at EVSE 1
    When the EV at EVSE 1 suspends charging
    Then the station sends TransactionEvent "Updated" with trigger reason "ChargingStateChanged"
    And its charging state is "SuspendedEV"
    And the CSMS answers every message of the station without error

  @TC_E_30_CSMS
  Scenario: TC_E_30_CSMS Check Transaction status - Transaction with id ongoing - without message in queue (E14)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station is booted
    And an EV is charging at EVSE 1 with the accepted token
    When the CSMS sends GetTransactionStatus for the current transaction
    Then the CSMS's GetTransactionStatus request names the station's transaction
    And in the station's answer to GetTransactionStatus, field "ongoingIndicator" is "true"
    And in the station's answer to GetTransactionStatus, field "messagesInQueue" is "false"

  @TC_E_34_CSMS
  Scenario: TC_E_34_CSMS Check Transaction status - Without transactionId - without message in queue (E14)
    Given the station is booted
    When the CSMS sends GetTransactionStatus
    Then in the CSMS's GetTransactionStatus request, field "transactionId" is absent
    And in the station's answer to GetTransactionStatus, field "messagesInQueue" is "false"

  @TC_E_53_CSMS
  Scenario: TC_E_53_CSMS Reset Sequence Number - CSMS accepting seqNo = 0 at start of transaction (E01.FR.08)
    Given the station starts transactions at "EVConnected, Authorized" and stops them at "EVConnected"
    And the station is booted
    When an EV is charging at EVSE 1 with the accepted token
    And the driver unplugs the cable at EVSE 1
    And an EV is charging at EVSE 1 with the accepted token
    And the driver unplugs the cable at EVSE 1
    Then every transaction counts its seqNo up by one from 0
    And the CSMS answers every message of the station without error
