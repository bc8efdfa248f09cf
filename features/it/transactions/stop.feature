# language: it
@transactions
Funzionalità: Fermare una transazione
  Il TxStartPoint predefinito PowerPathClosed avvia la transazione quando il cavo è collegato e il conducente
  è autorizzato; TxStopPoint EVConnected, Authorized la termina quando uno dei due viene meno
  (OCPP 2.0.1 Parte 2: E01.FR.05, E06, E07, E09, E05 con StopTxOnInvalidId).

  Contesto:
    Dato una stazione di ricarica "CS-001"
    E la stazione non invia valori di misura allineati all'orologio
    E la stazione è avviata
    Quando il conducente collega il cavo all'EVSE 1
    E il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Started" con triggerReason "Authorized"
    E il suo stato di carica è "Charging"
    E indica l'EVSE 1 connettore 1
    E riporta il token accettato

  Scenario: Il conducente ferma con l'idToken che ha avviato la transazione (E07)
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "StopAuthorized"
    E il suo motivo di arresto è "Local"

  Scenario: Il conducente scollega il cavo (E09, StopTxOnEVSideDisconnect true)
    Quando il conducente scollega il cavo dall'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "EVCommunicationLost"
    E il suo motivo di arresto è "EVDisconnected"
    E la stazione riporta il connettore 1 dell'EVSE 1 come "Available"

  Scenario: L'idToken di un altro conducente non ferma la transazione
    Quando il conducente presenta il token di gruppo all'EVSE 1
    Allora la stazione non ha inviato un altro TransactionEvent
