# language: it
Funzionalità: Avvio a freddo di una stazione di ricarica
  All'accensione una stazione di ricarica si annuncia con una BootNotification, e il CSMS
  decide se accettarla (OCPP 2.0.1 Parte 2, casi d'uso da B01 a B03).

  Contesto:
    Dato una stazione di ricarica "CS-001" con 2 EVSE

  Scenario: Il CSMS accetta la stazione (B01)
    Quando la stazione si connette al CSMS
    Allora la stazione invia BootNotification dove "reason" è "PowerUp"
    E il CSMS risponde a BootNotification con lo stato "Accepted"
    E nella risposta del CSMS a BootNotification, il campo "interval" è l'intervallo di heartbeat del profilo
    E lo stato di avvio della stazione è "Accepted"
    E la stazione invia StatusNotification "Available" per ogni connettore

  @embedded-csms
  Scenario: Il CSMS tiene la stazione in attesa, chiede una variabile, poi la accetta (B02)
    Dato il CSMS risponderà al prossimo BootNotification con lo stato "Pending" e l'intervallo 10
    Quando la stazione si connette al CSMS
    Allora il CSMS risponde a BootNotification con lo stato "Pending"
    Quando il CSMS invia GetVariables con:
      """
      {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}]}
      """
    Allora nella risposta della stazione a GetVariables, il campo "getVariableResult.0.attributeStatus" è "Accepted"
    E la stazione ha inviato solo BootNotification
    Quando passano 9 secondi
    Allora la stazione non ha inviato un altro BootNotification
    Quando passa 1 secondo
    Allora la stazione invia BootNotification
    E il CSMS risponde a BootNotification con lo stato "Accepted"
    E la stazione invia StatusNotification "Available" per ogni connettore

  @embedded-csms
  Scenario: Una stazione rifiutata tace finché non è trascorso l'intervallo (B03)
    Dato il CSMS risponderà al prossimo BootNotification con lo stato "Rejected" e l'intervallo 60
    Quando la stazione si connette al CSMS
    Allora il CSMS risponde a BootNotification con lo stato "Rejected"
    Quando il CSMS invia GetVariables con:
      """
      {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}]}
      """
    Allora la stazione risponde a GetVariables con l'errore "SecurityError"
    Quando passano 59 secondi
    Allora la stazione ha inviato solo BootNotification
    Quando passa 1 secondo
    Allora la stazione invia BootNotification
    E il CSMS risponde a BootNotification con lo stato "Accepted"

  Scenario: Un riavvio, per qualunque motivo, lo indica nella BootNotification (B01.FR.09)
    Dato la stazione è avviata
    Quando la stazione si riavvia con il motivo "ScheduledReset"
    Allora la stazione invia BootNotification dove "reason" è "ScheduledReset"
    E lo stato di avvio della stazione è "Accepted"
    E la stazione non invia BootNotification dove "reason" è "PowerUp"
    E la stazione non ha inviato BootNotification dove "reason" è "Triggered"
