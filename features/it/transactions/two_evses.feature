# language: it
@transactions
Funzionalità: Due EVSE caricano contemporaneamente
  Ogni EVSE ha la sua transazione, il suo seqNo e il suo contatore di energia (OCPP 2.0.1 Parte 2: E01.FR.07,
  E01.FR.14, J02.FR.16).

  Scenario: Due conducenti caricano fianco a fianco
    Dato una stazione di ricarica "CS-001" con 2 EVSE
    E la stazione non invia valori di misura allineati all'orologio
    E la variabile "SampledDataCtrlr.TxUpdatedInterval" della stazione è "60"
    E la stazione è avviata
    Quando il conducente collega il cavo all'EVSE 1
    E il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Started" con triggerReason "Authorized"
    E indica l'EVSE 1 connettore 1
    Quando il conducente collega il cavo all'EVSE 2
    E il conducente presenta il token di gruppo all'EVSE 2
    Allora la stazione invia TransactionEvent "Started" con triggerReason "Authorized"
    E indica l'EVSE 2 connettore 1
    Quando passano 60 secondi
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "MeterValuePeriodic"
    E la stazione invia TransactionEvent "Updated" con triggerReason "MeterValuePeriodic"
    Quando il conducente scollega il cavo dall'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "EVCommunicationLost"
    Quando il conducente presenta il token di gruppo all'EVSE 2
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "StopAuthorized"
    E ogni transazione incrementa il suo seqNo di uno a partire da 0
