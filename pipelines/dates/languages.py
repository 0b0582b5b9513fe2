"""Words that dates are written with, per language (ISO 639-1 code).

Month tables map a lower-case form to its month number; a form ending in ``*``
is a stem that takes any ending (Finnish, Estonian and Latvian inflect months
in too many cases to list). English forms are understood in every language,
since agencies' pages mix them in.
"""

from __future__ import annotations


def _months(*forms_by_month: str) -> dict[str, int]:
    """One space-separated string of forms per month, January first."""
    return {form: number for number, forms in enumerate(forms_by_month, 1)
            for form in forms.split()}


MONTHS: dict[str, dict[str, int]] = {
    "en": _months("january jan", "february feb", "march mar", "april apr", "may",
                  "june jun", "july jul", "august aug", "september sept sep",
                  "october oct", "november nov", "december dec"),
    "nb": _months("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                  "september", "oktober", "november", "desember des"),
    "da": _months("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                  "september", "oktober", "november", "december"),
    "sv": _months("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                  "september", "oktober", "november", "december"),
    "fi": _months("tammik*", "helmik*", "maalisk*", "huhtik*", "toukok*", "kesäk*",
                  "heinäk*", "elok*", "syysk*", "lokak*", "marrask*", "jouluk*"),
    "et": _months("jaan*", "veebr*", "märts*", "apr*", "mai mail maini", "juuni*",
                  "juuli*", "aug*", "sept*", "okt*", "nov*", "dets*"),
    "lv": _months("janvār*", "februār*", "mart*", "aprīl*", "maij*", "jūnij*", "jūlij*",
                  "august*", "septembr*", "oktobr*", "novembr*", "decembr*"),
    "lt": _months("sausio sausis sausį", "vasario vasaris vasarį", "kovo kovas kovą",
                  "balandžio balandis balandį", "gegužės gegužė gegužę",
                  "birželio birželis birželį", "liepos liepa liepą",
                  "rugpjūčio rugpjūtis rugpjūtį", "rugsėjo rugsėjis rugsėjį",
                  "spalio spalis spalį", "lapkričio lapkritis lapkritį",
                  "gruodžio gruodis gruodį"),
    "pl": _months("stycznia styczeń styczniu sty", "lutego luty lutym lut",
                  "marca marzec marcu", "kwietnia kwiecień kwietniu kwi",
                  "maja maj maju", "czerwca czerwiec czerwcu cze", "lipca lipiec lipcu lip",
                  "sierpnia sierpień sierpniu sie", "września wrzesień wrześniu wrz",
                  "października październik październiku paź",
                  "listopada listopad listopadzie lis", "grudnia grudzień grudniu gru"),
    "cs": _months("ledna leden lednu", "února únor únoru", "března březen březnu",
                  "dubna duben dubnu", "května květen květnu", "června červen červnu",
                  "července červenec červenci", "srpna srpen srpnu", "září",
                  "října říjen říjnu", "listopadu listopad", "prosince prosinec prosinci"),
    "sk": _months("januára január januári", "februára február februári",
                  "marca marec marci", "apríla apríl apríli", "mája máj máji",
                  "júna jún júni", "júla júl júli", "augusta august auguste",
                  "septembra september septembri", "októbra október októbri",
                  "novembra november novembri", "decembra december decembri"),
    "de": _months("januar jänner", "februar feb", "märz mär", "april", "mai", "juni",
                  "juli", "august", "september sept", "oktober okt", "november",
                  "dezember dez"),
    "fr": _months("janvier janv", "février févr", "mars", "avril avr", "mai", "juin",
                  "juillet juil", "août", "septembre sept", "octobre", "novembre",
                  "décembre déc"),
    "es": _months("enero ene", "febrero", "marzo", "abril abr", "mayo", "junio", "julio",
                  "agosto ago", "septiembre setiembre", "octubre", "noviembre",
                  "diciembre dic"),
    "it": _months("gennaio gen", "febbraio", "marzo", "aprile", "maggio mag", "giugno giu",
                  "luglio lug", "agosto ago", "settembre set", "ottobre ott", "novembre",
                  "dicembre dic"),
    "pt": _months("janeiro", "fevereiro fev", "março", "abril abr", "maio", "junho",
                  "julho", "agosto ago", "setembro set", "outubro out", "novembro",
                  "dezembro dez"),
    "ro": _months("ianuarie ian", "februarie", "martie", "aprilie", "mai", "iunie iun",
                  "iulie iul", "august", "septembrie", "octombrie", "noiembrie noi",
                  "decembrie"),
    "nl": _months("januari", "februari", "maart mrt", "april", "mei", "juni", "juli",
                  "augustus", "september", "oktober okt", "november", "december"),
    "hu": _months("január jan", "február febr", "március márc", "április ápr",
                  "május máj", "június jún", "július júl", "augusztus", "szeptember szept",
                  "október okt", "november", "december"),
    "bg": _months("януари яну", "февруари фев", "март", "април апр", "май", "юни",
                  "юли", "август авг", "септември сеп", "октомври окт", "ноември ное",
                  "декември дек"),
}
MONTHS["nn"] = MONTHS["nb"]

# Label words by what they say a date is; the nearest label before a date names it
# (English labels count in every language). Where one label holds another
# ("registration deadline"), the longer wins.
LABELS: dict[str, dict[str, str]] = {
    "deadline": {
        "en": "deadline|closing date|closing|closes|close|close on|closed on|due|apply by|"
              "apply before|until|open until|cut-off|submission|expires|expiry date",
        "nb": "søknadsfrist|søknadsfristen|frist|fristen|innen|senest",
        "da": "ansøgningsfrist|ansøgningsfristen|frist|fristen|senest|inden",
        "sv": "sista ansökningsdag|sista ansökningsdatum|sista dagen|ansökningstid|senast|deadline",
        "fi": "määräaika|hakuaika päättyy|viimeistään|mennessä",
        "et": "tähtaeg|taotluste esitamise tähtaeg|kuni",
        "lv": "termiņš|pieteikumu iesniegšanas termiņš|līdz",
        "lt": "galioja iki|terminas|teikiama iki|iki|pabaiga",
        "pl": "termin składania|koniec przyjmowania|zakończenie naboru|zakończenie|data zakończenia"
              "|termin|do",
        "cs": "uzávěrka|termín|do",
        "sk": "uzávierka|termín|do|dátum ukončenia",
        "de": "einsendeschluss|bewerbungsschluss|abgabefrist|frist|bis|endet",
        "fr": "date limite|clôture|jusqu'au|avant le",
        "es": "fecha límite|plazo|hasta el|finaliza|finalizará",
        "it": "scadenza|termine|entro il|fino al",
        "pt": "data limite|prazo|até",
        "ro": "termen limită|data limită|termen|până la|data închiderii|închidere",
        "nl": "deadline|sluitingsdatum|uiterlijk|tot en met|afgesloten",
        "hu": "beadási határidő|határidő",
        "bg": "краен срок|срок|до",
    },
    "opens": {
        "en": "opens|open|opening|will open|opening date|open from|starts accepting",
        "nb": "åpner|åpning|åpen", "da": "åbner|åbent|åben", "sv": "öppnar|från", "fi": "alkaa",
        "et": "algab", "lv": "sākas", "lt": "teikiama nuo|nuo|pradžia",
        "pl": "start składania|rozpoczęcie naboru|rozpoczęcie|data rozpoczęcia|od",
        "cs": "od", "sk": "od|dátum vyhlásenia",
        "de": "ab|startet|beginnt", "fr": "ouverture|à partir du|lancement",
        "es": "apertura|desde|comienza|comenzará",
        "it": "apertura|dal", "pt": "abertura|a partir de|inicia",
        "ro": "deschidere|de la|data începerii|începere|începe",
        "nl": "opent|vanaf|geopend", "hu": "kezdete", "bg": "от|начална дата",
    },
    "published": {
        "en": "published|posted|submitted by", "nb": "publisert",
        "da": "publiceret|offentliggjort", "sv": "publicerad", "fi": "julkaistu",
        "et": "avaldatud", "lv": "publicēts", "lt": "paskelbta|publikuota|data",
        "pl": "opublikowano|data publikacji|ogłoszenie konkursu", "cs": "publikováno|zveřejněno",
        "sk": "publikované|zverejnené", "de": "veröffentlicht|meldung|stand",
        "fr": "publié", "es": "publicado", "it": "pubblicato", "pt": "publicado",
        "ro": "publicat", "nl": "gepubliceerd", "hu": "közzétéve|megjelent",
        "bg": "публикувано",
    },
    "updated": {  # a stand-in for the publication date when a page gives no other
        "en": "updated|last updated|last modified", "nb": "sist oppdatert|sist endret|oppdatert",
        "nn": "sist oppdatert|sist endra", "da": "opdateret|senest opdateret", "sv": "uppdaterad",
        "fi": "päivitetty", "et": "uuendatud", "lv": "atjaunināts", "lt": "atnaujinta",
        "pl": "aktualizacja|zaktualizowano", "cs": "aktualizováno", "sk": "aktualizované",
        "de": "aktualisiert|zuletzt geändert", "fr": "mis à jour", "es": "actualizado",
        "it": "aggiornato", "pt": "atualizado", "ro": "actualizat|actualizare",
        "nl": "bijgewerkt", "hu": "frissítve|módosítás", "bg": "актуализирано",
    },
    "registration": {
        "en": "register by|registration|sign up by", "nb": "påmeldingsfrist|påmelding",
        "da": "tilmeldingsfrist|tilmelding", "sv": "anmälan|sista anmälningsdag",
        "fi": "ilmoittautuminen", "et": "registreerimine", "lv": "reģistrācija",
        "lt": "registracija", "pl": "rejestracja|zgłoszenia|zapisy", "cs": "registrace",
        "sk": "registrácia", "de": "anmeldeschluss|anmeldung", "fr": "inscription",
        "es": "inscripción", "it": "iscrizione|iscrizioni", "pt": "inscrição|inscrições",
        "ro": "înscrieri|înscriere", "nl": "aanmelden|inschrijving", "hu": "regisztráció",
        "bg": "регистрация",
    },
    "event": {
        "en": "event date|takes place|will take place|held on|start|date|when",
        "nb": "arrangeres|finner sted|dato|tid|startdato", "da": "afholdes|finder sted|dato|startdato",
        "sv": "äger rum|datum", "fi": "järjestetään|päivämäärä", "et": "toimub|kuupäev",
        "lv": "notiks|datums", "lt": "vyks|įvyks|renginio data",
        "pl": "odbędzie się|w dniach|data wydarzenia|termin wydarzenia", "cs": "konání|ve dnech|dne",
        "sk": "konania|v dňoch", "de": "findet|veranstaltung|datum|vom",
        "fr": "aura lieu|se tiendra|date", "es": "tendrá lugar|se celebrará|fecha",
        "it": "si terrà|data", "pt": "realiza|decorre|data",
        "ro": "va avea loc|data evenimentului|are loc",
        "nl": "vindt plaats|datum", "hu": "időpont|helyszín", "bg": "ще се проведе|дата",
    },
    "end": {"en": "end|end date", "nb": "slutt|sluttdato", "da": "slut|slutdato", "sv": "slutdatum",
            "de": "ende|enddatum", "fr": "fin|date de fin", "lt": "pabaigos data"},
}

# Words saying a deadline was moved; the date after them is the one that holds.
# Plain word starts: "förläng" covers "förlängd" and "förlängts".
EXTENSION = ("extended|postponed|prolonged|new deadline|changed|moved|forlenget|forlengt|utsatt|utsett"
             "|flytt|ny frist"
             "|forlænget|udskudt|förläng|jatket|pikendat|pagarināt|pratęs|wydłuż|przedłuż"
             "|zmiana terminu|nowy termin|prodlouž|prodluž|predĺž|verlängert|neue frist|prolongé"
             "|reporté|prorrogad|ampliado|prorogat|prelungi|verlengd|meghosszabbít|удълж")
# Words marking the date after them as one that no longer holds ("previously 10 May").
SUPERSEDED = ("previously|originally|instead of|initially|formerly|tidligere|opprinnelig"
              "|oprindeligt|buvo|tidigare|ursprungligen|aiemmin|varem|iepriekš|anksčiau|poprzednio"
              "|wcześniej|pierwotnie|původně|pôvodne|ursprünglich|bisher|initialement|au lieu du"
              "|anteriormente|inicialmente|precedentemente|inițial|anterior|oorspronkelijk|eredetileg"
              "|първоначално")

# Gazettes whose issue date a text cites beside its own ("Bundesanzeiger vom 2.9.2026").
CITED = ("bundesanzeiger|banz|amtsblatt|official journal|journal officiel|diario oficial"
         "|boletín oficial|gazzetta ufficiale|dziennik urzędowy|dziennik ustaw|monitorul oficial"
         "|staatscourant|diário da república|lovtidend|författningssamling")

# Connectors that make two dates one range; "and" words only join adjacent days.
RANGE_WORDS = ("-|–|—|to|til|till|until|through|bis|bis zum|do|iki|kuni|līdz|au|al|à|a|hasta el|"
               "até|ao|până la|până pe|la|tot|tot en met|t/m|до|– до")
AND_WORDS = "and|&|og|och|i|und|et|y|e|ir|și|şi|en|és|a|ja|un|и|,"
# "between 4 and 6 March" is a range, where "4 and 6 March" is two days.
BETWEEN = ("between|mellom|mellem|mellan|välillä|vahel|starp|tarp|między|mezi|medzi|zwischen|entre"
           "|tra|între|tussen|között|между")
# Words between the months of a span of months ("aprilie – decembrie 2027").
MONTH_SPAN = ("-|–|—|to|till|until|through|and|til|og|och|bis|und|do|i|iki|ir|au|à|et|a|al|y"
              "|e|până în|și|tot|en|és|до|и|ja|un|kuni|līdz")
# Words that may stand between a range's dates without changing it.
WEEKDAYS = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
            "|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tisdag|lördag|söndag"
            "|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai"
            "|esmaspäev|teisipäev|kolmapäev|neljapäev|reede|laupäev|pühapäev"
            "|pirmdiena|otrdiena|trešdiena|ceturtdiena|piektdiena|sestdiena|svētdiena"
            "|pirmadienis|antradienis|trečiadienis|ketvirtadienis|penktadienis|šeštadienis|sekmadienis"
            "|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela"
            "|pondělí|úterý|středa|čtvrtek|pátek|neděle|pondelok|utorok|streda|štvrtok|piatok"
            "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
            "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            "|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
            "|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
            "|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira"
            "|luni|marți|miercuri|joi|vineri|sâmbătă|duminică"
            "|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
            "|hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap"
            "|понеделник|вторник|сряда|четвъртък|петък|събота|неделя")
# Weekday numbers (0 = Monday) of the names above. A stand-in until the weekday
# names come from CLDR: weekday_forms(lang) is the one way in.
_WEEKS = ("monday tuesday wednesday thursday friday saturday sunday", "mon tue wed thu fri sat sun",
          "mandag tirsdag onsdag torsdag fredag lørdag søndag",
          "måndag tisdag onsdag torsdag fredag lördag söndag",
          "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai",
          "esmaspäev teisipäev kolmapäev neljapäev reede laupäev pühapäev",
          "pirmdiena otrdiena trešdiena ceturtdiena piektdiena sestdiena svētdiena",
          "pirmadienis antradienis trečiadienis ketvirtadienis penktadienis šeštadienis sekmadienis",
          "poniedziałek wtorek środa czwartek piątek sobota niedziela",
          "pondělí úterý středa čtvrtek pátek sobota neděle",
          "pondelok utorok streda štvrtok piatok sobota nedeľa",
          "montag dienstag mittwoch donnerstag freitag samstag sonntag",
          "lundi mardi mercredi jeudi vendredi samedi dimanche",
          "lunes martes miércoles jueves viernes sábado domingo",
          "lunedì martedì mercoledì giovedì venerdì sabato domenica",
          "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
          "luni marți miercuri joi vineri sâmbătă duminică",
          "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
          "hétfő kedd szerda csütörtök péntek szombat vasárnap",
          "понеделник вторник сряда четвъртък петък събота неделя")
_WEEKDAY_NUMBERS = {name: number for week in _WEEKS for number, name in enumerate(week.split())}


def weekday_forms(lang: str) -> dict[str, int]:
    """Weekday names read in ``lang`` and their number, 0 = Monday."""
    return _WEEKDAY_NUMBERS


FILLERS = ("r\\.|roku|m\\.|g\\.|г\\.|год\\.|den|d\\.|kl\\.|the|le|el|il|de|del|dal|dem|"
           "of|on|am|w|we|v|ve|dnia|dne|dňa|dia|día|o")

# Words after or before a yearless date that put it ahead of the reference
# ("le 14 octobre prochain", "next 5 May").
FUTURE_AFTER = "prochain|prochaine|próximo|próxima|prossimo|prossima|que vem|next"
FUTURE_BEFORE = ("next|coming|upcoming|nächsten|kommenden|kommende|førstkommende|kommande"
                 "|aanstaande|komende|prochain|próximo|prossimo|najbliższy|najbliższą|nadchodzący")

# Days named from the day a page was written: days after it (0 = that day).
# "morgen" and "mañana" also mean "morning": German is left out, Spanish not after "la".
RELATIVE_DAYS: dict[str, dict[str, int]] = {
    "en": {"today": 0, "tomorrow": 1, "yesterday": -1},
    "nb": {"i dag": 0, "i morgen": 1, "i går": -1}, "da": {"i dag": 0, "i morgen": 1, "i går": -1},
    "sv": {"i dag": 0, "idag": 0, "i morgon": 1, "imorgon": 1, "i går": -1, "igår": -1},
    "fi": {"tänään": 0, "huomenna": 1, "eilen": -1}, "et": {"täna": 0, "homme": 1, "eile": -1},
    "lv": {"šodien": 0, "šodienas": 0, "rīt": 1, "vakar": -1},
    "lt": {"šiandien": 0, "rytoj": 1, "vakar": -1},
    "pl": {"dziś": 0, "dzisiaj": 0, "jutro": 1, "wczoraj": -1},
    "cs": {"dnes": 0, "zítra": 1, "včera": -1}, "sk": {"dnes": 0, "zajtra": 1, "včera": -1},
    "fr": {"aujourd'hui": 0, "demain": 1, "hier": -1},
    "es": {"hoy": 0, "mañana": 1, "ayer": -1}, "it": {"oggi": 0, "domani": 1, "ieri": -1},
    "pt": {"hoje": 0, "amanhã": 1, "ontem": -1}, "ro": {"azi": 0, "astăzi": 0, "mâine": 1, "ieri": -1},
    "nl": {"vandaag": 0, "morgen": 1, "gisteren": -1}, "bg": {"днес": 0, "утре": 1, "вчера": -1},
    "hr": {"danas": 0, "sutra": 1, "jučer": -1}, "bs": {"danas": 0, "sutra": 1, "jučer": -1},
    "sr": {"danas": 0, "sutra": 1, "juče": -1, "данас": 0, "сутра": 1},
    "sl": {"danes": 0, "jutri": 1, "jutrišnji": 1, "včeraj": -1},
}

# Words for "this year" standing in for the year (Polish "br." = bieżącego roku).
THIS_YEAR = "br\\.|b\\.r\\.|bieżącego roku|this year|dette år|i år|tego roku|šių metų|t\\.m\\."

RECURRENCE_YEARLY = ("hvert år|kvart år|hvert eneste år|årlig|every year|each year|annually|yearly"
                     "|varje år|joka vuosi|igal aastal|katru gadu|kasmet|kiekvienais metais"
                     "|co roku|corocznie|každý rok|každoročně|každoročne|jedes jahr|jährlich"
                     "|chaque année|cada año|ogni anno|todos os anos|în fiecare an|anual"
                     "|elk jaar|jaarlijks|minden évben|всяка година|ежегодно")

# Parts of a month: name → (first day, last day or 0 = month's end). "end" ("by
# the end of June") is no window but the month's exact last day.
PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 0), "end": (0, 0),
         "first": (1, 15), "second": (16, 0)}
# The same parts of a year ("early 2027", "medio 2017", "1. halvår 2021"): (first month, last month).
YEAR_PARTS = {"early": (1, 3), "mid": (4, 9), "late": (10, 12), "first": (1, 6), "second": (7, 12)}
# Seasons as months (winter runs into the next year), written before a year.
SEASONS = {
    (3, 5): "spring|printemps|frühling|frühjahr|primavera|voorjaar|lente|forår|vår|wiosna|wiosną"
            "|jaro|jaře|jar|primăvara|primăvară|kevät|keväällä|pavasarį|pavasarī|kevadel|tavasz"
            "|tavasszal|пролетта",
    (6, 8): "summer|été|sommer|verano|estate|verão|zomer|sommar|lato|latem|léto|leto|vara|kesä"
            "|kesällä|vasarą|vasarā|suvel|nyár|nyáron|лятото",
    (9, 11): "autumn|fall|automne|herbst|otoño|autunno|outono|najaar|herfst|efterår|høst|höst"
             "|jesień|jesienią|podzim|jeseň|toamna|syksy|syksyllä|rudenį|rudenī|sügisel|ősz|ősszel"
             "|есента",
    (12, 2): "winter|hiver|invierno|inverno|vinter|zima|zimą|zimě|iarna|talvi|talvella|žiemą|ziemā"
             "|talvel|tél|télen|зимата",
}
PART_BEFORE = {  # phrases written before the month
    "early": "early|beginning of|start of|begynnelsen av|starten av|tidlig i|i starten av|"
             "begyndelsen af|starten af|början av|i början av|anfang|début|principios de|"
             "inicios de|inizio|all'inizio di|início de|începutul lui|la începutul lui|"
             "începutul lunii|la începutul lunii|begin|na początku|początek|začátkem|začátek|"
             "začiatkom|начало на|в началото на|primo",
    "mid": "mid|mid-|middle of|midten av|i midten av|midt i|medio|midten af|i midten af|"
           "mitten av|i mitten av|mitte|mi-|à la mi-|mediados de|a mediados de|metà|a metà|"
           "meados de|mijlocul lui|la mijlocul lui|mijlocul lunii|la mijlocul lunii|half|"
           "w połowie|połowa|v polovině|polovina|v polovici|средата на|в средата на",
    "late": "late|end of|the end of|slutten av|i slutten av|utgangen av|slutningen af|"
            "i slutningen af|slutet av|i slutet av|ende|fin|fin de|finales de|a finales de|"
            "fine|alla fine di|final de|sfârșitul lui|la sfârșitul lui|sfârșitul lunii|"
            "la sfârșitul lunii|eind|eind van|koniec|na koniec|pod koniec|końcem|koncem|"
            "konec|koncom|края на|в края на|ultimo",
    "end": "by the end of|until the end of|before the end of|innen utgangen av|innen slutten av|"
           "inden udgangen af|senast i slutet av|do końca|bis ende|bis zum ende|"
           "jusqu'à la fin|até ao final de|até o final de|hasta finales de|entro la fine di|"
           "până la sfârșitul lunii|până la finalul lunii|tot eind|do konce|do konca|до края на"
           "|vid utgången av|senast vid utgången av",
    "first": "first half of|the first half of|erste hälfte|ersten hälfte|première moitié de"
             "|primera mitad de|prima metà di|pierwsza połowa|w pierwszej połowie|první polovině"
             "|v první polovině|první polovina|prvej polovici|v prvej polovici|første halvdel af"
             "|første halvdel av|första halvan av",
    "second": "second half of|the second half of|zweite hälfte|zweiten hälfte|seconde moitié de"
              "|deuxième moitié de|segunda mitad de|seconda metà di|druga połowa|w drugiej połowie"
              "|druhé polovině|v druhé polovině|druhá polovina|druhej polovici|v druhej polovici"
              "|anden halvdel af|andre halvdel av|andra halvan av",
}
PART_AFTER = {  # phrases written after the month (Baltic, Finnish, Hungarian)
    "early": "pradžioje|pradžia|alguses|alkupuolella|alussa|sākumā|elején",
    "mid": "viduryje|vidurys|keskel|puolivälissä|vidū|közepén|közepe",
    "late": "pabaigoje|pabaiga|lõpus|lopussa|lopulla|beigās|végén|vége",
    "end": "pabaigos|lõpuni|loppuun mennessä|loppuun|beigām|végéig",
}
# Quarters: "Q3 2025".
QUARTER_MONTHS = 3

# Time markers written before a time ("kl. 15:00") and after an hour ("12 val."), as plain words.
TIME_BEFORE = ("at|by|from|kl.|kl|klokken|klokka|klockan|klo|kello|kell|plkst.|plkst|godz.|godz|godziny|"
               "godzina|o godz.|um|à|a las|alle|alle ore|ore|às|ora|la ora|om|в|о"
               "|von|dalle|fra|från|van|od|de la|desde las|de las")
# Markers too common as plain words to make a bare number an hour ("at 5 partners"):
# after them a bare hour is one only right after a date ("12 maggio alle 16").
WEAK_TIME_MARKERS = {"at", "by", "from", "à", "a las", "alle", "ore", "às", "om", "в", "о",
                     "von", "dalle", "fra", "från", "van", "od", "de la", "desde las", "de las"}
TIME_AFTER = ("val.|val|valandą|uhr|uur|u.|u|h|óra|órakor|ч.|ч|hod.|hod|hodin|hodín|tundi|horas|heures"
              "|noon|sati|časova|часова|uri|saat")
# Words between the two times of a time range ("10:00 bis 16:00", "dalle 10 alle 12").
TIME_RANGE = ("-|–|—|to|til|till|until|bis|do|iki|à|a|alle|al|a las|às|até|tot|kuni|līdz|до"
              "|and|og|och|und|et|y|e|és|ir|i|și|ja|un|en|и")
