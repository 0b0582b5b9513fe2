"""Words for vague dates, one table per language: the part of a month, season or
year a page names ("ultimo maj", "at the beginning of December", "Ende März",
"v druhé polovině března", "mid-September", "rugsėjo viduryje").

Each language's phrases are read only in its own pages (and English's in every
page, as agencies mix it in): "primo maggio" is the first of May in Italian, where
"primo maj" is early May in Danish. The window of each part is in languages.PARTS.
"""

from __future__ import annotations

from functools import cache

# Phrases written before the month, season or year, by part.
BEFORE: dict[str, dict[str, str]] = {
    "en": {
        "early": "early|beginning of|the beginning of|start of|the start of",
        "mid": "mid|mid-|middle of|the middle of",
        "late": "late|end of|the end of",
        "end": "by the end of|until the end of|before the end of",
        "first": "first half of|the first half of",
        "second": "second half of|the second half of",
    },
    "de": {
        "early": "anfang|zu beginn|beginn|anfang des|zu beginn des",
        "mid": "mitte|mitte des",
        "late": "ende|gegen ende|ende des|gegen ende des",
        "end": "bis ende|bis zum ende|bis zum ende des",
        "first": "erste hälfte|ersten hälfte|in der ersten hälfte",
        "second": "zweite hälfte|zweiten hälfte|in der zweiten hälfte",
    },
    "fr": {
        "early": "début|au début de|au début du|début de",
        "mid": "mi-|à la mi-",
        "late": "fin|fin de|à la fin de|à la fin du",
        "end": "jusqu'à la fin|jusqu'à la fin de|avant la fin de",
        "first": "première moitié de|la première moitié de",
        "second": "seconde moitié de|deuxième moitié de|la seconde moitié de|la deuxième moitié de",
    },
    "es": {
        "early": "principios de|a principios de|inicios de|a inicios de|comienzos de|a comienzos de",
        "mid": "mediados de|a mediados de",
        "late": "fin de|finales de|a finales de|fines de|a fines de",
        "end": "hasta finales de|antes de finales de",
        "first": "primera mitad de|la primera mitad de",
        "second": "segunda mitad de|la segunda mitad de",
    },
    "it": {
        "early": "inizio|a inizio|all'inizio di|agli inizi di|inizi di",
        "mid": "metà|a metà|verso metà",
        "late": "fine|a fine|alla fine di|verso fine",
        "end": "entro la fine di|entro fine",
        "first": "prima metà di|nella prima metà di",
        "second": "seconda metà di|nella seconda metà di",
    },
    "pt": {
        "early": "início de|no início de|inícios de|princípios de|no princípio de",
        "mid": "meados de|em meados de",
        "late": "final de|no final de|finais de|fim de|no fim de|a final de|a finais de",
        "end": "até ao final de|até o final de|até ao fim de|até o fim de",
        "first": "primeira metade de|na primeira metade de",
        "second": "segunda metade de|na segunda metade de",
    },
    "ro": {
        "early": "începutul lui|la începutul lui|începutul lunii|la începutul lunii",
        "mid": "mijlocul lui|la mijlocul lui|mijlocul lunii|la mijlocul lunii",
        "late": "sfârșitul lui|la sfârșitul lui|sfârșitul lunii|la sfârșitul lunii|finalul lunii",
        "end": "până la sfârșitul lunii|până la finalul lunii|până la sfârșitul lui",
        "first": "prima jumătate a|în prima jumătate a|prima jumătate a lunii",
        "second": "a doua jumătate a|în a doua jumătate a|a doua jumătate a lunii",
    },
    "nl": {
        "early": "begin|begin van",
        "mid": "half|medio|midden|halverwege",
        "late": "eind|eind van|einde",
        "end": "tot eind|uiterlijk eind|voor eind",
        "first": "eerste helft van|in de eerste helft van",
        "second": "tweede helft van|in de tweede helft van",
    },
    "da": {
        "early": "primo|begyndelsen af|i begyndelsen af|starten af|i starten af",
        "mid": "medio|midten af|i midten af|midt i",
        "late": "ultimo|slutningen af|i slutningen af|slutten af|sidst i",
        "end": "inden udgangen af|senest ved udgangen af",
        "first": "første halvdel af|i første halvdel af",
        "second": "anden halvdel af|i anden halvdel af",
    },
    "nb": {
        "early": "primo|begynnelsen av|i begynnelsen av|starten av|i starten av|tidlig i",
        "mid": "medio|midten av|i midten av|midt i",
        "late": "ultimo|slutten av|i slutten av|utgangen av|sent i",
        "end": "innen utgangen av|innen slutten av",
        "first": "første halvdel av|i første halvdel av",
        "second": "andre halvdel av|i andre halvdel av",
    },
    "nn": {
        "early": "byrjinga av|i byrjinga av|starten av|i starten av",
        "mid": "midten av|i midten av|midt i",
        "late": "slutten av|i slutten av|utgangen av",
        "end": "innan utgangen av|innan slutten av",
    },
    "sv": {
        "early": "början av|i början av|tidigt i|primo",
        "mid": "mitten av|i mitten av|medio",
        "late": "slutet av|i slutet av|sent i|ultimo",
        "end": "senast i slutet av|vid utgången av|senast vid utgången av",
        "first": "första halvan av|under första halvan av",
        "second": "andra halvan av|under andra halvan av",
    },
    "is": {"early": "í byrjun", "mid": "um miðjan", "late": "í lok", "end": "fyrir lok"},
    "pl": {
        "early": "na początku|początek|początkiem",
        "mid": "w połowie|połowa|połową",
        "late": "koniec|na koniec|pod koniec|końcem|z końcem",
        "end": "do końca|najpóźniej do końca",
        "first": "pierwsza połowa|w pierwszej połowie",
        "second": "druga połowa|w drugiej połowie",
    },
    "cs": {
        "early": "začátkem|začátek|na začátku|počátkem",
        "mid": "v polovině|polovina|v půlce|polovinou",
        "late": "koncem|konec|na konci|ke konci",
        "end": "do konce|nejpozději do konce",
        "first": "první polovině|v první polovině|první polovina",
        "second": "druhé polovině|v druhé polovině|druhá polovina",
    },
    "sk": {
        "early": "začiatkom|začiatok|na začiatku",
        "mid": "v polovici|polovica|v polovičke",
        "late": "koncom|koniec|na konci|ku koncu",
        "end": "do konca|najneskôr do konca",
        "first": "prvej polovici|v prvej polovici|prvá polovica",
        "second": "druhej polovici|v druhej polovici|druhá polovica",
    },
    "sl": {
        "early": "v začetku|na začetku|začetek",
        "mid": "sredi|v sredini|sredina",
        "late": "ob koncu|konec|proti koncu",
        "end": "do konca|najkasneje do konca",
        "first": "v prvi polovici|prva polovica",
        "second": "v drugi polovici|druga polovica",
    },
    "hr": {
        "early": "početkom|na početku|početak",
        "mid": "sredinom|polovicom|sredina",
        "late": "krajem|potkraj|na kraju|kraj",
        "end": "do kraja|najkasnije do kraja",
        "first": "u prvoj polovici|prva polovica",
        "second": "u drugoj polovici|druga polovica",
    },
    "bs": {
        "early": "početkom|na početku",
        "mid": "sredinom|polovinom",
        "late": "krajem|potkraj|na kraju",
        "end": "do kraja|najkasnije do kraja",
        "first": "u prvoj polovini",
        "second": "u drugoj polovini",
    },
    "sr": {
        "early": "početkom|na početku|почетком|на почетку",
        "mid": "sredinom|средином",
        "late": "krajem|крајем|na kraju|на крају",
        "end": "do kraja|до краја",
        "first": "u prvoj polovini|у првој половини",
        "second": "u drugoj polovini|у другој половини",
    },
    "bg": {
        "early": "начало на|в началото на|началото на",
        "mid": "средата на|в средата на",
        "late": "края на|в края на|краят на",
        "end": "до края на",
        "first": "първата половина на|през първата половина на",
        "second": "втората половина на|през втората половина на",
    },
    "mk": {
        "early": "на почетокот на|почетокот на",
        "mid": "во средината на|средината на",
        "late": "на крајот на|крајот на",
        "end": "до крајот на",
    },
    "uk": {
        "early": "на початку|початок",
        "mid": "в середині|у середині|середина",
        "late": "наприкінці|в кінці|у кінці",
        "end": "до кінця",
        "first": "у першій половині|в першій половині",
        "second": "у другій половині|в другій половині",
    },
    "el": {
        "early": "στις αρχές|αρχές",
        "mid": "στα μέσα|μέσα",
        "late": "στα τέλη|τέλη|στο τέλος",
        "end": "έως τα τέλη|μέχρι τα τέλη|έως το τέλος|μέχρι το τέλος",
        "first": "το πρώτο μισό|στο πρώτο μισό",
        "second": "το δεύτερο μισό|στο δεύτερο μισό",
    },
    "sq": {
        "early": "në fillim të|fillim të",
        "mid": "në mes të|mes të",
        "late": "në fund të|fund të",
        "end": "deri në fund të",
    },
    "ca": {
        "early": "a principis de|principis de|a inicis de|inicis de",
        "mid": "a mitjan|mitjan|a mitjans de|mitjans de",
        "late": "a finals de|finals de|a final de|final de",
        "end": "fins a finals de|fins a final de",
    },
    "gl": {
        "early": "a comezos de|comezos de|a principios de|principios de",
        "mid": "a mediados de|mediados de",
        "late": "a finais de|finais de|a final de|final de",
        "end": "ata finais de|ata final de",
    },
    "ga": {"early": "go luath i|ag tús", "mid": "i lár", "late": "ag deireadh|go déanach i"},
    "mt": {
        "early": "fil-bidu ta'|fil-bidu ta’",
        "mid": "f'nofs|f’nofs",
        "late": "fl-aħħar ta'|fl-aħħar ta’",
    },
}

# Phrases written after the month or year, by part: Baltic, Finnish, Estonian,
# Hungarian, Turkish and Basque put them there ("rugsėjo viduryje", "március végén").
AFTER: dict[str, dict[str, str]] = {
    "lt": {
        "early": "pradžioje|pradžia",
        "mid": "viduryje|vidurys",
        "late": "pabaigoje|pabaiga",
        "end": "pabaigos",
    },
    "lv": {"early": "sākumā", "mid": "vidū", "late": "beigās", "end": "beigām"},
    "et": {"early": "alguses", "mid": "keskel", "late": "lõpus", "end": "lõpuni"},
    "fi": {
        "early": "alkupuolella|alussa",
        "mid": "puolivälissä",
        "late": "lopussa|lopulla|loppupuolella",
        "end": "loppuun mennessä|loppuun saakka|loppuun asti|loppuun",
    },
    "hu": {"early": "elején", "mid": "közepén|közepe", "late": "végén|vége", "end": "végéig"},
    "tr": {"early": "başında|başı", "mid": "ortasında|ortası", "late": "sonunda|sonu", "end": "sonuna kadar"},
    "eu": {
        "early": "hasieran",
        "mid": "erdialdean|erdian",
        "late": "amaieran|bukaeran",
        "end": "amaiera arte",
    },
}


@cache
def before(lang: str) -> dict[str, str]:
    """Each part's phrases before a month in ``lang`` and English, "|"-separated."""
    return _merged(BEFORE, lang)


@cache
def after(lang: str) -> dict[str, str]:
    """Each part's phrases after a month in ``lang`` (English has none)."""
    return _merged(AFTER, lang)


def _merged(table: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for source in (table.get("en", {}), table.get(lang, {})):
        for part, phrases in source.items():
            parts[part] = f"{parts[part]}|{phrases}" if part in parts else phrases
    return parts
