# language: it
Funzionalità: Autorizzare offline
  Senza il CSMS la stazione decide da sola: un token che conosce come Accepted quando LocalAuthorizeOffline è true, un
  token sconosciuto solo quando OfflineTxForUnknownIdEnabled è true (C13, C15).

  Contesto:
    Dato una stazione di ricarica "CS-001"

  Scenario: Un token Accepted in cache è autorizzato offline (LocalAuthorizeOffline)
    Dato la stazione è avviata
    Quando il conducente presenta il token accettato
    Allora il CSMS risponde ad Authorize con lo stato "Accepted"
    Quando la stazione perde la connessione al CSMS
    E il conducente presenta il token accettato
    Allora la stazione autorizza l'id token con lo stato "Accepted"
    E la stazione ha deciso senza chiedere al CSMS

  @embedded-csms
  Scenario: Un token sconosciuto è rifiutato offline per impostazione predefinita
    Dato la stazione è avviata
    Quando la stazione perde la connessione al CSMS
    E il conducente presenta l'id token "FFFF0001"
    Allora la stazione autorizza l'id token con lo stato "Unknown"
    E il conducente non può iniziare a caricare

  @embedded-csms
  Scenario: Un token sconosciuto è accettato offline con OfflineTxForUnknownIdEnabled, e non va in cache (C15.FR.08, C15.FR.01)
    Dato la variabile "AuthCtrlr.OfflineTxForUnknownIdEnabled" della stazione è "true"
    E la stazione è avviata
    Quando la stazione perde la connessione al CSMS
    E il conducente presenta l'id token "FFFF0001"
    Allora la stazione autorizza l'id token con lo stato "Accepted"
    E la cache di autorizzazione della stazione è vuota
