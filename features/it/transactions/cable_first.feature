# language: it
@transactions
Funzionalità: Avviare una transazione collegando prima il cavo
  Con TxStartPoint EVConnected la transazione inizia quando il conducente collega il cavo; l'idToken
  del conducente poi la autorizza e, presentato di nuovo, la termina
  (OCPP 2.0.1 Parte 2: E02, E07, E01.FR.16, E03.FR.01).

  Contesto:
    Dato una stazione di ricarica "CS-001"
    E la stazione non invia valori di misura allineati all'orologio
    E la stazione avvia le transazioni a "EVConnected" e le termina a "EVConnected, Authorized"
    E la stazione è avviata

  Scenario: Collegare, autorizzare, fermare con lo stesso idToken
    Quando il conducente collega il cavo all'EVSE 1
    Allora la stazione riporta il connettore 1 dell'EVSE 1 come "Occupied"
    E la stazione invia TransactionEvent "Started" con triggerReason "CablePluggedIn"
    E il suo stato di carica è "EVConnected"
    E indica l'EVSE 1 connettore 1
    E non riporta alcun id token
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "Authorized"
    E riporta il token accettato
    E il suo stato di carica è "Charging"
    E non indica alcun EVSE
    E la stazione non invia TransactionEvent "Ended" con triggerReason "Authorized"
    E la stazione non invia StatusNotification "Faulted" per nessun connettore
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "StopAuthorized"
    E il suo motivo di arresto è "Local"
    E riporta il token accettato
    E ogni transazione incrementa il suo seqNo di uno a partire da 0
    Quando il conducente scollega il cavo dall'EVSE 1
    Allora la stazione riporta il connettore 1 dell'EVSE 1 come "Available"
    E la stazione non ha inviato un altro TransactionEvent
