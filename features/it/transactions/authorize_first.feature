# language: it
@transactions
Funzionalità: Avviare una transazione presentando prima l'idToken
  Con TxStartPoint Authorized la transazione inizia quando il conducente è autorizzato; il cavo
  segue, oppure l'autorizzazione scade (OCPP 2.0.1 Parte 2: E03, E09, E03.FR.05).

  Contesto:
    Dato una stazione di ricarica "CS-001"
    E la stazione non invia valori di misura allineati all'orologio
    E la stazione avvia le transazioni a "Authorized" e le termina a "EVConnected, Authorized"
    E la variabile "TxCtrlr.EVConnectionTimeOut" della stazione è "30"
    E la stazione è avviata

  Scenario: Autorizzare, collegare, caricare, scollegare
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Started" con triggerReason "Authorized"
    E riporta il token accettato
    E il suo stato di carica è "Idle"
    Quando il conducente collega il cavo all'EVSE 1
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "CablePluggedIn"
    E indica l'EVSE 1 connettore 1
    E il suo stato di carica è "Charging"
    E non riporta alcun id token
    Quando l'EV all'EVSE 1 sospende la carica
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "ChargingStateChanged"
    E il suo stato di carica è "SuspendedEV"
    Quando il conducente scollega il cavo dall'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "EVCommunicationLost"
    E il suo motivo di arresto è "EVDisconnected"
    E il suo stato di carica è "Idle"

  Scenario: Il conducente non collega mai il cavo
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Started" con triggerReason "Authorized"
    Quando passano 29 secondi
    Allora la stazione non ha inviato un altro TransactionEvent
    Quando passa 1 secondo
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "EVConnectTimeout"
    E il suo motivo di arresto è "Timeout"
