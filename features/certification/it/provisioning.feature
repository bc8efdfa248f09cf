# language: it
@certification @provisioning
Funzionalità: Certificazione, blocco B Provisioning: i casi di test CSMS di OCPP 2.0.1 Parte 6 §3.3 (Core)
  La stazione fa la parte dello strumento di test; il CSMS sotto test è quello indicato dal profilo di test.
  I passi "Manual Action" passano dal trigger CSMS del profilo; le validazioni dello strumento sono i passi Allora.

  Contesto:
    Dato una stazione di ricarica "CS-001"
    E la stazione avvia le transazioni a "EVConnected, Authorized" e le termina a "EVConnected"
    E la variabile "AuthCtrlr.AuthorizeRemoteStart" della stazione è "false"
    E la stazione non invia valori di misura allineati all'orologio

  @TC_B_01_CSMS
  Scenario: TC_B_01_CSMS Avvio a freddo della stazione di ricarica - Accepted (B01.FR.02)
    Quando la stazione si connette al CSMS
    Allora la stazione invia BootNotification dove "reason" è "PowerUp"
    E il CSMS risponde a BootNotification con lo stato "Accepted"
    E nella risposta del CSMS a BootNotification, il campo "interval" è l'intervallo di heartbeat del profilo
    E la stazione invia StatusNotification "Available" per ogni connettore
    E il CSMS risponde a ogni messaggio della stazione senza errori

  @TC_B_06_CSMS
  Scenario: TC_B_06_CSMS Get Variables - un solo valore (B06.FR.01)
    Dato la stazione è avviata
    Quando il CSMS invia GetVariables con:
      """
      {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "OfflineThreshold"}}]}
      """
    Allora nella richiesta GetVariables del CSMS, il campo "getVariableData.0.component.name" è "OCPPCommCtrlr"
    E nella richiesta GetVariables del CSMS, il campo "getVariableData.0.variable.name" è "OfflineThreshold"
    E nella risposta della stazione a GetVariables, il campo "getVariableResult.0.attributeStatus" è "Accepted"

  @TC_B_07_CSMS
  Scenario: TC_B_07_CSMS Get Variables - più valori (B06.FR.01)
    Dato la stazione è avviata
    Quando il CSMS invia GetVariables con:
      """
      {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "OfflineThreshold"}},
                           {"component": {"name": "AuthCtrlr"}, "variable": {"name": "AuthorizeRemoteStart"}}]}
      """
    Allora nella richiesta GetVariables del CSMS, il campo "getVariableData.0.variable.name" è "OfflineThreshold"
    E nella richiesta GetVariables del CSMS, il campo "getVariableData.1.component.name" è "AuthCtrlr"
    E nella richiesta GetVariables del CSMS, il campo "getVariableData.1.variable.name" è "AuthorizeRemoteStart"
    E nella risposta della stazione a GetVariables, il campo "getVariableResult.1.attributeValue" è "false"

  @TC_B_09_CSMS
  Scenario: TC_B_09_CSMS Set Variables - un solo valore (B05.FR.01)
    Dato la stazione è avviata
    Quando il CSMS invia SetVariables con:
      """
      {"setVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "OfflineThreshold"},
                            "attributeValue": "123"}]}
      """
    Allora nella richiesta SetVariables del CSMS, il campo "setVariableData.0.component.name" è "OCPPCommCtrlr"
    E nella richiesta SetVariables del CSMS, il campo "setVariableData.0.variable.name" è "OfflineThreshold"
    E nella richiesta SetVariables del CSMS, il campo "setVariableData.0.attributeValue" è "123"
    E nella risposta della stazione a SetVariables, il campo "setVariableResult.0.attributeStatus" è "Accepted"

  @TC_B_10_CSMS
  Scenario: TC_B_10_CSMS Set Variables - più valori (B05.FR.01)
    Dato la stazione è avviata
    Quando il CSMS invia SetVariables con:
      """
      {"setVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "OfflineThreshold"},
                            "attributeValue": "123"},
                           {"component": {"name": "AuthCtrlr"}, "variable": {"name": "AuthorizeRemoteStart"},
                            "attributeValue": "false"}]}
      """
    Allora nella richiesta SetVariables del CSMS, il campo "setVariableData.0.attributeValue" è "123"
    E nella richiesta SetVariables del CSMS, il campo "setVariableData.1.variable.name" è "AuthorizeRemoteStart"
    E nella richiesta SetVariables del CSMS, il campo "setVariableData.1.attributeValue" è "false"
    E nella risposta della stazione a SetVariables, il campo "setVariableResult.1.attributeStatus" è "Accepted"

  @TC_B_12_CSMS
  Scenario: TC_B_12_CSMS Get Base Report - ConfigurationInventory (B07.FR.07)
    Dato la stazione è avviata
    Quando il CSMS invia GetBaseReport con:
      """
      {"requestId": 1, "reportBase": "ConfigurationInventory"}
      """
    Allora nella richiesta GetBaseReport del CSMS, il campo "reportBase" è "ConfigurationInventory"
    E la stazione risponde a GetBaseReport con lo stato "Accepted"
    E la stazione invia NotifyReport dove "requestId" è "1"
    E il CSMS risponde a ogni messaggio della stazione senza errori

  @TC_B_13_CSMS
  Scenario: TC_B_13_CSMS Get Base Report - FullInventory (B07.FR.08)
    Dato la stazione è avviata
    Quando il CSMS invia GetBaseReport con:
      """
      {"requestId": 2, "reportBase": "FullInventory"}
      """
    Allora nella richiesta GetBaseReport del CSMS, il campo "reportBase" è "FullInventory"
    E la stazione risponde a GetBaseReport con lo stato "Accepted"
    E la stazione invia NotifyReport dove "requestId" è "2"
    E il CSMS risponde a ogni messaggio della stazione senza errori

  @TC_B_20_CSMS
  Scenario: TC_B_20_CSMS Reset della stazione di ricarica - senza transazione in corso - OnIdle (B11.FR.04)
    Dato la stazione è avviata
    Quando il CSMS invia Reset con:
      """
      {"type": "OnIdle"}
      """
    Allora nella richiesta Reset del CSMS, il campo "type" è "OnIdle"
    E la stazione risponde a Reset con lo stato "Accepted"
    E la stazione invia BootNotification dove "reason" è "RemoteReset"
    E il CSMS risponde a BootNotification con lo stato "Accepted"
    E la stazione invia StatusNotification "Available" per ogni connettore

  @TC_B_21_CSMS
  Scenario: TC_B_21_CSMS Reset della stazione di ricarica - con transazione in corso - OnIdle (B12.FR.01, B12.FR.03)
    Dato la stazione è avviata
    E un EV è in carica all'EVSE 1 con il token accettato
    Quando il CSMS invia Reset con:
      """
      {"type": "OnIdle"}
      """
    Allora nella richiesta Reset del CSMS, il campo "type" è "OnIdle"
    E la stazione risponde a Reset con lo stato "Scheduled"
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "StopAuthorized"
    Quando il conducente scollega il cavo dall'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "EVCommunicationLost"
    E la stazione invia BootNotification
    E il CSMS risponde a BootNotification con lo stato "Accepted"

  @TC_B_22_CSMS
  Scenario: TC_B_22_CSMS Reset della stazione di ricarica - con transazione in corso - Immediate (B12.FR.02)
    Dato la stazione è avviata
    E un EV è in carica all'EVSE 1 con il token accettato
    Quando il CSMS invia Reset con:
      """
      {"type": "Immediate"}
      """
    Allora nella richiesta Reset del CSMS, il campo "type" è "Immediate"
    E la stazione risponde a Reset con lo stato "Accepted"
    E la stazione invia TransactionEvent "Ended" con triggerReason "ResetCommand"
    E il suo motivo di arresto è "ImmediateReset"
    E la stazione invia BootNotification dove "reason" è "RemoteReset"
    E il CSMS risponde a BootNotification con lo stato "Accepted"

  @TC_B_25_CSMS
  Scenario: TC_B_25_CSMS Reset dell'EVSE - senza transazione in corso (B11.FR.04)
    Dato la stazione è avviata
    Quando il CSMS invia Reset con:
      """
      {"type": "OnIdle", "evseId": 1}
      """
    Allora nella richiesta Reset del CSMS, il campo "type" è "OnIdle"
    E nella richiesta Reset del CSMS, il campo "evseId" è "1"
    E la stazione risponde a Reset con lo stato "Accepted"

  @TC_B_26_CSMS
  Scenario: TC_B_26_CSMS Reset dell'EVSE - con transazione in corso - OnIdle (B12.FR.07)
    Dato la stazione è avviata
    E un EV è in carica all'EVSE 1 con il token accettato
    Quando il CSMS invia Reset con:
      """
      {"type": "OnIdle", "evseId": 1}
      """
    Allora nella richiesta Reset del CSMS, il campo "evseId" è "1"
    E la stazione risponde a Reset con lo stato "Scheduled"
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "StopAuthorized"
    Quando il conducente scollega il cavo dall'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "EVCommunicationLost"
    E il CSMS risponde a ogni messaggio della stazione senza errori

  @TC_B_27_CSMS
  Scenario: TC_B_27_CSMS Reset dell'EVSE - con transazione in corso - Immediate (B12.FR.08)
    Dato la stazione è avviata
    E un EV è in carica all'EVSE 1 con il token accettato
    Quando il CSMS invia Reset con:
      """
      {"type": "Immediate", "evseId": 1}
      """
    Allora nella richiesta Reset del CSMS, il campo "type" è "Immediate"
    E nella richiesta Reset del CSMS, il campo "evseId" è "1"
    E la stazione risponde a Reset con lo stato "Accepted"
    E la stazione invia TransactionEvent "Ended" con triggerReason "ResetCommand"
    E il suo motivo di arresto è "ImmediateReset"
    E il CSMS risponde a ogni messaggio della stazione senza errori
