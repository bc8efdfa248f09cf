# language: it
Funzionalità: La cache di autorizzazione
  La stazione ricorda l'ultima risposta del CSMS per ogni id token (C10), può avviare subito per un token che
  conosce come Accepted (LocalPreAuthorize, C12) e dimentica tutto con ClearCache (C11).

  Contesto:
    Dato una stazione di ricarica "CS-001"
    E la variabile "AuthCtrlr.LocalPreAuthorize" della stazione è "true"
    E la stazione è avviata

  Scenario: Un token Accepted in cache è autorizzato senza chiedere di nuovo al CSMS (C12)
    Quando il conducente presenta il token accettato
    Allora il CSMS risponde ad Authorize con lo stato "Accepted"
    Quando il conducente presenta il token accettato
    Allora la stazione autorizza l'id token con lo stato "Accepted"
    E la stazione ha deciso senza chiedere al CSMS

  @embedded-csms
  Scenario: Un token in cache non Accepted viene verificato di nuovo con il CSMS (C10.FR.03)
    Dato il CSMS risponderà al prossimo Authorize con lo stato "Blocked"
    Quando il conducente presenta l'id token "04A2B3C4"
    Allora il CSMS risponde ad Authorize con lo stato "Blocked"
    Quando il conducente presenta l'id token "04A2B3C4"
    Allora il CSMS risponde ad Authorize con lo stato "Accepted"
    E la cache di autorizzazione della stazione contiene l'id token "04A2B3C4" con lo stato "Accepted"

  @embedded-csms
  Scenario: Una voce scade AuthCacheCtrlr.LifeTime secondi dopo il suo ultimo aggiornamento (C10.FR.10)
    Quando il CSMS invia SetVariables con:
      """
      {"setVariableData": [{"component": {"name": "AuthCacheCtrlr"}, "variable": {"name": "LifeTime"},
                            "attributeValue": "600"}]}
      """
    E nella risposta della stazione a SetVariables, il campo "setVariableResult.0.attributeStatus" è "Accepted"
    E il conducente presenta il token accettato
    Allora il CSMS risponde ad Authorize con lo stato "Accepted"
    Quando passano 601 secondi
    E il conducente presenta il token accettato
    Allora la stazione invia Authorize con il token accettato

  @embedded-csms
  Scenario: ClearCache svuota la cache (C11)
    Quando il conducente presenta il token accettato
    Allora il CSMS risponde ad Authorize con lo stato "Accepted"
    Quando il CSMS invia ClearCache
    Allora la stazione risponde a ClearCache con lo stato "Accepted"
    E la cache di autorizzazione della stazione è vuota

  @embedded-csms
  Scenario: ClearCache è rifiutato mentre la cache è disattivata (C11.FR.04)
    Quando il CSMS invia SetVariables con:
      """
      {"setVariableData": [{"component": {"name": "AuthCacheCtrlr"}, "variable": {"name": "Enabled"},
                            "attributeValue": "false"}]}
      """
    E il CSMS invia ClearCache
    Allora la stazione risponde a ClearCache con lo stato "Rejected"
