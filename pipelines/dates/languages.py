"""Words that dates are written with, per language (ISO 639-1 code).

Month and weekday names come from CLDR (cldr.py); this module adds only what
CLDR lacks: the case endings pages write (Polish "w maju", Croatian "u svibnju",
Serbian "15. marta") and stems for languages that inflect months in too many
cases to list (a form ending in ``*`` takes any ending: Finnish, Estonian,
Latvian, Albanian, Basque). English forms are understood in every language,
since agencies' pages mix them in.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from pipelines.dates import cldr


def _months(*forms_by_month: str) -> dict[str, int]:
    """One space-separated string of forms per month, January first."""
    return {form: number for number, forms in enumerate(forms_by_month, 1) for form in forms.split()}


def _cyrillic(latin: str) -> str:
    """Serbian and Bosnian Latin spelling in their Cyrillic (one letter for one)."""
    for digraph, letter in (("lj", "љ"), ("nj", "њ"), ("dž", "џ")):
        latin = latin.replace(digraph, letter)
    return latin.translate(str.maketrans("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж"))


# Genitive ("15. marta") and locative ("u martu") of the Serbian and Bosnian names.
_SERBIAN_CASES = _months(
    "januara januaru",
    "februara februaru",
    "marta martu",
    "aprila aprilu",
    "maja maju",
    "juna junu",
    "jula julu",
    "avgusta avgustu augusta augustu",
    "septembra septembru",
    "oktobra oktobru",
    "novembra novembru",
    "decembra decembru",
)
_SERBIAN_CASES |= {_cyrillic(form): number for form, number in _SERBIAN_CASES.items()}

# Month forms CLDR lacks, by language.
INFLECTED_MONTHS: dict[str, dict[str, int]] = {
    "fi": _months(
        "tammik*",
        "helmik*",
        "maalisk*",
        "huhtik*",
        "toukok*",
        "kesäk*",
        "heinäk*",
        "elok*",
        "syysk*",
        "lokak*",
        "marrask*",
        "jouluk*",
    ),
    "et": _months(
        "jaan*",
        "veebr*",
        "märts*",
        "apr*",
        "mail maini",
        "juuni*",
        "juuli*",
        "aug*",
        "sept*",
        "okt*",
        "nov*",
        "dets*",
    ),
    "lv": _months(
        "janvār*",
        "februār*",
        "mart*",
        "aprīl*",
        "maij*",
        "jūnij*",
        "jūlij*",
        "august*",
        "septembr*",
        "oktobr*",
        "novembr*",
        "decembr*",
    ),
    "lt": _months(
        "sausį",
        "vasarį",
        "kovą",
        "balandį",
        "gegužę",
        "birželį",
        "liepą",
        "rugpjūtį",
        "rugsėjį",
        "spalį",
        "lapkritį",
        "gruodį",
    ),
    "pl": _months(
        "styczniu",
        "lutym",
        "marcu",
        "kwietniu",
        "maju",
        "czerwcu",
        "lipcu",
        "sierpniu",
        "wrześniu",
        "październiku",
        "listopadzie",
        "grudniu",
    ),
    "cs": _months(
        "lednu lednem",
        "únoru únorem",
        "březnu březnem",
        "dubnu dubnem",
        "květnu květnem",
        "červnu červnem",
        "červenci červencem",
        "srpnu srpnem",
        "zářím",
        "říjnu říjnem",
        "listopadem",
        "prosinci prosincem",
    ),
    "sk": _months(
        "januári",
        "februári",
        "marci",
        "apríli",
        "máji",
        "júni",
        "júli",
        "auguste",
        "septembri",
        "októbri",
        "novembri",
        "decembri",
    ),
    "hr": _months(
        "siječnju",
        "veljači",
        "ožujku",
        "travnju",
        "svibnju",
        "lipnju",
        "srpnju",
        "kolovozu",
        "rujnu",
        "listopadu",
        "studenog studenom studenome",
        "prosincu",
    ),
    "sr": _SERBIAN_CASES,
    "bs": _SERBIAN_CASES,
    "sl": _months(
        "januarja januarju",
        "februarja februarju",
        "marca marcu",
        "aprila aprilu",
        "maja maju",
        "junija juniju",
        "julija juliju",
        "avgusta avgustu",
        "septembra septembru",
        "oktobra oktobru",
        "novembra novembru",
        "decembra decembru",
    ),
    "uk": _months(
        "січні",
        "лютому",
        "березні",
        "квітні",
        "травні",
        "червні",
        "липні",
        "серпні",
        "вересні",
        "жовтні",
        "листопаді",
        "грудні",
    ),
    "ro": {"noi": 11},  # pages' abbreviation of "noiembrie" beside CLDR's "nov."
    # the definite forms of Albanian ("nëntorit") and the cases of Basque ("martxoaren")
    "sq": _months(
        "janar*",
        "shkurt*",
        "mars*",
        "prill*",
        "maj*",
        "qershor*",
        "korrik*",
        "gusht*",
        "shtator*",
        "tetor*",
        "nëntor*",
        "dhjetor*",
    ),
    "eu": _months(
        "urtarril*",
        "otsail*",
        "martxo*",
        "apiril*",
        "maiatz*",
        "ekain*",
        "uztail*",
        "abuztu*",
        "irail*",
        "urri*",
        "azaro*",
        "abendu*",
    ),
}
# CLDR abbreviations that are everyday words before a number ("pro 20 účastníků",
# "svi 5 članova", "nën 18 vjeç", "kesä 2026" = summer, "Eki 1" = Annex 1): not months.
NOT_MONTHS = {"cs": {"pro"}, "hr": {"svi"}, "fi": {"kesä"}, "sq": {"nën"}, "tr": {"eki", "ekİ"}}
# Weekdays after "on" take the accusative in Slavic languages ("u srijedu", "w środę"),
# and "this Saturday" the genitive in Croatian, Bosnian and Serbian ("ove subote").
_GENITIVE_WEEKDAYS = {
    "ponedjeljka": 0,
    "utorka": 1,
    "srijede": 2,
    "četvrtka": 3,
    "petka": 4,
    "subote": 5,
    "nedjelje": 6,
}
_ICELANDIC_WEEKDAY_STEMS = ("mánu", "þriðju", "miðviku", "fimmtu", "föstu", "laugar", "sunnu")
INFLECTED_WEEKDAYS: dict[str, dict[str, int]] = {
    "pl": {"środę": 2, "sobotę": 5, "niedzielę": 6},
    "cs": {"středu": 2, "sobotu": 5},
    "sk": {"stredu": 2, "sobotu": 5, "nedeľu": 6},
    "sl": {"sredo": 2, "soboto": 5, "nedeljo": 6},
    "hr": {"srijedu": 2, "subotu": 5, "nedjelju": 6, **_GENITIVE_WEEKDAYS},
    "sr": {
        "sredu": 2,
        "subotu": 5,
        "nedelju": 6,
        "среду": 2,
        "суботу": 5,
        "недељу": 6,
        "ponedeljka": 0,
        "utorka": 1,
        "srede": 2,
        "četvrtka": 3,
        "petka": 4,
        "subote": 5,
        "nedelje": 6,
    },
    "bs": {"srijedu": 2, "subotu": 5, "nedjelju": 6, **_GENITIVE_WEEKDAYS},
    "uk": {"середу": 2, "пʼятницю": 4, "суботу": 5, "неділю": 6},
    # Latvian and Estonian say "on Friday" in one word: "piektdien, 16. aprīlī", "reedel, 16. aprillil"
    "lv": {
        "pirmdien": 0,
        "otrdien": 1,
        "trešdien": 2,
        "ceturtdien": 3,
        "piektdien": 4,
        "sestdien": 5,
        "svētdien": 6,
    },
    "et": {
        "esmaspäeval": 0,
        "teisipäeval": 1,
        "kolmapäeval": 2,
        "neljapäeval": 3,
        "reedel": 4,
        "laupäeval": 5,
        "pühapäeval": 6,
    },
    # Lithuanian names the day of an event in the accusative: "šeštadienį vyks"
    "lt": {
        "pirmadienį": 0,
        "antradienį": 1,
        "trečiadienį": 2,
        "ketvirtadienį": 3,
        "penktadienį": 4,
        "šeštadienį": 5,
        "sekmadienį": 6,
    },
    # Icelandic names a date's weekday in the accusative, often definite: "mánudaginn 3. desember"
    "is": {
        **{f"{stem}dag": n for n, stem in enumerate(_ICELANDIC_WEEKDAY_STEMS)},
        **{f"{stem}daginn": n for n, stem in enumerate(_ICELANDIC_WEEKDAY_STEMS)},
    },
}


def spellings(lang: str, form: str) -> set[str]:
    """``form`` as a lower-cased page may spell it: Greek capitals drop their
    accents ("ΜΑΪΟΥ"), Turkish capitals lower-case to the wrong i ("KASIM"
    gives "kasim", "EKİM" keeps its "İ"), and Ukrainian writes its apostrophe
    ("пʼятниця") with whichever one the keyboard has."""
    found = {form}
    if lang == "el":
        bare = unicodedata.normalize("NFD", form).replace("\u0301", "")
        found.add(unicodedata.normalize("NFC", bare))
    elif lang == "tr":
        found.add(form.replace("i", "İ").replace("ı", "i"))
    elif lang == "uk":
        found |= {form.replace("ʼ", apostrophe) for apostrophe in "'’"}
    return found


def _spelled(lang: str, forms: dict[str, int]) -> dict[str, int]:
    return {spelling: number for form, number in forms.items() for spelling in spellings(lang, form)}


@cache
def month_forms(lang: str) -> dict[str, int]:
    """Every month form understood in ``lang`` (English's too) and its number."""
    found = dict(cldr.months("en"))
    found.update(_spelled(lang, cldr.months(lang)))
    found.update(INFLECTED_MONTHS.get(lang, {}))
    for word in NOT_MONTHS.get(lang, ()):
        del found[word]
    return found


@cache
def weekday_forms(lang: str) -> dict[str, int]:
    """Every weekday form of ``lang`` (English's too) and its number, 0 = Monday."""
    found = dict(cldr.weekdays("en"))
    found.update(_spelled(lang, cldr.weekdays(lang)))
    found.update(_spelled(lang, INFLECTED_WEEKDAYS.get(lang, {})))
    return found


@cache
def weekday_words(lang: str) -> tuple[str, ...]:
    """Weekday words of ``lang`` and English, longest first: a weekday may stand
    between a range's dates. One- and two-letter abbreviations ("do", "to", "ma")
    are left out: in some language they are a connector."""
    return tuple(sorted((form for form in weekday_forms(lang) if len(form) > 2), key=lambda f: (-len(f), f)))


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
        "sk": "uzávierka|termín|dátum ukončenia|ukončenie|do",
        "de": "einsendeschluss|bewerbungsschluss|abgabefrist|frist|endet|bis",
        "fr": "date limite|clôture|jusqu'au|avant le",
        "es": "fecha límite|plazo|hasta el|finalizará|finaliza",
        "it": "scadenza|termine|entro il|fino al",
        "pt": "data limite|prazo|até",
        "ro": "termen limită|data limită|termen|până la|data închiderii|închidere|termen limita"
        "|data limita|pana la|pana|data inchiderii|inchidere",
        "nl": "deadline|sluitingsdatum|uiterlijk|tot en met|afgesloten|sluit",
        "hu": "beadási határidő|határidő",
        "bg": "краен срок|срок|до",
        "nn": "søknadsfrist|frist|fristen|innan|seinast",
        "is": "umsóknarfrestur|frestur|skilafrestur|eigi síðar en|til og með",
        "sl": "rok|rok za oddajo|rok za prijavo|najkasneje do|do",
        "hr": "rok|rok za prijavu|rok za predaju|krajnji rok|zaključno do|najkasnije do|do",
        "bs": "rok|rok za prijavu|krajnji rok|zaključno sa|najkasnije do|do",
        "sr": "rok|krajnji rok|rok za podnošenje|najkasnije do|zatvoren|istekao je rok|do"
        "|рок|крајњи рок|најкасније до|затворен|до",
        "mk": "рок|краен рок|најдоцна до|до",
        "uk": "термін|кінцевий термін|дедлайн|прийом заявок до|завершено|до",
        "el": "προθεσμία|καταληκτική ημερομηνία|λήξη|έως|μέχρι|ως",
        "tr": "son başvuru tarihi|son başvuru|son teslim tarihi|son tarih|bitiş tarihi",
        "sq": "afati|afati i fundit|deri më|deri në|deri",
        "ca": "termini|data límit|fins al|fins a|fins el",
        "eu": "epea|azken eguna|epemuga",
        "gl": "prazo|data límite|ata o|ata|rematará|remata|finaliza|finalizará",
        "ga": "spriocdháta|sprioc|dáta deiridh|roimh",
        "mt": "skadenza|data tal-għeluq|sal-|sa",
    },
    "opens": {
        "en": "opens|open|opening|will open|opening date|open from|starts accepting",
        "nb": "åpner|åpnes|åpning|åpen for søknad|åpen",
        "da": "åbner|åbnes|åbent for ansøgning|åbent|åben",
        "sv": "öppnar|öppnas|från",
        "fi": "alkaa|avautuu|aukeaa",
        "et": "algab|avatud",
        "lv": "sākas|no",
        "lt": "teikiama nuo|nuo|pradžia",
        "pl": "start składania|rozpoczęcie naboru|rozpoczęcie|data rozpoczęcia|od",
        "cs": "od",
        "sk": "od|dátum vyhlásenia",
        "de": "ab|startet|beginnt",
        "fr": "ouverture|à partir du|date de lancement|lancement",
        "es": "apertura|desde|comienza|comenzará",
        "it": "apertura|dal|a partire dal",
        "pt": "abertura|a partir de|inicia",
        "ro": "deschidere|de la|data începerii|începere|data inceperii|incepere|începe din|începe",
        "nl": "opent|vanaf|geopend",
        "hu": "kezdete",
        "bg": "от|начална дата",
        "nn": "opnar",
        "is": "opnar|opnað|frá",
        "sl": "od|začetek",
        "hr": "otvoren od|početak|od",
        "bs": "otvoren od|početak|od",
        "sr": "otvoren od|početak|od|отворен од|почетак|од",
        "mk": "од|почеток",
        "uk": "від|починається|початок|з",
        "el": "από|έναρξη",
        "tr": "başlangıç tarihi|başlangıç",
        "sq": "hapet|prej|nga",
        "ca": "des del|des de|a partir del|a partir de|obertura|inici",
        "eu": "hasiera",
        "gl": "desde|dende|a partir do|apertura|comeza|comezou|comezará",
        "ga": "osclaíonn|ó",
        "mt": "jiftaħ|minn",
    },
    "published": {
        "en": "published|posted|submitted by",
        "nb": "publisert",
        "da": "publiceret|offentliggjort",
        "sv": "publicerad",
        "fi": "julkaistu",
        "et": "avaldatud",
        "lv": "publicēts",
        "lt": "paskelbta|publikuota|data",
        "pl": "opublikowano|data publikacji|ogłoszenie konkursu",
        "cs": "publikováno|zveřejněno",
        "sk": "publikované|zverejnené",
        "de": "veröffentlicht|meldung|stand",
        "fr": "publié",
        "es": "publicado",
        "it": "pubblicato",
        "pt": "publicado",
        "ro": "publicat|articol editat|editat",
        "nl": "gepubliceerd",
        "hu": "közzétéve|megjelent",
        "bg": "публикувано",
        "nn": "publisert",
        "is": "birt|birtist|útgáfudagur",
        "sl": "objavljeno|datum objave",
        "hr": "objavljeno|datum objave",
        "bs": "objavljeno|datum objave",
        "sr": "objavljeno|datum objave|објављено|датум објаве",
        "mk": "објавено|датум на објава",
        "uk": "опубліковано|дата публікації",
        "el": "δημοσιεύθηκε|ημερομηνία δημοσίευσης|δημοσίευση",
        "tr": "yayınlanma tarihi|yayın tarihi|yayınlandı",
        "sq": "publikuar|publikuar më",
        "ca": "publicat|data de publicació",
        "eu": "argitaratua|argitaratze data",
        "gl": "publicado|data de publicación",
        "ga": "foilsithe|foilsíodh",
        "mt": "ippubblikat|data tal-pubblikazzjoni",
    },
    "updated": {  # a stand-in for the publication date when a page gives no other
        "en": "updated|last updated|last modified",
        "nb": "sist oppdatert|sist endret|oppdatert",
        "nn": "sist oppdatert|sist endra",
        "da": "opdateret|senest opdateret",
        "sv": "uppdaterad|granskad|granskat",
        "fi": "päivitetty",
        "et": "uuendatud",
        "lv": "atjaunināts",
        "lt": "atnaujinta",
        "pl": "aktualizacja|zaktualizowano",
        "cs": "aktualizováno",
        "sk": "aktualizované",
        "de": "aktualisiert|zuletzt geändert",
        "fr": "mis à jour",
        "es": "actualizado",
        "it": "aggiornato|registrata|registrato",
        "pt": "atualizado|retificado|retificada",
        "ro": "actualizat|actualizare",
        "nl": "bijgewerkt",
        "hu": "frissítve|módosítás|módosítva",
        "bg": "актуализирано",
        "is": "uppfært",
        "sl": "posodobljeno",
        "hr": "ažurirano",
        "bs": "ažurirano",
        "sr": "ažurirano|ажурирано",
        "mk": "ажурирано",
        "uk": "оновлено",
        "el": "ενημερώθηκε|τελευταία ενημέρωση",
        "tr": "güncellendi|güncelleme tarihi|son güncelleme",
        "sq": "përditësuar",
        "ca": "actualitzat",
        "eu": "eguneratua",
        "gl": "actualizado",
        "ga": "nuashonraithe",
        "mt": "aġġornat",
    },
    "registration": {
        "en": "register by|registration|sign up by",
        "nb": "påmeldingsfrist|påmelding",
        "da": "tilmeldingsfrist|tilmelding",
        "sv": "anmälan|sista anmälningsdag",
        "fi": "ilmoittautuminen",
        "et": "registreerimine",
        "lv": "reģistrācija",
        "lt": "registracija",
        "pl": "rejestracja|zgłoszenia|zapisy",
        "cs": "registrace",
        "sk": "registrácia",
        "de": "anmeldeschluss|anmeldung",
        "fr": "inscription",
        "es": "inscripción",
        "it": "iscrizione|iscrizioni",
        "pt": "inscrição|inscrições",
        "ro": "înscrieri|înscriere",
        "nl": "aanmelden|inschrijving",
        "hu": "regisztráció",
        "bg": "регистрация",
        "nn": "påmeldingsfrist|påmelding",
        "is": "skráning",
        "sl": "prijave|prijava",
        "hr": "prijave|prijava|registracija",
        "bs": "prijave|prijava",
        "sr": "prijave|prijava|registracija|пријаве|пријава|регистрација",
        "mk": "пријава|регистрација",
        "uk": "реєстрація",
        "el": "εγγραφή|εγγραφές|προεγγραφή",
        "tr": "kayıt",
        "sq": "regjistrimi",
        "ca": "inscripció|inscripcions",
        "eu": "izen-ematea",
        "gl": "inscrición|inscricións",
        "ga": "clárú",
        "mt": "reġistrazzjoni",
    },
    "event": {
        "en": "event date|takes place|will take place|held on|start|first day|when",
        "nb": "arrangeres|finner sted|tid|startdato",
        "da": "afholdes|finder sted|startdato",
        "sv": "äger rum",
        "fi": "järjestetään",
        "et": "toimub",
        "lv": "notiks",
        "lt": "vyks|įvyks|renginio data",
        "pl": "odbędzie się|w dniach|data wydarzenia|termin wydarzenia",
        "cs": "konání|ve dnech|dne",
        "sk": "konania|v dňoch",
        "de": "findet|veranstaltung|vom",
        "fr": "aura lieu|se tiendra",
        "es": "tendrá lugar|se celebrará",
        "it": "si terrà",
        "pt": "realiza|decorre",
        "ro": "va avea loc|data evenimentului|are loc",
        "nl": "vindt plaats",
        "hu": "időpont|helyszín",
        "bg": "ще се проведе",
        "nn": "finn stad",
        "is": "haldin|haldið|fer fram",
        "sl": "bo potekal|bo potekala|poteka",
        "hr": "održat će se|održava se",
        "bs": "održat će se|održava se|odvija se",
        "sr": "održaće se|održava se|одржаће се|одржава се",
        "mk": "ќе се одржи|се одржува",
        "uk": "відбудеться|проходитиме",
        "el": "θα πραγματοποιηθεί|πραγματοποιείται|θα διεξαχθεί",
        "tr": "gerçekleştirilecek|düzenlenecek|tarihinde",
        "sq": "do të mbahet|do të mbahen|mbahet",
        "ca": "tindrà lloc|se celebrarà",
        "eu": "egingo da",
        "gl": "terá lugar|celebrarase",
        "ga": "ar siúl",
        "mt": "se jsir|se ssir",
    },
    # a date named only as a date ("Data:", "Datum"): the page's own for a publication,
    # the event's for an event
    "date": {
        "en": "date",
        "nb": "dato",
        "da": "dato",
        "sv": "datum",
        "fi": "päivämäärä",
        "et": "kuupäev",
        "lv": "datums",
        "de": "datum",
        "fr": "date",
        "es": "fecha",
        "it": "data",
        "pt": "data",
        "nl": "datum",
        "bg": "дата",
        "nn": "dato",
        "is": "dagsetning",
        "sl": "datum",
        "hr": "datum",
        "bs": "datum",
        "sr": "datum|датум",
        "mk": "датум",
        "uk": "дата",
        "el": "ημερομηνία",
        "sq": "data",
        "ca": "data",
        "eu": "data",
        "gl": "data",
        "ga": "dáta",
        "mt": "data",
    },
    "end": {
        "en": "end|end date|last day",
        "nb": "slutt|sluttdato|avsluttes",
        "da": "slut|slutdato",
        "sv": "slutdatum",
        "de": "ende|enddatum",
        "fr": "fin|date de fin",
        "lt": "pabaigos data",
        "ca": "data de finalització",
        "gl": "data de remate",
        "tr": "bitiş",
    },
}

# Words that make a date a window's opening or closing, read by the engine beside
# LABELS: the verbs of a window told in one sentence ("se abre el 3 de marzo y se cierra el 5 de junio",
# "začíná 3. března a končí 5. června", "március 3-án kezdődik ... június 5-én zárul");
# and the nouns of a window's two ends ("Inicio del plazo:", "Fin del plazo:"). The
# generic extractor reads LABELS alone.
PROSE_LABELS: dict[str, dict[str, str]] = {
    "opens": {
        "en": "opened|opened on|was opened|has opened|launched|launches|launch|start of applications|applications open|from|starting|starts|will start|becomes available|available from|accepted from",
        "nb": "åpnet|ble åpnet|starter|begynner|fra",
        "da": "åbnede|blev åbnet|starter|begynder|fra",
        "sv": "öppnade|öppnades|har öppnat|startar|börjar",
        "fi": "avautui|avattiin|aukesi|avataan",
        "et": "algus|avati|avanes|algas|avaneb|avatakse",
        "lv": "sākums|atvērts|tika atvērts|sākās|sāksies|atveras",
        "lt": "prasidėjo|atidarytas|buvo atidarytas|prasideda|prasidės|pradedama",
        "pl": "początek|rozpoczął się|rozpoczęła się|ruszył|ruszyła|rozpocznie się|rozpoczyna się|rusza|ruszy|startuje|wystartuje|otwarcie",
        "cs": "zahájení|zahájení příjmu|začátek|byla otevřena|byl otevřen|začal|začala|začíná|začne|otevírá|otevírá se|otevřen|otevřena|zahájen|zahájena",
        "sk": "začiatok|bolo otvorené|otvorené|bola otvorená|bol otvorený|začala|začal|začína|začne|otvára|otvára sa|otvorená|otvorený",
        "de": "wurde eröffnet|startete|begann|öffnete|start der|beginn der|antragsstart|öffnet|startet am|beginnt am",
        "fr": "s'est ouvert|a ouvert|a été ouvert|a débuté|a commencé|ouvre|ouvrira|s'ouvre|s'ouvrira|débute|débutera|commence|commencera|à compter du|dès le",
        "es": "inicio del plazo|apertura del plazo|inicio|se abrió|abrió|se inició|comenzó|se abre|se abrirá|abre|abrirá|empieza|empezará|se inicia|se iniciará",
        "it": "inizio|è stato aperto|è stata aperta|si è aperto|si è aperta|apre|aprirà|si apre|si aprirà|inizia|inizierà|si aprono|a decorrere dal",
        "pt": "início do prazo|início|abriu|abriram|começou|iniciou-se|abre|abrem|abrirá|abrirão|começa|começam|começará|inicia-se",
        "ro": "data de început|început|s-a deschis|a fost deschis|a fost deschisă|a început|data deschiderii|data de deschidere|se deschide|se va deschide|se deschid|începând cu|incepand cu|se deschide pe",
        "nl": "openstelling|opening|ging open|is geopend|opende|begon|gaat open|begint|start",
        "hu": "nyílt meg|megnyílt|indult|kezdődött|kezdődik|indul|megnyílik|nyílik",
        "bg": "начало на|начало|беше открита|беше открит|започна|стартира|започва|ще започне|открива|отваря",
        "is": "hefst",
        "sl": "se je odprl|se je odprla|je bil odprt|odpre|se odpre|začne|se začne|odprt|odprta",
        "hr": "otvoren|otvorena|je otvoren|započeo je|počeo je|otvara|otvara se|otvorit će se|počinje|započinje",
        "bs": "otvara|otvara se|počinje|započinje",
        "sr": "otvara|otvara se|počinje|započinje|отвара|отвара се|почиње",
        "mk": "започнува|се отвора",
        "uk": "відкривається|розпочинається",
        "el": "άνοιξε|ξεκίνησε|ξεκινά|ξεκινάει|αρχίζει|ανοίγει|θα ανοίξει|θα ξεκινήσει",
        "tr": "başlayacak|başlar|açılacak",
        "sq": "fillon",
        "ca": "s'obre|obre|comença",
    },
    "deadline": {
        "en": "by|no later than|not later than|received by|ends|will end|will close|last day to apply",
        "nb": "stenger|stenges|lukkes|utløper",
        "da": "lukker|lukkes|slutter|udløber",
        "sv": "stänger|stängs|slutar|löper ut",
        "fi": "päättyy|sulkeutuu|suljetaan",
        "et": "sulgub|suletakse|lõpeb|lõppeb",
        "lv": "noslēgsies|slēgsies|beidzas|beigsies|noslēdzas",
        "lt": "baigiasi|baigsis",
        "pl": "potrwa do|kończy się|zakończy się|upływa",
        "cs": "uzavře se|uzavře|končí|skončí|uzavírá|uzavírá se",
        "sk": "uzavrie sa|uzavrie|končí|skončí|uzatvára|uzatvára sa",
        "de": "schließt|läuft bis",
        "fr": "se termine|se terminera|ferme|fermera|prend fin|prendra fin|se clôture|se clôturera",
        "es": "se cierra|se cerrará|cierra|cerrará|termina|terminará|concluye|concluirá",
        "it": "chiude|chiuderà|si chiude|si chiuderà|termina|terminerà|scade|scadrà",
        "pt": "encerra|encerram|encerrará|encerrarão|termina|terminam|terminará|fecha|fecham",
        "ro": "se închide|se va închide|se încheie|se va încheia|se inchide|se incheie",
        "nl": "sluit op|eindigt|loopt tot",
        "hu": "zárul|lezárul|véget ér",
        "bg": "ще бъде затворена|ще бъде затворен|затваря се|приключва|ще приключи|изтича|затваря",
        "is": "lokar|lýkur",
        "sl": "zapre|se zapre|zaključi|se zaključi|konča|se konča|traja do",
        "hr": "zatvara|zatvara se|zatvorit će se|završava|završava se|ističe|traje do",
        "bs": "zatvara|zatvara se|završava|završava se|ističe|traje do",
        "sr": "zatvara|zatvara se|završava|ističe|traje do|затвара|завршава|истиче",
        "mk": "завршува|се затвора|истекува",
        "uk": "завершується|закінчується|триває до",
        "el": "λήγει|θα λήξει|κλείνει|ολοκληρώνεται",
        "tr": "sona erecek|sona erer|kapanacak",
        "sq": "mbyllet",
        "ca": "tanca|es tanca|finalitza",
    },
    "end": {  # the closing end of a window named by a noun ("Fin del plazo:", "koniec naboru")
        "cs": "ukončení|konec",
        "sk": "koniec",
        "pl": "koniec",
        "es": "fin del plazo|fin",
        "pt": "fim do prazo|fim",
        "it": "fine",
        "et": "lõpp",
        "lv": "beigas",
        "ro": "data de final|final|sfârșit",
        "nl": "sluiting",
        "bg": "край на|край",
    },
}

# Deadline labels that name the date itself on an event's page ("Termin: 3 czerwca,
# zgłoszenia do 20 maja"): a call's deadline, an event's date.
TERMS = {"pl": "termin", "cs": "termín", "sk": "termín"}

# Words saying a deadline was moved; the date after them is the one that holds.
# Plain word starts: "förläng" covers "förlängd" and "förlängts".
EXTENSION = (
    "extended|postponed|prolonged|new deadline|changed|moved|forlenget|forlengt|utsatt|utsett"
    "|flytt|ny frist"
    "|forlænget|udskudt|förläng|jatket|pikendat|pagarināt|pratęs|wydłuż|przedłuż"
    "|zmiana terminu|nowy termin|prodlouž|prodluž|predĺž|verlängert|neue frist|prolongé"
    "|reporté|prorrogad|ampliado|prorogat|prelungi|verlengd|meghosszabbít|удълж|framlengd"
    "|podaljš|produž|produlj|продуж|продолж|продовж|подовж|παράταση|παρατείν|uzatıl"
    "|zgjat|prorrogat|ampliat|luzatu|síneadh|estiż"
)
# Hungarian spells a month's day as an ordinal in a case: "október harmadikán" (on
# the 3rd), "március elseje" (the 1st); the stem of each ordinal, by day.
_HU_UNITS = {
    1: "egyedik",
    2: "kettedik",
    3: "harmadik",
    4: "negyedik",
    5: "ötödik",
    6: "hatodik",
    7: "hetedik",
    8: "nyolcadik",
    9: "kilencedik",
}
HUNGARIAN_DAY_ORDINALS: dict[str, int] = {
    "elsej": 1,
    "második": 2,
    **{stem: day for day, stem in _HU_UNITS.items() if day > 2},
    "tizedik": 10,
    **{f"tizen{stem}": 10 + day for day, stem in _HU_UNITS.items()},
    "huszadik": 20,
    **{f"huszon{stem}": 20 + day for day, stem in _HU_UNITS.items()},
    "harmincadik": 30,
    "harmincegyedik": 31,
}

# Words marking the date after them as one that no longer holds ("previously 10 May").
SUPERSEDED = (
    "previously|originally|original deadline|as opposed to|instead of|initially|formerly"
    "|ursprüngliche|ursprünglichen|date initiale|plazo original|prazo original|scadenza originale"
    "|oorspronkelijke|tidligere|opprinnelig"
    "|oprindeligt|buvo|tidigare|ursprungligen|aiemmin|varem|iepriekš|anksčiau|poprzednio"
    "|wcześniej|pierwotnie|původně|pôvodne|ursprünglich|bisher|initialement|au lieu du"
    "|anteriormente|inicialmente|precedentemente|inițial|anterior|oorspronkelijk|eredetileg"
    "|първоначално|upphaflega|prvotno|namesto|prvobitno|umjesto|umesto|првобитно"
    "|првично|раніше|замість|αρχικά|önceden|fillimisht|inicialment|en lloc de"
    "|no canto de|oriġinarjament"
)

# Gazettes whose issue date a text cites beside its own ("Bundesanzeiger vom 2.9.2026").
CITED = (
    "bundesanzeiger|banz|amtsblatt|official journal|journal officiel|diario oficial"
    "|boletín oficial|gazzetta ufficiale|dziennik urzędowy|dziennik ustaw|monitorul oficial"
    "|staatscourant|diário da república|lovtidend|författningssamling"
)

# Connectors that make two dates one range; "and" words only join adjacent days.
RANGE_WORDS = (
    "-|–|—|to|til|till|until|through|bis|bis zum|do|iki|kuni|līdz|au|al|à|a|hasta el|"
    "até|ao|până la|până pe|la|tot|tot en met|t/m|до|– до|til og með|fins al|fins a"
    "|fins el|ata o|ata|deri|deri më|deri në|έως|μέχρι|ως|по|go dtí|go|sa|sal-|sat-|sas-|ile|tik|etik|až"
    "|până în"
)
AND_WORDS = "and|&|+|/|og|och|i|und|et|y|e|ir|și|şi|en|és|a|ja|un|и|,|in|ve|και|dhe|agus|u|eta|і|та|й"
# "between 4 and 6 March" is a range, where "4 and 6 March" is two days.
BETWEEN = (
    "between|mellom|mellem|mellan|välillä|vahel|starp|tarp|między|mezi|medzi|zwischen|entre"
    "|tra|între|tussen|között|közötti|между|milli|med|između|између|помеѓу|меѓу|між|μεταξύ|ndërmjet"
    "|midis|idir|bejn"
)
# Words between the months of a span of months ("aprilie – decembrie 2027").
MONTH_SPAN = (
    "-|–|—|to|till|until|through|and|til|og|och|bis|und|do|i|iki|ir|au|à|et|a|al|y"
    "|e|până în|și|tot|en|és|до|и|ja|un|kuni|līdz|in|ve|ile|και|έως|dhe|deri|agus|go dtí"
    "|u|sa|eta|fins a|ata|і|та|по|až"
)
# Words that may stand between a range's dates without changing it (weekdays too).
FILLERS = (
    "r\\.|roku|m\\.|g\\.|г\\.|год\\.|den|d\\.|kl\\.|the|le|el|il|de|del|dal|dem|"
    "of|on|am|w|we|v|ve|dnia|dne|dňa|godine|godina|године|року|р\\.|година|έτους|yılı"
    "|tarihinde|dia|día|dana|дана|dagana|më|ta['’]|tal-|tas-|tat-|il-|an|o"
)

# Words after or before a yearless date that put it ahead of the reference
# ("le 14 octobre prochain", "next 5 May").
FUTURE_AFTER = "prochain|prochaine|próximo|próxima|prossimo|prossima|que vem|next|n.k.|næstkomandi"
FUTURE_BEFORE = (
    "next|coming|upcoming|nächsten|kommenden|kommende|førstkommende|kommande"
    "|aanstaande|komende|prochain|próximo|prossimo|najbliższy|najbliższą|nadchodzący"
)

# Words before a weekday ("this Saturday", "ove subote", "prihodnjo sredo") or after it
# ("mercredi prochain") that name the first such day after the reference.
WEEKDAY_AHEAD_BEFORE = {
    "en": "this|next|coming|this coming",
    "de": "diesen|diesem|nächsten|nächster|kommenden|am kommenden",
    "nl": "deze|komende|aanstaande|volgende",
    "da": "på|næste|kommende|førstkommende",
    "nb": "på|neste|kommende|førstkommende",
    "sv": "på|nästa|kommande",
    "fr": "ce",
    "es": "este|el próximo|próximo|esta",
    "it": "questo|questa|il prossimo",
    "pt": "neste|nesta|no próximo|próximo|próxima",
    "pl": "w ten|w tę|w najbliższy|w najbliższą|w przyszły|w przyszłą|najbliższy|najbliższą",
    "cs": "tento|tuto|příští",
    "sk": "tento|túto|budúci|budúcu",
    "sl": "to|ta|v|prihodnji|prihodnjo|naslednji|naslednjo",
    "hr": "ove|ovu|ovaj|ovog|sljedeći|sljedeću|sljedeće|iduće|iduću|idući|u",
    "bs": "ove|ovu|ovaj|sljedeći|sljedeću|sljedeće|iduće|iduću|idući|u",
    "sr": "ove|ovu|ovaj|sledeći|sledeće|sledeću|naredni|narednu|ове|ову|овај|следећи|следеће",
}
WEEKDAY_AHEAD_AFTER = "prochain|prochaine|próximo|próxima|prossimo|prossima|que vem|next"

# Days named from the day a page was written ("today", "the day after tomorrow")
# are CLDR's (cldr.relative_days); here only the forms CLDR lacks (case forms,
# "astăzi"), and the CLDR words that are more often something else: "morgen" is
# also "morning", and a lower-cased text cannot tell "Morgen" from "morgen".
RELATIVE_DAYS_CLDR_LACKS: dict[str, dict[str, int]] = {
    "lv": {"šodienas": 0},
    "ro": {"astăzi": 0},
    "sl": {"jutrišnji": 1},
}
RELATIVE_DAYS_NOT = {"de": {"morgen"}}

# Words for "this year" standing in for the year (Polish "br." = bieżącego roku).
THIS_YEAR = (
    "br\\.|b\\.r\\.|bieżącego roku|this year|dette år|i år|tego roku|šių metų|t\\.m\\."
    "|š\\. m\\.|ove godine|ове године|letos|цього року|φέτος|bu yıl|këtë vit|í ár|enguany"
    "|aurten|este ano|i mbliana|din is-sena|оваа година"
)

RECURRENCE_YEARLY = (
    "hvert år|kvart år|hvert eneste år|årlig|every year|each year|annually|yearly"
    "|varje år|joka vuosi|igal aastal|katru gadu|kasmet|kiekvienais metais"
    "|co roku|corocznie|każdego roku|každý rok|každoročně|každoročne|jedes jahr|jährlich"
    "|chaque année|cada año|ogni anno|todos os anos|în fiecare an|anual"
    "|elk jaar|jaarlijks|minden évben|всяка година|ежегодно|svake godine"
    "|сваке године|vsako leto|щороку|кожного року|κάθε χρόνο|her yıl|çdo vit"
    "|á hverju ári|árlega|cada any|urtero|cada ano|gach bliain|kull sena"
    "|секоја година"
)

# Parts of a month: name → (first day, last day or 0 = month's end). "end" ("by
# the end of June") is no window but the month's exact last day.
PARTS = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, 0),
    "end": (0, 0),
    "first": (1, 15),
    "second": (16, 0),
}
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
# Between a part and its season: "au début du printemps", "a principios de la primavera".
SEASON_ARTICLES = "du|de la|la|de|del|della|dello|dell'|des|of the|of|het|van het"
# A month named as a month ("under september månad", "au mois de mai", "syyskuussa" =
# in September): an approximate date, when the text gives no other.
MONTH_NAMED_BEFORE = (
    "month of|the month of|im monat|monat|au mois de|mois de|en el mes de|el mes de"
    "|mes de|no mês de|mês de|nel mese di|mese di|în luna|luna|w miesiącu"
    "|v měsíci|v mesiaci|u mjesecu|u mesecu|v mesecu|in de maand|de maand"
    "|i månaden|måneden|i måneden|el mes d'|al mes de"
    # "during the month of": "v průběhu měsíce května", "im Laufe des Monats Mai"
    "|in the course of|during the month of|v průběhu měsíce|během měsíce|v průběhu|během"
    "|v priebehu mesiaca|počas mesiaca|v priebehu|počas|w ciągu|w trakcie|w ciągu miesiąca"
    "|im laufe des monats|im laufe des|au cours du mois de|au cours du mois d'|courant"
    "|nel corso del mese di|nel corso di|durante el mes de|en el transcurso de|durante o mês de"
    "|în cursul lunii|în decursul lunii|tijdens de maand|in de loop van|i løpet av|i løbet af"
    "|under loppet av|tijekom|tokom|tijekom mjeseca|v teku|в течение на|κατά τη διάρκεια του"
)
# A year named as the time of something ("v letu 2019", "im Jahr 2027", "vuonna 2027"):
# the whole year, approximate, when the text gives no other date.
YEAR_NAMED_BEFORE = (
    "in the year|during the year|im jahr|im jahre|im laufe des jahres|en el año|durante el año"
    "|nell'anno|nel corso del|no ano de|no ano|durante o ano de|en l'année|au cours de l'année"
    "|dans l'année|in het jaar|in de loop van|în anul|în cursul anului|w roku|v roce|v průběhu roku"
    "|během roku|v roku|v priebehu roka|počas roka|v letu|u godini|tijekom|tokom|през"
    "|κατά το έτος|το έτος|vuonna|i løpet av|i løbet af|under år|under året|ano de"
)
YEAR_NAMED_AFTER = "aastal|aasta jooksul|gadā|gada laikā|metais|m.|-ben|-ban|yılında|urtean"
# "in September", "im September", "w maju", "u svibnju": a month as the time of something,
# by language (in English "a march" is no month, in Italian "a marzo" is).
IN_MONTH = {
    "en": "in|during",
    "de": "im|in",
    "fr": "en",
    "es": "en",
    "ca": "el|al",
    "gl": "en",
    "it": "a|in",
    "pt": "em",
    "nl": "in",
    "da": "i",
    "nb": "i",
    "nn": "i",
    "sv": "i|under",
    "is": "í",
    "pl": "w|we",
    "cs": "v|ve",
    "sk": "v|vo",
    "sl": "v",
    "hr": "u",
    "bs": "u",
    "sr": "u|у",
    "ro": "în",
    "bg": "през",
    "mk": "во",
    "uk": "у|в",
    "el": "τον",
    "sq": "në",
    "mt": "f'|fi",
}
MONTH_NAMED_AFTER = "månad|månaden|måned|måneden|mėnesį|mėn.|mēnesī|mēnesis|hónapban|ayında|kuun aikana"
# Finnish and Estonian write "in September" as one word, the month's inessive case:
# its ending, as the grammar finds it after a month ("syyskuussa", "septembris")
MONTH_INESSIVE = {"fi": "kuussa", "et": "is"}

# Words for a week of the year ("uge 24-26", "KW 14", "14. Kalenderwoche"); English's everywhere.
WEEK_WORDS = {
    "en": "week|weeks",
    "da": "uge|ugerne",
    "nb": "uke|ukene|veke",
    "nn": "veke|vekene|uke",
    "sv": "vecka|veckorna|v.",
    "de": "kw|kalenderwoche|woche",
    "nl": "week|weken|wk",
    "fi": "viikko|viikolla|viikoilla|vk",
    "et": "nädal",
    "is": "vika|viku",
}
# "ab KW 14", "from week 24": the week opens a span that runs on, so only its Monday is meant.
FROM_WORDS = "from|starting|ab|fra|fra og med|från|från och med|vanaf|alkaen|frá"

# A span given as a length after its first day: "29 października i potrwa dwa dni",
# "a partir del dia 22 de febrer ... i tindrà una durada de 15 dies".
DURATION_WORDS = (
    "lasts|will last|lasting|runs for|open for|a duration of|durada de|una durada de"
    "|duración de|una duración de|durará|dura|durée de|dure|durera|dauert|dauer von"
    "|varer|varar|pågår i|kestää|potrwa|trwa|trvá|potrvá|traje|trajat će|duurt"
    "|durata di|durerà|duração de|terá a duração de|durează|va dura"
)
DAY_UNITS = (
    "days|day|tage|tagen|jours|jour|días|dias|giorni|dies|dagen|dage|dager|dagar|päivää"
    "|dni|dny|dní|dana|dnevi|zile|zi"
)
NUMBER_WORDS = {
    2: "two|zwei|deux|dos|due|dois|dues|twee|to|två|kaksi|dwa|dwóch|dva|dvije|dvi|doua|două",
    3: "three|drei|trois|tres|tre|três|drie|tri|kolme|trzy|tři|trei",
    4: "four|vier|quatre|cuatro|quattro|quatro|fire|fyra|neljä|cztery|čtyři|četiri|patru",
    5: "five|fünf|cinq|cinco|cinque|vijf|fem|viisi|pięć|pět|pet|cinci",
}

# What after a number makes it an amount, a share or a score, not a day and month
# ("18-24.7 euroa", "2/3 of the budget", "12.5 %", "1/2 av", "24/7 service").
AMOUNT_AFTER = (
    "%|‰|€|$|£|eur|euro|euros|euroa|eurot|eura|eurų|evra|евро|ευρώ|mln|mio|milj|miljoonaa|million"
    "|millions|millones|milioni|milionów|miliony|milionu|milijuna|milijonov|milhões|miliárd|mrd|mld"
    "|bn|billion|tys|tis|kr|kroner|kronor|kn|zł|złotych|kč|czk|ft|huf|lei|ron|лв|sek|nok|dkk|pln"
    "|km|kg|m|m2|m²|cm|mm|ha|l|t|x|pct|procent|prosent|prozent|percent|per cent|por ciento"
    "|pour cent|of|av|af|van|der|des|du|della|delle|dei|de|del|dos|das|z|ze|из|от|points|pts"
    "|service|support|palvelu|päivystys|dienst"
)
# Days written without their month, which is the page's: "Día 17.", "il giorno 5",
# "(dal 26 al 28)", "du 3 au 5", "vom 12. bis 14."; Slavic and Baltic pages mark
# such days with an ordinal dot ("od 12. do 14."), where "od 8 do 16" are hours.
DAY_WORDS = "día|dia|el día|o dia|giorno|il giorno|ziua|dnia|dne|dňa|dana"
DAYS_FROM = "dal|del|du|vom|dels dies|del dia|from the"
DAYS_TO = "al|au|bis|bis zum|als|al dia|to the|until the"
DOTTED_DAYS_FROM = "od|von|fra|från|no|nuo|ot|от"
DOTTED_DAYS_TO = "do|bis|til|till|līdz|iki|až|до|-|–"
# Quarters: "Q3 2025", "Quatrième trimestre 2014", "im dritten Quartal 2026", "3. Quartal 2026".
QUARTER_WORDS = (
    "quarter|trimestre|quartal|kwartaal|kvartal|kvartalet|kwartał|kwartale|kwartału"
    "|čtvrtletí|štvrťrok|negyedév|negyedévben|tromjesečje|tromesečje"
)
QUARTER_ORDINALS = {
    1: "first|premier|primer|primero|primeiro|primo|erstes|ersten|erste|eerste|første|första"
    "|pierwszy|pierwszym|i",
    2: "second|deuxième|segundo|secondo|zweites|zweiten|zweite|tweede|andet|andre|andra|drugi|drugim|ii",
    3: "third|troisième|tercer|tercero|terceiro|terzo|drittes|dritten|dritte|derde|tredje|trzeci|trzecim|iii",
    4: "fourth|quatrième|cuarto|quarto|viertes|vierten|vierte|vierde|fjerde|fjärde|czwarty|czwartym|iv",
}
QUARTER_MONTHS = 3

# Noon as a word: "à midi", "a mezzogiorno", "w południe", "u podne".
NOON = (
    "noon|midday|midi|mediodía|mezzogiorno|meio-dia|mittags|południe|poledne|podne|opoldne"
    "|amiază|keskipäivällä"
)

# Time markers written before a time ("kl. 15:00") and after an hour ("12 val."), as plain words.
TIME_BEFORE = (
    "at|by|from|kl.|kl|klokken|klokka|klockan|klo|kello|kell|plkst.|plkst|godz.|godz|godziny|"
    "godzina|o godz.|um|à|a las|alle|alle ore|ore|às|ora|la ora|om|в|о|u|у|ob|saat|ώρα"
    "|και ώρα|στις|në orën|në ora|a les|les|ás|as|во|fis-"
    "|von|dalle|fra|från|van|od|de la|desde las|de las|pulksten|no pulksten|godzinie|o godzinie"
)
# Markers too common as plain words to make a bare number an hour ("at 5 partners").
WEAK_TIME_MARKERS = {
    "at",
    "by",
    "from",
    "à",
    "a las",
    "alle",
    "ore",
    "às",
    "om",
    "в",
    "о",
    "u",
    "у",
    "στις",
    "les",
    "ás",
    "as",
    "во",
    "von",
    "dalle",
    "fra",
    "från",
    "van",
    "od",
    "de la",
    "desde las",
    "de las",
}
TIME_AFTER = (
    "val.|val|valandą|uhr|uur|u.|u|h|óra|órakor|ч.|ч|hod.|hod|hodin|hodín|tundi|horas|heures"
    "|noon|sati|sat|časova|časa|часова|часа|часот|uri|ura|ure|hores|ώρα|ωρα"
)
# Words between the two times of a time range ("10:00 bis 16:00", "dalle 10 alle 12").
TIME_RANGE = (
    "-|–|—|to|til|till|until|bis|do|iki|à|a|alle|al|a las|às|até|tot|kuni|līdz|до"
    "|and|og|och|und|et|y|e|és|ir|i|și|ja|un|en|и|deri|έως|ως|fins a|fins les|ata"
    "|ata as|ile|in|ve|dhe|και|až"
)
