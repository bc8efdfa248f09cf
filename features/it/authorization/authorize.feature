# language: it
Funzionalità: Autorizzare un id token con il CSMS
  Un conducente presenta un id token; la stazione chiede al CSMS con Authorize e lo stato nell'idTokenInfo
  della risposta decide se il conducente può caricare (OCPP 2.0.1 Parte 2, C01, C04, C06).

  Contesto:
    Dato una stazione di ricarica "CS-001" con 2 EVSE
    E la stazione è avviata

  Scenario: Un token accettato permette al conducente di caricare (C01)
    Quando il conducente presenta il token accettato
    Allora la stazione invia Authorize con il token accettato
    E il CSMS risponde ad Authorize con lo stato "Accepted"
    E la stazione autorizza l'id token con lo stato "Accepted"
    E il conducente può iniziare a caricare

  @embedded-csms
  Schema dello scenario: Un token che il CSMS non accetta impedisce al conducente di caricare (C01.FR.07): <status>
    Dato il CSMS risponderà ad Authorize per l'id token "0BAD0001" con lo stato "<status>"
    Quando il conducente presenta l'id token "0BAD0001"
    Allora il CSMS risponde ad Authorize con lo stato "<status>"
    E la stazione autorizza l'id token con lo stato "<status>"
    E il conducente non può iniziare a caricare
    E la cache di autorizzazione della stazione contiene l'id token "0BAD0001" con lo stato "<status>"

    Esempi:
      | status             |
      | Invalid            |
      | Blocked            |
      | Expired            |
      | Unknown            |
      | NoCredit           |
      | ConcurrentTx       |
      | NotAllowedTypeEVSE |
      | NotAtThisLocation  |
      | NotAtThisTime      |

  @embedded-csms
  Schema dello scenario: Ogni tipo di id token che un conducente può presentare arriva al CSMS: <type>
    Dato il CSMS risponderà ad Authorize con lo stato "Accepted"
    Quando il conducente presenta l'id token "NL-TNM-C00122045-K" di tipo "<type>"
    Allora la stazione invia Authorize dove "idToken.type" è "<type>"
    E la stazione autorizza l'id token con lo stato "Accepted"
    E ogni messaggio inviato dalla stazione è conforme allo schema

    Esempi:
      | type       |
      | eMAID      |
      | ISO14443   |
      | ISO15693   |
      | KeyCode    |
      | Local      |
      | MacAddress |

  @embedded-csms
  Scenario: Un token ammesso solo sull'EVSE 2 non può avviare la carica sull'EVSE 1 (C01.FR.21)
    Dato il CSMS risponderà ad Authorize con:
      """
      {"idTokenInfo": {"status": "Accepted", "evseId": [2]}}
      """
    Quando la stazione verifica l'id token "04A2B3C4" per l'EVSE 1
    Allora la stazione autorizza l'id token con lo stato "Accepted"
    E il conducente non può iniziare a caricare
    Quando la stazione verifica l'id token "04A2B3C4" per l'EVSE 2
    Allora il conducente può iniziare a caricare
