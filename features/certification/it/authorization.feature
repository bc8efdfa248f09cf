# language: it
@certification @authorization
Funzionalità: Certificazione, blocco C Authorization: i casi di test CSMS di OCPP 2.0.1 Parte 6 §3.4 (Core)
  I token sono i ruoli del profilo di test: il CSMS sotto test deve conoscerli come dice il profilo.

  Contesto:
    Dato una stazione di ricarica "CS-001" con 2 EVSE
    E la stazione avvia le transazioni a "EVConnected, Authorized" e le termina a "EVConnected"
    E la variabile "AuthCtrlr.AuthorizeRemoteStart" della stazione è "false"
    E la stazione non invia valori di misura allineati all'orologio

  @TC_C_02_CSMS
  Scenario: TC_C_02_CSMS Avvio locale della transazione - autorizzazione Invalid/Unknown (C01.FR.07)
    Dato la stazione è avviata
    Quando il conducente presenta il token non valido
    Allora la stazione invia Authorize
    E il CSMS risponde ad Authorize con lo stato "Invalid" o "Unknown"

  # Part 6 asks for "Linked or Invalid"; Linked is no AuthorizationStatusEnumType value, Blocked is the restriction.
  @TC_C_06_CSMS
  Scenario: TC_C_06_CSMS Avvio locale della transazione - autorizzazione Restricted (C01.FR.07)
    Dato la stazione è avviata
    Quando il conducente presenta il token bloccato
    Allora la stazione invia Authorize
    E il CSMS risponde ad Authorize con lo stato "Blocked" o "Invalid"

  @TC_C_07_CSMS
  Scenario: TC_C_07_CSMS Avvio locale della transazione - autorizzazione Expired (C01.FR.07)
    Dato la stazione è avviata
    Quando il conducente presenta il token scaduto
    Allora la stazione invia Authorize
    E il CSMS risponde ad Authorize con lo stato "Expired" o "Invalid"

  @TC_C_08_CSMS
  Scenario: TC_C_08_CSMS Autorizzazione tramite la cache di autorizzazione - Accepted (C12.FR.03)
    Dato la variabile "AuthCacheCtrlr.Enabled" della stazione è "true"
    E la variabile "AuthCtrlr.LocalPreAuthorize" della stazione è "true"
    E la stazione è avviata
    E il conducente presenta il token accettato
    E un EV è collegato all'EVSE 1
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "Authorized"
    E riporta il token accettato
    E il CSMS risponde a TransactionEvent con lo stato "Accepted"

  @TC_C_37_CSMS
  Scenario: TC_C_37_CSMS Cancellare i dati nella cache di autorizzazione - Accepted (C11.FR.01)
    Dato la variabile "AuthCacheCtrlr.Enabled" della stazione è "true"
    E la stazione è avviata
    Quando il CSMS invia ClearCache
    Allora la stazione risponde a ClearCache con lo stato "Accepted"

  @TC_C_38_CSMS
  Scenario: TC_C_38_CSMS Cancellare i dati nella cache di autorizzazione - Rejected (C11.FR.04)
    Dato la variabile "AuthCacheCtrlr.Enabled" della stazione è "false"
    E la stazione è avviata
    Quando il CSMS invia ClearCache
    Allora la stazione risponde a ClearCache con lo stato "Rejected"
    E il CSMS risponde a ogni messaggio della stazione senza errori

  # Part 6 uses two tokens of one group; the profile names one group token, presented to start and to stop.
  @TC_C_39_CSMS
  Scenario: TC_C_39_CSMS Autorizzazione per GroupId - successo (C09.FR.02, C09.FR.03)
    Dato la stazione è avviata
    E un EV è collegato all'EVSE 1
    Quando il conducente presenta il token di gruppo all'EVSE 1
    Allora il CSMS risponde ad Authorize con il gruppo del token di gruppo
    E la stazione invia TransactionEvent "Updated" con triggerReason "Authorized"
    E il CSMS risponde a TransactionEvent con il gruppo del token di gruppo
    Quando il conducente presenta il token di gruppo all'EVSE 1
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "StopAuthorized"
    E il CSMS risponde a TransactionEvent con il gruppo del token di gruppo
    Quando il conducente scollega il cavo dall'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "EVCommunicationLost"
    E il CSMS risponde a ogni messaggio della stazione senza errori

  @TC_C_49_CSMS
  Scenario: TC_C_49_CSMS Fermare la transazione con un Master Pass - senza UI (C16.FR.02)
    Dato il gruppo master pass della stazione è quello del token master pass
    E la stazione avvia le transazioni a "EVConnected, Authorized" e le termina a "EVConnected, Authorized"
    E la stazione è avviata
    E un EV è in carica all'EVSE 1 con il token accettato
    E un EV è in carica all'EVSE 2 con il token di gruppo
    Quando il conducente presenta il token master pass all'EVSE 1
    Allora il CSMS risponde ad Authorize con il gruppo del token master pass
    E la stazione invia TransactionEvent "Ended" con triggerReason "StopAuthorized"
    E il suo motivo di arresto è "MasterPass"
    E la stazione invia TransactionEvent "Ended" con triggerReason "StopAuthorized"
    E il suo motivo di arresto è "MasterPass"
    E il CSMS risponde a ogni messaggio della stazione senza errori
