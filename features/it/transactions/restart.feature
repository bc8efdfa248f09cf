# language: it
@transactions
Funzionalità: Riavvio nel mezzo di una transazione
  La stazione salva le sue transazioni in charge_point_state.json a ogni modifica; dopo un'interruzione
  di corrente prosegue con lo stesso transactionId, il seqNo successivo e lo stesso contatore di energia
  (OCPP 2.0.1 Parte 2: E01.FR.08, E02.FR.07, J02.FR.16).

  Scenario: Interruzione di corrente durante la carica
    Dato una stazione di ricarica "CS-001"
    E la stazione non invia valori di misura allineati all'orologio
    E la variabile "SampledDataCtrlr.TxUpdatedInterval" della stazione è "60"
    E la stazione è avviata
    Quando il conducente collega il cavo all'EVSE 1
    E il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Started" con triggerReason "Authorized"
    Quando passano 60 secondi
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "MeterValuePeriodic"
    Quando la stazione perde l'alimentazione e riparte dal suo file di stato
    E la stazione è avviata
    Allora la stazione riporta il connettore 1 dell'EVSE 1 come "Occupied"
    Quando passano 60 secondi
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "MeterValuePeriodic"
    E continua la transazione del TransactionEvent precedente con il seqNo successivo
    E il suo contatore di energia è più alto che nel TransactionEvent precedente
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "StopAuthorized"
    E continua la transazione del TransactionEvent precedente con il seqNo successivo
    E ogni transazione incrementa il suo seqNo di uno a partire da 0
