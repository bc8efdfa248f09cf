# language: it
Funzionalità: Fermare con un altro token del gruppo, o con un Master Pass
  Una transazione può essere fermata dal token che l'ha avviata, da un token valido dello stesso gruppo (C09) e da un
  token del gruppo Master Pass, che non può mai avviarne una (C16).

  Contesto:
    Dato una stazione di ricarica "CS-001"
    E la variabile "AuthCtrlr.MasterPassGroupId" della stazione è "POLICE"
    E la stazione è avviata

  @embedded-csms
  Scenario: Il token di chi ha avviato ferma senza Authorize (C01.FR.03)
    Quando l'id token "04A2B3C4" viene presentato per fermare la transazione avviata con l'id token "04A2B3C4"
    Allora l'arresto è "stesso token"

  @embedded-csms
  Scenario: Il token di un compagno dello stesso gruppo ferma la transazione (C09.FR.03)
    Dato il CSMS risponderà ad Authorize per l'id token "D1000001" con lo stato "Accepted" e il gruppo "FAMILY"
    E il CSMS risponderà ad Authorize per l'id token "D2000002" con lo stato "Accepted" e il gruppo "FAMILY"
    Quando il conducente presenta l'id token "D1000001"
    Allora il conducente può iniziare a caricare
    Quando l'id token "D2000002" viene presentato per fermare la transazione avviata con l'id token "D1000001"
    Allora l'arresto è "stesso gruppo"

  @embedded-csms
  Scenario: Un token bloccato dello stesso gruppo non ferma la transazione (C09.FR.11)
    Dato il CSMS risponderà ad Authorize per l'id token "D1000001" con lo stato "Accepted" e il gruppo "FAMILY"
    E il CSMS risponderà ad Authorize per l'id token "D2000002" con lo stato "Blocked" e il gruppo "FAMILY"
    Quando il conducente presenta l'id token "D1000001"
    E l'id token "D2000002" viene presentato per fermare la transazione avviata con l'id token "D1000001"
    Allora l'arresto è "rifiutato"

  @embedded-csms
  Scenario: Un Master Pass ferma qualunque transazione ma non può avviarne una (C16.FR.02, C16.FR.03)
    Dato il CSMS risponderà ad Authorize per l'id token "0FF1CE01" con lo stato "Accepted" e il gruppo "POLICE"
    Quando il conducente presenta l'id token "0FF1CE01"
    Allora la stazione autorizza l'id token con lo stato "Accepted"
    E il conducente non può iniziare a caricare
    Quando l'id token "0FF1CE01" viene presentato per fermare la transazione avviata con l'id token "04A2B3C4"
    Allora l'arresto è "master pass"
