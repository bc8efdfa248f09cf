# language: it
@transactions @embedded-csms
Funzionalità: Il CSMS revoca l'autorizzazione di una transazione
  Quando il CSMS risponde a un TransactionEvent con un idTokenInfo non Accepted e
  StopTxOnInvalidId è true, la stazione termina la transazione (OCPP 2.0.1 Parte 2: E05, E06.FR.04).

  Scenario: Il CSMS dichiara non valido l'idToken
    Dato una stazione di ricarica "CS-001"
    E la stazione non invia valori di misura allineati all'orologio
    E il CSMS risponderà a TransactionEvent con:
      """
      {"idTokenInfo": {"status": "Invalid"}}
      """
    E la stazione è avviata
    Quando il conducente collega il cavo all'EVSE 1
    E il conducente presenta il token ISO14443 "0BADC0DE" all'EVSE 1
    Allora la stazione invia TransactionEvent "Started" con triggerReason "Authorized"
    E la stazione invia TransactionEvent "Ended" con triggerReason "Deauthorized"
    E il suo motivo di arresto è "DeAuthorized"
    E il suo stato di carica è "SuspendedEVSE"
