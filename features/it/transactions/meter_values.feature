# language: it
@transactions
Funzionalità: Valori di misura durante una transazione
  I TransactionEvent riportano i measurand di SampledDataCtrlr: TxStartedMeasurands in Started,
  TxUpdatedMeasurands ogni TxUpdatedInterval, TxEndedMeasurands in Ended; il contatore di energia
  può solo salire (OCPP 2.0.1 Parte 2: E02.FR.09, J02.FR.11, E06.FR.11, J02.FR.16).

  Scenario: Valori di misura all'intervallo configurato
    Dato una stazione di ricarica "CS-001"
    E la stazione non invia valori di misura allineati all'orologio
    E la variabile "SampledDataCtrlr.TxUpdatedInterval" della stazione è "30"
    E la variabile "SampledDataCtrlr.TxUpdatedMeasurands" della stazione è "Energy.Active.Import.Register,Power.Active.Import,Voltage,Current.Import"
    E la stazione è avviata
    Quando il conducente collega il cavo all'EVSE 1
    E il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Started" con triggerReason "Authorized"
    E riporta i valori di misura "Energy.Active.Import.Register" letti a "Transaction.Begin"
    Quando passano 29 secondi
    Allora la stazione non ha inviato un altro TransactionEvent
    Quando passa 1 secondo
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "MeterValuePeriodic"
    E riporta i valori di misura "Energy.Active.Import.Register, Power.Active.Import, Voltage, Current.Import" letti a "Sample.Periodic"
    E il suo contatore di energia è più alto che nel TransactionEvent precedente
    Quando passano 30 secondi
    Allora la stazione invia TransactionEvent "Updated" con triggerReason "MeterValuePeriodic"
    E il suo contatore di energia è più alto che nel TransactionEvent precedente
    Quando il conducente presenta il token accettato all'EVSE 1
    Allora la stazione invia TransactionEvent "Ended" con triggerReason "StopAuthorized"
    E riporta i valori di misura "Energy.Active.Import.Register" letti a "Transaction.End"
