"""Topic tags by multilingual keyword rules, for filtering feeds.

Rules match word beginnings in the title, summary and the page's own tags,
after folding case and accents (``énergie`` → ``energie``, ``żywność`` →
``zywnosc``), so one stem serves many languages. A topic is either a sector
(what the thing is about) or a format (what kind of thing it is).
"""

from __future__ import annotations

import re
import unicodedata

SECTORS = {
    "energy": [
        "energ",
        "hydrogen",
        "wasserstoff",
        "vodik",
        "wodor",
        "vandenil",
        "hidrogen",
        "solar",
        "photovolt",
        "fotowolt",
        "wind power",
        "wind energy",
        "offshore wind",
        "vindkraft",
        "windkraft",
        "windenergie",
        "batter",
        "renewable",
        "fornybar",
        "odnawial",
        "atsinaujin",
        "regenerativ",
    ],
    "health": [
        "health",
        "helse",
        "sundhed",
        "halsa",
        "gesundheit",
        "sante",
        "zdrow",
        "sveikat",
        "sanat",
        "salud",
        "salute",
        "medic",
        "medtech",
        "pharma",
        "farmac",
        "biotech",
        "life science",
        "hospital",
        "sykehus",
        "szpital",
    ],
    "digital": [
        "digital",
        "cyfrow",
        "skaitmen",
        "ict",
        "software",
        "artificial intelligence",
        "ai",
        "kunstig intelligens",
        "sztuczn",
        "dirbtin",
        "data",
        "cyber",
        "iot",
        "industry 4.0",
        "industrie 4.0",
        "blockchain",
        "semiconduct",
        "quantum",
    ],
    "food": [
        "food",
        "mat",
        "fodevar",
        "livsmedel",
        "lebensmittel",
        "aliment",
        "zywnos",
        "maisto",
        "agri",
        "landbruk",
        "rolnic",
        "zemes uk",
        "agro",
        "farming",
        "farmer",
        "fish",
        "fisk",
        "aquacult",
        "havbruk",
        "seafood",
        "sjomat",
        "wine",
    ],
    "green": [
        "green",
        "gronn",
        "gron",
        "grun",
        "zielon",
        "zali",
        "verde",
        "vert",
        "circular",
        "sirkul",
        "kreislauf",
        "cyrkular",
        "zied",
        "climate",
        "klima",
        "climat",
        "environment",
        "miljo",
        "umwelt",
        "srodowisk",
        "aplink",
        "mediu",
        "sustainab",
        "baerekraft",
        "barekraft",
        "nachhaltig",
        "zrownowaz",
        "tvar",
        "durabil",
        "decarbon",
        "net zero",
        "emission",
        "utslipp",
    ],
    "mobility": [
        "mobility",
        "mobilit",
        "transport",
        "automotive",
        "motoryzac",
        "logistic",
        "logisti",
        "aviation",
        "aerospace",
        "luftfart",
        "rail",
    ],
    "manufacturing": [
        "manufactur",
        "industr",
        "produksjon",
        "produkcj",
        "gamyb",
        "fertigung",
        "advanced materials",
        "material",
        "robot",
        "automation",
        "automatisering",
    ],
    "maritime": [
        "maritim",
        "marine",
        "blue econom",
        "blue growth",
        "ocean",
        "havn",
        "offshore",
        "shipping",
        "ship",
        "morsk",
        "juros",
    ],
    "tourism": ["touris", "turism", "turyst", "reiseliv", "turizm"],
    "construction": [
        "construct",
        "bygg",
        "budownict",
        "statyb",
        "bauwirtschaft",
        "wood",
        "timber",
        "drewn",
        "mediena",
        "lemn",
        "furniture",
        "mobel",
        "mebl",
    ],
    "textile": ["textil", "tekstil", "fashion", "clothing", "odziez"],
    "creative": ["creative industr", "cultural", "kultur", "design", "media", "gaming"],
    "space": ["space", "romfart", "kosm", "satellit"],
}

FORMATS = {
    "matchmaking": [
        "matchmak",
        "b2b",
        "brokerage",
        "partnering",
        "kojarzen",
        "partnerių paiešk",
        "kontaktforum",
        "speed dating",
    ],
    "conference": [
        "conferenc",
        "konferan",
        "konferen",
        "forum",
        "summit",
        "congress",
        "kongres",
        "symposi",
        "konferencij",
        "conferint",
        "tagung",
        "jahreskonferenz",
    ],
    "training": [
        "training",
        "trening",
        "szkolen",
        "mokym",
        "instruire",
        "schulung",
        "workshop",
        "warsztat",
        "seminar",
        "masterclass",
        "academy",
        "akademi",
        "course",
        "kurs",
        "education",
        "utdanning",
        "bootcamp",
    ],
    "webinar": ["webinar", "webinarium", "online event", "digital event", "nettmote", "webinaras"],
    "funding": [
        "funding",
        "finansier",
        "finansowan",
        "finansavim",
        "finantar",
        "grant",
        "tilskudd",
        "tilskud",
        "dotacj",
        "subsid",
        "call for proposal",
        "utlysning",
        "nabor",
        "konkurs",
        "kvietim",
        "apel",
        "ausschreibung",
        "forderaufruf",
        "appel a projets",
        "convocatoria",
        "invest",
        "loan",
        "voucher",
    ],
    "mission": [
        "mission",
        "study visit",
        "study tour",
        "delegation",
        "delegacj",
        "misij",
        "studietur",
        "trade fair",
        "messe",
        "targi",
        "expo",
    ],
    "award": ["award", "prize", "prisutdel", "nagrod", "apdovanoj", "premi", "competition", "contest"],
    "networking": [
        "networking",
        "network",
        "nettverk",
        "sieci",
        "tinkl",
        "retea",
        "netzwerk",
        "community",
        "meetup",
        "clusterforum",
    ],
}


def _pattern(stems: list[str]) -> re.Pattern:
    # Stems match word beginnings; stems of three letters or fewer ("ai", "ict",
    # "b2b", "mat") only whole words, or they would match inside other words.
    return re.compile(
        "|".join(rf"\b{re.escape(stem)}\b" if len(stem) <= 3 else rf"\b{re.escape(stem)}" for stem in stems)
    )


_RULES = [(topic, _pattern(stems)) for table in (SECTORS, FORMATS) for topic, stems in table.items()]


def fold(text: str) -> str:
    """Lower case without accents: ``Żywność ÉNERGIE`` → ``zywnosc energie``."""
    decomposed = unicodedata.normalize(
        "NFKD", text.lower().replace("ł", "l").replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    )
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def topics_of(*texts: str | None) -> list[str]:
    """The sorted topics whose rules match any of the texts."""
    folded = " " + fold(" ".join(t for t in texts if t)) + " "
    return sorted(topic for topic, pattern in _RULES if pattern.search(folded))


class TopicPipeline:
    @classmethod
    def from_crawler(cls, crawler):
        return cls()

    def process_item(self, item: dict) -> dict:
        found = set(topics_of(item.get("title"), item.get("summary"), *(item.get("tags") or [])))
        if item["kind"] == "call":
            found.add("funding")
        item["topics"] = sorted(found)
        return item
