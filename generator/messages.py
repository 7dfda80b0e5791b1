"""The texts of every validation message, in Dutch (for buurtambassadeurs) and English.

Each code maps to a message and a hint (what to do), both ``str.format`` templates. Write them as
you would say them to a volunteer who has never seen YAML: what is wrong, then what to type.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # --- reading the file -------------------------------------------------------------------
    "te_groot": {
        "nl": ("het bestand is te groot ({size} bytes; de grens is {limit})", "een bestand beschrijft één buurt of één plek; staat er per ongeluk iets anders in?"),
        "en": ("the file is too large ({size} bytes; the limit is {limit})", "one file describes one buurt or one place; was something else pasted in?"),
    },
    "geen_utf8": {
        "nl": ("het bestand bevat tekens die geen UTF-8 zijn", "sla het bestand op als UTF-8, zoals de GitHub-editor vanzelf doet; controleer de letters op deze regel"),
        "en": ("the file contains bytes that are not UTF-8", "save the file as UTF-8, as the GitHub editor does by itself; check the letters on this line"),
    },
    "leeg": {
        "nl": ("het bestand is leeg", "begin met een kopie van _sjabloon.yml in dezelfde map"),
        "en": ("the file is empty", "start from a copy of _sjabloon.yml in the same folder"),
    },
    "geen_mapping": {
        "nl": ("het bestand moet bestaan uit velden als `naam: ...`", "begin met een kopie van _sjabloon.yml in dezelfde map"),
        "en": ("the file must consist of fields such as `naam: ...`", "start from a copy of _sjabloon.yml in the same folder"),
    },
    "tab": {
        "nl": ("op deze regel staat een tab om in te springen; YAML staat alleen spaties toe", "vervang de tab aan het begin van de regel door spaties, twee per niveau"),
        "en": ("this line is indented with a tab; YAML only allows spaces", "replace the tab at the start of the line with spaces, two per level"),
    },
    "tab_in_regel": {
        "nl": ("op deze regel staat een tab; YAML kan die hier niet lezen", "vervang de tab door een spatie"),
        "en": ("this line contains a tab that YAML cannot read here", "replace the tab with a space"),
    },
    "te_diep": {
        "nl": ("het bestand is te diep genest om te lezen", "een bestand heeft hooguit een paar niveaus; vergelijk het met _sjabloon.yml"),
        "en": ("the file is nested too deeply to read", "a file has only a few levels; compare it with _sjabloon.yml"),
    },
    "alias": {
        "nl": ("verwijzingen met `*` (YAML-aliassen) zijn niet toegestaan", "schrijf de waarde voluit in plaats van `*{name}`"),
        "en": ("references with `*` (YAML aliases) are not allowed", "write the value out instead of `*{name}`"),
    },
    "tag": {
        "nl": ("speciale YAML-markeringen zoals `{tag}` zijn niet toegestaan", "haal `{tag}` weg en schrijf gewone tekst, getallen of datums"),
        "en": ("special YAML tags such as `{tag}` are not allowed", "remove `{tag}` and write plain text, numbers or dates"),
    },
    "dubbele_sleutel": {
        "nl": ("het veld `{key}` staat twee keer in dit blok (ook op regel {first_line})", "haal een van de twee weg of voeg ze samen"),
        "en": ("the field `{key}` appears twice in this block (also on line {first_line})", "remove one of them or merge them"),
    },
    "yaml_dubbele_punt": {
        "nl": ("hier staat een dubbele punt (`:`) waar YAML die niet verwacht", "staat er een `:` in een tekst? Zet de hele tekst dan tussen aanhalingstekens: \"...\""),
        "en": ("there is a colon (`:`) here where YAML does not expect one", "is there a `:` inside a text? Put the whole text in quotes: \"...\""),
    },
    "yaml_inspringen": {
        "nl": ("het inspringen klopt hier niet", "velden op hetzelfde niveau moeten met spaties precies even ver inspringen; vergelijk met de regels erboven"),
        "en": ("the indentation is wrong here", "fields on the same level must be indented exactly as far, with spaces; compare with the lines above"),
    },
    "yaml_aanhalingsteken": {
        "nl": ("een tekst tussen aanhalingstekens wordt niet afgesloten", "zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin"),
        "en": ("a quoted text is not closed", "end the text with the same quote mark it starts with"),
    },
    "yaml_lijst": {
        "nl": ("een lijst is hier niet goed opgebouwd", "elk item van een lijst begint met `- ` op dezelfde inspringing, of schrijf de lijst als [a, b]"),
        "en": ("a list is not built correctly here", "each item starts with `- ` at the same indentation, or write the list as [a, b]"),
    },
    "yaml_haakje": {
        "nl": ("de lijst die hier met `[` begint, wordt niet goed afgesloten", "zet komma's tussen de waarden en sluit op dezelfde regel af met `]`, bijvoorbeeld `[taal, ontmoeting]`"),
        "en": ("the list that starts here with `[` is not closed properly", "put commas between the values and close it on the same line with `]`, for example `[taal, ontmoeting]`"),
    },
    "yaml_accolade": {
        "nl": ("het blok dat hier met `{{` begint, wordt niet goed afgesloten", "zet komma's tussen de velden en sluit af met `}}`, bijvoorbeeld `{{van: \"10:00\", tot: \"12:00\"}}`"),
        "en": ("the block that starts here with `{{` is not closed properly", "put commas between the fields and close it with `}}`, for example `{{van: \"10:00\", tot: \"12:00\"}}`"),
    },
    "yaml_streepje": {
        "nl": ("na het streepje `-` van een lijst hoort een spatie", "schrijf bijvoorbeeld `- naam: ...` in plaats van `-naam: ...`"),
        "en": ("a list dash `-` must be followed by a space", "write for example `- naam: ...` instead of `-naam: ...`"),
    },
    "yaml_begin_teken": {
        "nl": ("een waarde kan in YAML niet met dit teken beginnen", "zet de hele tekst tussen aanhalingstekens, bijvoorbeeld \"@koffiehuis\""),
        "en": ("in YAML a value cannot start with this character", "put the whole text in quotes, for example \"@koffiehuis\""),
    },
    "twee_documenten": {
        "nl": ("hier begint met `---` een tweede document; een bestand mag er maar één bevatten", "haal `---` en wat erna komt weg, of zet het in een eigen bestand"),
        "en": ("a second document starts here with `---`; a file may hold only one", "remove `---` and what follows, or put it in a file of its own"),
    },
    "yaml_syntax": {
        "nl": ("de opbouw van het bestand klopt hier niet", "vergelijk deze regel met _sjabloon.yml; technische melding: {detail}"),
        "en": ("the structure of the file is wrong here", "compare this line with _sjabloon.yml; technical detail: {detail}"),
    },
    # --- fields -------------------------------------------------------------------------------
    "ontbreekt": {
        # The field descriptions are Dutch only, so the English hint points to the field reference.
        "nl": ("het verplichte veld `{field}` ontbreekt", "voeg `{field}:` toe: {description}"),
        "en": ("the required field `{field}` is missing", "add `{field}:`; docs/velden.md describes what to fill in"),
    },
    "onbekend_veld": {
        "nl": ("onbekend veld `{field}`", "haal het weg; velden die hier wel mogen: {fields}"),
        "en": ("unknown field `{field}`", "remove it; fields allowed here: {fields}"),
    },
    "onbekend_veld_bijna": {
        "nl": ("onbekend veld `{field}`", "bedoelde je `{close}`?"),
        "en": ("unknown field `{field}`", "did you mean `{close}`?"),
    },
    "keuze": {
        "nl": ("`{value}` is geen geldige waarde voor `{field}`", "kies uit: {choices}"),
        "en": ("`{value}` is not a valid value for `{field}`", "choose from: {choices}"),
    },
    "ja_nee": {
        "nl": ("`{value}` is hier niet duidelijk", "schrijf `ja` of `nee`"),
        "en": ("`{value}` is not clear here", "write `ja` for yes or `nee` for no"),
    },
    "tekst_verwacht": {
        "nl": ("`{field}` moet een tekst zijn", "schrijf de tekst achter `{field}:`; zet hem tussen aanhalingstekens als hij met een cijfer of teken begint"),
        "en": ("`{field}` must be a text", "write the text after `{field}:`; quote it if it starts with a digit or a sign"),
    },
    "lege_tekst": {
        "nl": ("`{field}` is leeg", "vul een tekst in of haal de regel weg"),
        "en": ("`{field}` is empty", "fill in a text or remove the line"),
    },
    "leeg_verplicht": {
        "nl": ("het verplichte veld `{field}` is niet ingevuld", "vul het in: {description}"),
        "en": ("the required field `{field}` is not filled in", "fill it in after `{field}:`; docs/velden.md describes what to write"),
    },
    "lijst_verwacht": {
        "nl": ("`{field}` moet een lijst zijn", "schrijf bijvoorbeeld `{field}: [a, b]` of elk item op een eigen regel met `- `"),
        "en": ("`{field}` must be a list", "write for example `{field}: [a, b]` or each item on its own line starting with `- `"),
    },
    "lege_lijst": {
        "nl": ("`{field}` moet minstens één waarde hebben", "vul er minstens één in"),
        "en": ("`{field}` needs at least one value", "fill in at least one"),
    },
    "blok_verwacht": {
        "nl": ("`{field}` moet een blok met velden eronder zijn", "zet de velden eronder, ingesprongen met twee spaties, zoals in _sjabloon.yml"),
        "en": ("`{field}` must be a block of fields", "put the fields below it, indented by two spaces, as in _sjabloon.yml"),
    },
    "getal_verwacht": {
        "nl": ("`{field}` moet een getal zijn", "schrijf alleen cijfers, zoals `12`"),
        "en": ("`{field}` must be a number", "write digits only, such as `12`"),
    },
    "datum": {
        "nl": ("`{value}` is geen geldige datum", "schrijf de datum als jaar-maand-dag, bijvoorbeeld `2026-10-01`"),
        "en": ("`{value}` is not a valid date", "write the date as year-month-day, for example `2026-10-01`"),
    },
    "datum_toekomst": {
        "nl": ("de datum {value} bij `{field}` ligt in de toekomst", "vul de datum in waarop je de gegevens echt hebt gecontroleerd"),
        "en": ("the date {value} in `{field}` lies in the future", "fill in the date on which you actually checked the data"),
    },
    "datum_onwaarschijnlijk": {
        "nl": ("de datum {value} is onwaarschijnlijk", "klopt het jaartal? Schrijf jaar-maand-dag, bijvoorbeeld `2026-10-01`"),
        "en": ("the date {value} is implausible", "is the year right? Write year-month-day, for example `2026-10-01`"),
    },
    "oud": {
        "nl": ("de gegevens zijn voor het laatst gecontroleerd op {value}, meer dan 12 maanden geleden", "kijk of alles nog klopt en zet de datum van vandaag bij `laatst_gecontroleerd`"),
        "en": ("the data were last checked on {value}, more than 12 months ago", "check that everything is still right and put today's date in `laatst_gecontroleerd`"),
    },
    "tijd": {
        "nl": ("`{value}` is geen geldige tijd", "schrijf de tijd als uren:minuten, van 00:00 tot en met 23:59, bijvoorbeeld \"09:30\""),
        "en": ("`{value}` is not a valid time", "write the time as hours:minutes, from 00:00 to 23:59, for example \"09:30\""),
    },
    "tijd_volgorde": {
        "nl": ("de eindtijd {tot} ligt niet na de begintijd {van}", "controleer `van` en `tot`; een activiteit die na middernacht doorloopt kan de kaart niet aan"),
        "en": ("the end time {tot} is not after the start time {van}", "check `van` and `tot`; activities running past midnight are not supported"),
    },
    "datum_volgorde": {
        "nl": ("`tot_en_met` ({tot}) ligt voor `vanaf` ({van})", "wissel de datums om of verbeter ze"),
        "en": ("`tot_en_met` ({tot}) is before `vanaf` ({van})", "swap or correct the dates"),
    },
    "schema_mist": {
        "nl": ("bij `herhaling: {herhaling}` hoort ook `{field}`", "bijvoorbeeld {example}"),
        "en": ("`herhaling: {herhaling}` also needs `{field}`", "for example {example}"),
    },
    "schema_teveel": {
        "nl": ("`{field}` past niet bij `herhaling: {herhaling}`", "haal `{field}` weg, of kies een andere herhaling"),
        "en": ("`{field}` does not fit `herhaling: {herhaling}`", "remove `{field}`, or choose another herhaling"),
    },
    "startdatum_dag": {
        "nl": ("de startdatum {value} is een {weekday}, maar de activiteit is op {dag}", "kies als startdatum een {dag} waarop de activiteit plaatsvindt"),
        "en": ("the start date {value} is a {weekday}, but the activity is on {dag}", "choose a {dag} on which the activity takes place"),
    },
    "postcode": {
        "nl": ("`{value}` is geen Nederlandse postcode", "schrijf vier cijfers en twee letters, bijvoorbeeld `5611 AB`"),
        "en": ("`{value}` is not a Dutch postcode", "write four digits and two letters, for example `5611 AB`"),
    },
    "huisnummer": {
        "nl": ("`{value}` is geen huisnummer", "schrijf het nummer met eventueel een toevoeging, bijvoorbeeld `12`, `12a` of `12-2`"),
        "en": ("`{value}` is not a house number", "write the number with an optional addition, for example `12`, `12a` or `12-2`"),
    },
    "url": {
        "nl": ("`{value}` is geen geldig webadres", "een webadres begint met https:// of http://, bijvoorbeeld https://www.voorbeeld.nl"),
        "en": ("`{value}` is not a valid web address", "a web address starts with https:// or http://, for example https://www.example.nl"),
    },
    "email": {
        "nl": ("`{value}` is geen geldig e-mailadres", "een e-mailadres ziet eruit als info@organisatie.nl"),
        "en": ("`{value}` is not a valid e-mail address", "an e-mail address looks like info@organisation.nl"),
    },
    "telefoon": {
        "nl": ("`{value}` is geen Nederlands telefoonnummer", "schrijf tien cijfers, bijvoorbeeld `040 123 4567`, of `14 040` voor de gemeente"),
        "en": ("`{value}` is not a Dutch phone number", "write ten digits, for example `040 123 4567`, or `14 040` for the municipality"),
    },
    "mobiel": {
        "nl": ("`{value}` is een mobiel nummer", "zet alleen nummers van organisaties op de kaart, geen privénummers van bewoners"),
        "en": ("`{value}` is a mobile number", "put only numbers of organisations on the map, never private numbers of residents"),
    },
    "taalcode": {
        "nl": ("`{value}` is geen bekende taalcode", "gebruik de code van twee letters, bijvoorbeeld nl, en, tr, ar, pl, uk{suggestion}"),
        "en": ("`{value}` is not a known language code", "use the two-letter code, for example nl, en, tr, ar, pl, uk{suggestion}"),
    },
    "tekst_taal": {
        "nl": ("`{value}` is geen taal van de site", "teksten kunnen in: {choices}; haal de andere weg"),
        "en": ("`{value}` is not a language of the site", "texts can be in: {choices}; remove the others"),
    },
    "tekst_zonder_nl": {
        "nl": ("de Nederlandse tekst (`nl:`) ontbreekt", "voeg `nl:` toe; Nederlands is de taal die iedereen te zien krijgt als er geen vertaling is"),
        "en": ("the Dutch text (`nl:`) is missing", "add `nl:`; Dutch is shown to everyone when there is no translation"),
    },
    "markup": {
        "nl": ("de tekst lijkt HTML, een script, een link of een verborgen teken te bevatten: `{value}`", "schrijf gewone tekst zonder < >, Markdown-links, `javascript:` of onzichtbare richtingstekens; een webadres hoort bij `contact`"),
        "en": ("the text looks like it contains HTML, a script, a link or a hidden character: `{value}`", "write plain text without < >, Markdown links, `javascript:` or invisible direction marks; a web address belongs under `contact`"),
    },
    "tekst_te_lang": {
        "nl": ("de tekst is te lang ({length} tekens, de grens is {limit})", "maak de tekst korter; details kunnen op de website van de organisatie"),
        "en": ("the text is too long ({length} characters, the limit is {limit})", "shorten it; details can go on the organisation's own website"),
    },
    "bedrag": {
        "nl": ("`{value}` is geen geldige prijs", "schrijf `gratis`, `vrijwillige bijdrage` of één bedrag in euro per keer, zoals `2.50`, `€ 2,50` of `2 euro`; uitleg als \"per maand\" of \"met korting\" kan in de `omschrijving`"),
        "en": ("`{value}` is not a valid price", "write `gratis`, `vrijwillige bijdrage` or one amount in euros per visit, such as `2.50`, `€ 2,50` or `2 euro`; notes like \"per month\" or \"with discount\" can go in `omschrijving`"),
    },
    "coordinaten": {
        "nl": ("`coordinaten` moeten twee getallen zijn: breedtegraad en lengtegraad", "schrijf bijvoorbeeld `coordinaten: [51.4416, 5.4697]`; Eindhoven ligt rond 51,4 noord en 5,5 oost"),
        "en": ("`coordinaten` must be two numbers: latitude and longitude", "write for example `coordinaten: [51.4416, 5.4697]`; Eindhoven lies around 51.4 north, 5.5 east"),
    },
    "cbs_code": {
        "nl": ("`{value}` is geen CBS-buurtcode van Eindhoven", "een buurtcode ziet eruit als `BU07721110`"),
        "en": ("`{value}` is not a CBS buurt code of Eindhoven", "a buurt code looks like `BU07721110`"),
    },
    "ongeldig": {
        "nl": ("de waarde van `{field}` klopt niet", "{detail}"),
        "en": ("the value of `{field}` is not right", "{detail}"),
    },
    # --- schedule phrases (generator/wanneer.py: `wanneer` and the import) ---------------------
    "wanneer_leeg": {
        "nl": ("er staat geen schema", "schrijf bijvoorbeeld \"elke dinsdag 10:00-12:00\""),
        "en": ("there is no schedule", "write for example \"elke dinsdag 10:00-12:00\": every Tuesday, 10 to 12"),
    },
    "wanneer_niet_begrepen": {
        "nl": ("ik begrijp \"{part}\" niet", "laat het weg of schrijf het zoals \"elke dinsdag 10:00-12:00\", \"om de week op woensdag vanaf 9 december 14-16 uur\" of \"za 12 december 11-15 uur\""),
        "en": ("\"{part}\" is not understood", "leave it out or write it like \"elke dinsdag 10:00-12:00\", \"om de week op woensdag vanaf 9 december 14-16 uur\" or \"za 12 december 11-15 uur\""),
    },
    "wanneer_behalve_datums": {
        "nl": ("\"{part}\" kan ik niet in datums omzetten", "noem de datums waarop het niet doorgaat, bijvoorbeeld \"behalve 24 en 31 december\""),
        "en": ("\"{part}\" cannot be turned into dates", "name the dates on which it does not take place, for example \"behalve 24 en 31 december\""),
    },
    "wanneer_datum_mist": {
        "nl": ("bij \"{part}\" mist een datum", "schrijf een datum met de maand erbij, bijvoorbeeld \"vanaf 12 januari\" of \"t/m 30 juni 2027\""),
        "en": ("\"{part}\" lacks a date", "write a date with its month, for example \"vanaf 12 januari\" or \"t/m 30 juni 2027\""),
    },
    "wanneer_dag_mist": {
        "nl": ("bij \"{part}\" mist de weekdag", "schrijf bijvoorbeeld \"elke eerste vrijdag van de maand\""),
        "en": ("\"{part}\" lacks the day of the week", "write for example \"elke eerste vrijdag van de maand\": every first Friday of the month"),
    },
    "wanneer_eindtijd": {
        "nl": ("bij \"{part}\" mist de eindtijd", "schrijf begin- en eindtijd, bijvoorbeeld \"10:00-12:00\""),
        "en": ("\"{part}\" has no end time", "write the start and end time, for example \"10:00-12:00\""),
    },
    "wanneer_geen_tijd": {
        "nl": ("in \"{part}\" mist de tijd", "schrijf begin- en eindtijd erbij, bijvoorbeeld \"10:00-12:00\""),
        "en": ("\"{part}\" has no times", "add the start and end time, for example \"10:00-12:00\""),
    },
    "wanneer_geen_dag": {
        "nl": ("in \"{part}\" mist de dag", "schrijf een weekdag, zoals \"elke dinsdag\", of een datum, zoals \"12 december\""),
        "en": ("\"{part}\" has no day", "write a day of the week, such as \"elke dinsdag\", or a date, such as \"12 december\""),
    },
    "wanneer_geen_dag_tijd": {
        "nl": ("in \"{part}\" missen de dag en de tijd", "schrijf bijvoorbeeld \"elke dinsdag 10:00-12:00\""),
        "en": ("\"{part}\" has no day and no times", "write for example \"elke dinsdag 10:00-12:00\""),
    },
    "wanneer_twee_schemas": {
        "nl": ("\"{part}\": verschillende tijden, dus meer dan één schema", "splits het: elk schema apart, op een eigen regel of in een eigen `wanneer`, bijvoorbeeld \"ma 10-12\" en \"wo 14-16\""),
        "en": ("\"{part}\": different times, so more than one schedule", "split it: each schedule on its own, in its own row or its own `wanneer`, for example \"ma 10-12\" and \"wo 14-16\""),
    },
    "wanneer_tijd_per_dag": {
        "nl": ("in \"{part}\" staat niet bij elke dag een tijd", "zet de dagen samen voor de tijd, zoals \"di en do 10-12\", of geef elke dag zijn tijd: \"di 10-12 en do 10-12\""),
        "en": ("\"{part}\" does not give a time for every day", "put the days together before the time, such as \"di en do 10-12\", or give each day its time: \"di 10-12 en do 10-12\""),
    },
    "wanneer_weken_verschillen": {
        "nl": ("in \"{part}\" hebben de dagen verschillende weken van de maand", "splits het in twee schema's, of zet bij elke dag dezelfde weken: \"elke 1e en 3e dinsdag en 1e en 3e donderdag\""),
        "en": ("in \"{part}\" the days have different weeks of the month", "split it into two schedules, or give every day the same weeks"),
    },
    "wanneer_herhaling_botst": {
        "nl": ("in \"{part}\" staan twee soorten herhaling", "kies er één: elke week, om de week, of een week van de maand, zoals \"elke eerste vrijdag\""),
        "en": ("\"{part}\" names two kinds of repetition", "choose one: every week, every other week, or a week of the month, such as \"elke eerste vrijdag\""),
    },
    "wanneer_week_mist": {
        "nl": ("in \"{part}\" staat niet welke week van de maand", "schrijf bijvoorbeeld \"elke eerste vrijdag van de maand\" of \"elke laatste woensdag\""),
        "en": ("\"{part}\" does not say which week of the month", "write for example \"elke eerste vrijdag van de maand\" or \"elke laatste woensdag\""),
    },
    "wanneer_vijfde": {
        "nl": ("\"{part}\": een vijfde weekdag van de maand kan de kaart niet aan", "noem de datums, zoals \"op 29 januari en 30 april\", of kies \"laatste\""),
        "en": ("\"{part}\": a fifth weekday of the month is not supported", "name the dates or choose \"laatste\", the last one"),
    },
    "wanneer_startdatum_mist": {
        "nl": ("\"{part}\" is om de week, maar er staat geen datum bij waarop het doorgaat", "schrijf erbij vanaf wanneer, bijvoorbeeld \"om de week op woensdag vanaf 9 december\""),
        "en": ("\"{part}\" is every other week but gives no date on which it takes place", "add when it starts, for example \"om de week op woensdag vanaf 9 december\""),
    },
    "wanneer_startdatum_dag": {
        "nl": ("{part} is een {weekday}, maar de activiteit is op {dag}", "kies als begin een {dag} waarop de activiteit plaatsvindt"),
        "en": ("{part} is a {weekday}, but the activity is on {dag}", "choose a {dag} on which the activity takes place"),
    },
    "wanneer_even_weken": {
        "nl": ("\"{part}\" kan ik niet gebruiken: weeknummers wisselen niet altijd om (2026 heeft een week 53)", "schrijf een datum waarop het doorgaat: \"om de week op woensdag vanaf 9 december\""),
        "en": ("\"{part}\" cannot be used: week numbers do not always alternate (2026 has a week 53)", "give a date on which it takes place: \"om de week op woensdag vanaf 9 december\""),
    },
    "wanneer_datum_en_herhaling": {
        "nl": ("in \"{part}\" staan zowel losse datums als een herhaling", "schrijf óf de datums, zoals \"op 12 en 19 december\", óf de herhaling, zoals \"elke zaterdag vanaf 12 december\""),
        "en": ("\"{part}\" has both single dates and a repetition", "write either the dates, such as \"op 12 en 19 december\", or the repetition, such as \"elke zaterdag vanaf 12 december\""),
    },
    "wanneer_van_zonder_tot": {
        "nl": ("bij \"{part}\" mist het einde", "schrijf \"vanaf 1 maart\" of \"van 1 maart t/m 30 juni\""),
        "en": ("\"{part}\" has no end", "write \"vanaf 1 maart\" or \"van 1 maart t/m 30 juni\""),
    },
    "wanneer_een_datum": {
        "nl": ("bij \"{part}\" hoort één datum", "schrijf één datum, bijvoorbeeld \"vanaf 12 januari\""),
        "en": ("\"{part}\" takes one date", "write one date, for example \"vanaf 12 januari\""),
    },
    "wanneer_twee_keer": {
        "nl": ("\"{part}\": het begin of het einde staat er twee keer", "noem één begin met \"vanaf\" en één einde met \"t/m\""),
        "en": ("\"{part}\": the start or the end is given twice", "give one start with \"vanaf\" and one end with \"t/m\""),
    },
    "wanneer_jaar": {
        "nl": ("bij \"{part}\" mist het jaar, en {date} is net voorbij", "schrijf het jaartal erbij, bijvoorbeeld \"{part} 2027\""),
        "en": ("\"{part}\" has no year, and {date} has just passed", "add the year, for example \"{part} 2027\""),
    },
    "wanneer_weekdag": {
        "nl": ("\"{part}\" klopt niet: {date} is een {weekday}", "verbeter de dag of de datum"),
        "en": ("\"{part}\" is not right: {date} is a {weekday}", "correct the day or the date"),
    },
    "wanneer_datum_bestaat_niet": {
        "nl": ("de datum \"{part}\" bestaat niet", "verbeter de dag of de maand"),
        "en": ("the date \"{part}\" does not exist", "correct the day or the month"),
    },
    "wanneer_tijd_bestaat_niet": {
        "nl": ("in \"{part}\" staat een tijd die niet bestaat", "tijden gaan van 00:00 tot en met 23:59"),
        "en": ("\"{part}\" has a time that does not exist", "times run from 00:00 to 23:59"),
    },
    "wanneer_na_middernacht": {
        "nl": ("\"{part}\" loopt tot of na middernacht", "dat kan de kaart niet aan; schrijf als eindtijd uiterlijk 23:59"),
        "en": ("\"{part}\" runs until or past midnight", "that is not supported; end at 23:59 at the latest"),
    },
    "wanneer_volgorde": {
        "nl": ("in \"{part}\" ligt de eindtijd niet na de begintijd", "controleer de tijden, bijvoorbeeld \"14:00-16:00\""),
        "en": ("in \"{part}\" the end time is not after the start time", "check the times, for example \"14:00-16:00\""),
    },
    "wanneer_uur_onduidelijk": {
        "nl": ("\"{part}\" kan ochtend of avond zijn", "schrijf de tijd zoals \"19:00\" of \"07:00\", of zet er \"'s avonds\" of \"'s ochtends\" bij"),
        "en": ("\"{part}\" can be morning or evening", "write the time like \"19:00\" or \"07:00\", or add \"'s avonds\" for the evening or \"'s ochtends\" for the morning"),
    },
    "wanneer_dagdeel_tijd": {
        "nl": ("de tijd in \"{part}\" past niet bij het dagdeel", "schrijf de tijd zoals \"19:00-21:00\" zonder dagdeel, of verbeter het"),
        "en": ("the time in \"{part}\" does not fit the part of the day", "write the time like \"19:00-21:00\" without a part of the day, or correct it"),
    },
    "wanneer_dagdelen": {
        "nl": ("in \"{part}\" staan verschillende dagdelen", "splits het: elk dagdeel een eigen schema"),
        "en": ("\"{part}\" names different parts of the day", "split it: each part of the day its own schedule"),
    },
    "wanneer_dagen_reeks": {
        "nl": ("de reeks dagen \"{part}\" is niet duidelijk", "schrijf bijvoorbeeld \"ma t/m vr\" of \"di en do\""),
        "en": ("the range of days \"{part}\" is not clear", "write for example \"ma t/m vr\" or \"di en do\""),
    },
    "wanneer_behalve_dag": {
        "nl": ("\"behalve {part}\": die dag staat niet bij de dagen", "haal \"behalve {part}\" weg of verbeter de dagen"),
        "en": ("\"behalve {part}\": that day is not among the days", "remove \"behalve {part}\" or correct the days"),
    },
    "wanneer_tot_datum": {
        "nl": ("\"tot {part}\": het is niet duidelijk of de activiteit op {part} nog doorgaat", "schrijf \"t/m {part}\" als het die dag nog doorgaat, anders \"t/m\" met de laatste dag ervoor"),
        "en": ("\"tot {part}\": it is not clear whether the activity still takes place on {part}", "write \"t/m {part}\" if it still takes place that day, else \"t/m\" with the last day before it"),
    },
    "wanneer_model": {
        "nl": ("\"{part}\" geeft geen geldig schema: {detail}", "verbeter het schema"),
        "en": ("\"{part}\" does not give a valid schedule: {detail}", "correct the schedule"),
    },
    # --- across files ---------------------------------------------------------------------------
    "bestandsnaam": {
        "nl": ("de bestandsnaam `{name}` is geen geldige korte naam", "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld `{suggestion}.yml`"),
        "en": ("the file name `{name}` is not a valid short name", "use lower-case letters, digits and hyphens, for example `{suggestion}.yml`"),
    },
    "bestandsnaam_buurt": {
        "nl": ("de bestandsnaam past niet bij de naam van de buurt `{naam}`", "noem het bestand `{suggestion}.yml`"),
        "en": ("the file name does not match the buurt name `{naam}`", "name the file `{suggestion}.yml`"),
    },
    "dubbele_slug": {
        "nl": ("de korte naam `{slug}` wordt ook gebruikt door {other}", "geef een van beide bestanden een andere naam"),
        "en": ("the short name `{slug}` is also used by {other}", "rename one of the two files"),
    },
    "onbekende_buurt": {
        "nl": ("de buurt `{value}` bestaat niet", "gebruik de bestandsnaam zonder .yml van een buurt in content/buurten/"),
        "en": ("the buurt `{value}` does not exist", "use the file name without .yml of a buurt in content/buurten/"),
    },
    "onbekende_buurt_bijna": {
        "nl": ("de buurt `{value}` bestaat niet", "bedoelde je `{close}`?"),
        "en": ("the buurt `{value}` does not exist", "did you mean `{close}`?"),
    },
    "buurt_code_onbekend": {
        "nl": ("de buurtcode `{value}` komt niet voor in de gegevens van Eindhoven", "controleer de code; de lijst staat in content/geo/buurten.geojson"),
        "en": ("the buurt code `{value}` is not in Eindhoven's data", "check the code; the list is in content/geo/buurten.geojson"),
    },
    "buurt_naam_code": {
        "nl": ("volgens de gegevens hoort bij code {cbs} de naam `{expected}`, niet `{value}`", "schrijf `naam: {expected}` of verbeter de code"),
        "en": ("according to the data code {cbs} belongs to `{expected}`, not `{value}`", "write `naam: {expected}` or correct the code"),
    },
    "buurt_dubbel": {
        "nl": ("de buurtcode {cbs} staat ook in {other}", "elke buurt heeft één bestand"),
        "en": ("the buurt code {cbs} is also in {other}", "each buurt has one file"),
    },
    "buiten_eindhoven": {
        "nl": ("het punt ({lat}, {lon}) ligt buiten Eindhoven", "controleer het adres of de coördinaten: eerst breedtegraad ~51,4, dan lengtegraad ~5,5"),
        "en": ("the point ({lat}, {lon}) lies outside Eindhoven", "check the address or the coordinates: latitude ~51.4 first, then longitude ~5.5"),
    },
    "andere_buurt": {
        "nl": ("het punt ligt in buurt {actual} ({actual_slug}), niet in `{value}`", "schrijf `buurt: {actual_slug}`, of verbeter het adres of de coördinaten"),
        "en": ("the point lies in buurt {actual} ({actual_slug}), not in `{value}`", "write `buurt: {actual_slug}`, or correct the address or coordinates"),
    },
    "ver_van_straat": {
        "nl": ("het punt ligt {metres} meter van de dichtstbijzijnde straat", "klopt het adres of zijn de coördinaten verwisseld? Looptijden zijn hier onzeker"),
        "en": ("the point lies {metres} metres from the nearest street", "is the address right, or are the coordinates swapped? Walking times are uncertain here"),
    },
    "niet_opgezocht": {
        "nl": ("het adres is nog niet opgezocht en er zijn geen `coordinaten`", "draai `python -m generator geocode --only-missing`; de controle van een pull request doet dit ook"),
        "en": ("the address has not been looked up yet and there are no `coordinaten`", "run `python -m generator geocode --only-missing`; the pull-request check does this too"),
    },
    "som": {
        "nl": ("de delen van `{field}` tellen op tot {parts}, maar het totaal is {total}", "controleer de getallen: {detail}"),
        "en": ("the parts of `{field}` add up to {parts}, but the total is {total}", "check the numbers: {detail}"),
    },
    "aantal": {
        "nl": ("`{value}` is geen aantal", "schrijf een heel getal van 0 of meer, zonder punt of spatie: `2397`, niet `2.397`"),
        "en": ("`{value}` is not a count", "write a whole number of 0 or more, without dots or spaces: `2397`, not `2.397`"),
    },
    "procent": {
        "nl": ("`{value}` is geen percentage", "schrijf een getal van 0 tot en met 100, zonder %-teken: `16`"),
        "en": ("`{value}` is not a percentage", "write a number from 0 to 100, without a % sign: `16`"),
    },
    "jaartal": {
        "nl": ("`{value}` is geen geldig jaartal", "schrijf het jaar met vier cijfers, bijvoorbeeld `2024`"),
        "en": ("`{value}` is not a valid year", "write the year in four digits, for example `2024`"),
    },
    "deel_te_groot": {
        "nl": ("`{field}` ({value}) is groter dan `{whole_field}` ({whole})", "een deel kan niet groter zijn dan het geheel; controleer beide getallen"),
        "en": ("`{field}` ({value}) is larger than `{whole_field}` ({whole})", "a part cannot be larger than the whole; check both numbers"),
    },
    "aanpak_bestandsnaam": {
        "nl": ("het bestand heet `{name}.yml`, maar de cijfers gaan over `jaar: {jaar}`", "noem het bestand `{jaar}.yml` of verbeter het jaar: elk jaar heeft precies één bestand"),
        "en": ("the file is named `{name}.yml`, but its figures are about `jaar: {jaar}`", "name the file `{jaar}.yml` or correct the year: each year has exactly one file"),
    },
    "pad_onbekend": {
        "nl": ("dit bestand of deze map bestaat niet", "geef een pad naar een .yml-bestand of een map met .yml-bestanden"),
        "en": ("this file or folder does not exist", "give a path to a .yml file or a folder of .yml files"),
    },
    "soort_onbekend": {
        "nl": ("dit bestand staat niet in content/buurten/, content/ontwikkelplaatsen/ of content/aanpak/", "verplaats het naar de juiste map"),
        "en": ("this file is not in content/buurten/, content/ontwikkelplaatsen/ or content/aanpak/", "move it to the right folder"),
    },
}


def render_message(code: str, lang: str, params: dict[str, object]) -> tuple[str, str]:
    """The (message, hint) of a problem, in Dutch unless ``lang`` is English."""
    texts = MESSAGES[code]["en" if lang == "en" else "nl"]
    return texts[0].format(**params), texts[1].format(**params)
