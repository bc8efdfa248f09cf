# language: it
Funzionalità: La lista di autorizzazione locale
  Il CSMS installa una lista di id token con SendLocalList (D01); la stazione ne riporta la versione (D02) e
  si fida della lista prima della cache, online con LocalPreAuthorize (C14) e offline (C13).

  Contesto:
    Dato una stazione di ricarica "CS-001"
    E la variabile "AuthCtrlr.LocalPreAuthorize" della stazione è "true"
    E la stazione è avviata

  @embedded-csms
  Scenario: Un token in lista è autorizzato senza Authorize, online e offline (C14.FR.02, C13.FR.02)
    Quando il CSMS invia SendLocalList con:
      """
      {"versionNumber": 4, "updateType": "Full", "localAuthorizationList": [
         {"idToken": {"idToken": "11570001", "type": "ISO14443"}, "idTokenInfo": {"status": "Accepted"}}]}
      """
    Allora la stazione risponde a SendLocalList con lo stato "Accepted"
    Quando il CSMS invia GetLocalListVersion
    Allora nella risposta della stazione a GetLocalListVersion, il campo "versionNumber" è "4"
    Quando il conducente presenta l'id token "11570001"
    Allora la stazione autorizza l'id token con lo stato "Accepted"
    E la stazione ha deciso senza chiedere al CSMS
    Quando la stazione perde la connessione al CSMS
    E il conducente presenta l'id token "11570001"
    Allora la stazione autorizza l'id token con lo stato "Accepted"
    E la stazione ha deciso senza chiedere al CSMS

  @embedded-csms
  Scenario: Un aggiornamento differenziale con una versione vecchia è rifiutato (D01.FR.19)
    Quando il CSMS invia SendLocalList con:
      """
      {"versionNumber": 4, "updateType": "Full"}
      """
    Allora la stazione risponde a SendLocalList con lo stato "Accepted"
    Quando il CSMS invia SendLocalList con:
      """
      {"versionNumber": 3, "updateType": "Differential", "localAuthorizationList": [
         {"idToken": {"idToken": "11570001", "type": "ISO14443"}, "idTokenInfo": {"status": "Accepted"}}]}
      """
    Allora la stazione risponde a SendLocalList con lo stato "VersionMismatch"
