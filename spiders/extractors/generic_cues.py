"""Cue words of running prose, per language: what the words around a date say it
is (an event's day, a call's deadline, an earlier round), who wrote a page
(bylines), and how and where an event is held. The label table of the date
engine (generic_labels) says what a label before a colon means; these are the
words sentences use instead. English cues count in every language, as agencies'
pages mix it in."""

from __future__ import annotations

import re
from functools import cache

# Verbs and phrases that put an event on the date after them.
EVENT_CUES = {
    "en": r"will be held|is held|was held|be held|held|hosts|hosted|host|organi[sz]e[sd]?|organi[sz]ing"
    r"|takes? place|took place|taking place|will meet|meets?|join us|invites? you|kick(?:ed)?[- ]off"
    r"|gather(?:s|ing)?|convenes?",
    "de": r"findet|fand|statt|veranstaltet|lädt|trafen|treffen sich",
    "nb": r"avholdes|arrangeres|finner sted|fant sted|inviterer",
    "nn": r"vert halde|arrangerast",
    "da": r"afholdes|afholdt|finder sted|fandt sted|inviterer",
    "sv": r"äger rum|hålls|arrangeras|bjuder in",
    "pl": r"odbędzie się|odbyło się|odbyła się|odbył się|w dniach|zaprasza\w*|organizuje",
    "lt": r"vyks|įvyks|vyko|kviečia|organizuoja",
    "lv": r"notiks|notika",
    "et": r"toimub|toimus",
    "fi": r"järjestetään|pidetään",
    "ro": r"va avea loc|a avut loc|are loc|organizează|se va desfășura|se desfășoară",
    "fr": r"aura lieu|a eu lieu|se tiendra|organise",
    "es": r"tendrá lugar|se celebrará|organiza",
    "it": r"si terrà|si svolgerà|organizza",
    "nl": r"vindt plaats|organiseert",
    "cs": r"se uskuteční|se koná|ve dnech",
}
# Phrases that make the date right after them a deadline ("must be submitted by
# 15 October"); "submitted by" before a name is a byline, so these must touch the date.
DEADLINE_CUES = {
    "en": r"submitted by|sent by|received by|no later than|not later than|at the latest by|deadline for"
    r"|deadlines?|cut-off dates?|by|before",
    "de": r"spätestens|bis zum|eingereicht bis",
    "nb": r"senest|innen|fristen for å sende inn prosjektsøknader er|fristen \w+ er",
    "da": r"senest|inden",
    "pl": r"do dnia|najpóźniej do|najpóźniej",
    "lt": r"ne vėliau kaip|iki",
    "ro": r"cel târziu|cel mai târziu",
    "fr": r"au plus tard",
    "it": r"entro e non oltre|entro",
    "es": r"a más tardar",
}
# Words after a date that make it a deadline: "présentés le 30 novembre 2007 au plus tard".
DEADLINE_AFTER_CUES = {
    "en": r"at the latest",
    "fr": r"au plus tard|dernier délai",
    "de": r"spätestens",
    "pl": r"najpóźniej|ostatecznie",
    "nb": r"senest",
    "da": r"senest",
    "sv": r"senast",
    "es": r"a más tardar|como máximo",
    "it": r"al più tardi",
    "ro": r"cel târziu|cel mai târziu",
}
# Verbs that say a call opened or opens on the date after them.
OPENS_CUES = {
    "en": r"launched|was launched|has been launched|will be launched|opened|will open|opens",
    "fr": r"lancé|lancée|ouvert|ouverte|s'ouvrira",
    "de": r"gestartet|startet|öffnet|eröffnet",
    "pl": r"ruszył|ruszy|rusza|uruchomiony|ogłoszony|ogłosiła",
    "nb": r"åpnet|åpner|lansert",
    "da": r"åbnet|åbner|lanceret",
    "sv": r"öppnade|öppnar|lanserade",
    "es": r"abierta|se abre|se abrirá|lanzada|lanzó",
    "it": r"aperto|aperta|lanciato|lanciata",
    "ro": r"lansat|lansată|deschis|deschisă",
    "lt": r"paskelbtas|paskelbė|atvertas",
}
# Words that, in a sentence that holds a deadline cue ("by"), make it about applying.
APPLY_WORDS = r"appl|submi|propos|send|sent|receiv|registr|expression|candida"
# Words marking a date as an earlier round's: past tense, "previous", "CLOSED".
PAST_CUES = {
    "en": r"was open|were open|was closed|were closed|(?:has|have|had)(?: been)? closed|(?<!be )closed"
    r"|previous|earlier|former|past call|last year",
    "de": r"war|waren|vorherig\w*|früher\w*|abgeschlossen|geschlossen|beendet|endete",
    "nb": r"tidligere|stengt|avsluttet|utløpt|utgått",
    "da": r"tidligere|lukket|afsluttet",
    "sv": r"tidigare|stängd|avslutad",
    "pl": r"zakończon\w*|zamknięt\w*|poprzedni\w*|wcześniejsz\w*|trwał\w*",
    "lt": r"pasibaig\w*|ankstesn\w*|buvo",
    "ro": r"închis\w*|încheiat\w*|anterior\w*|precedent\w*",
    "fr": r"clôturé\w*|précédent\w*|était ouvert",
    "cs": r"uzavřen\w*|předchozí",
}
# Words that open a byline: the author (any name, or a team) comes next, then the date.
BYLINE_WORDS = {
    "en": r"submitted by|posted by|written by|published by|by",
    "nb": r"skrevet av|publisert av|av",
    "nn": r"skrive av|av",
    "da": r"skrevet af|af",
    "sv": r"skriven av|publicerad av|av",
    "de": r"verfasst von|von",
    "pl": r"dodano przez|dodał\w*|autor\w*|napisał\w*",
    "lt": r"autorius|autorė",
    "ro": r"autor|de",
}
# Words that say an event is held online, as a noun of its own ("webinar") or as
# a word that needs an event noun or a time beside it ("online", "virtual").
ONLINE_EVENTS = (
    r"webinar\w*|webinaire\w*|webinár\w*|vebinar\w*|videoconferenc\w*|video conferenc\w*|videokonferen\w*"
    r"|livestream\w*|live stream\w*|broadcast live|online-(?:veranstaltung|seminar|konferenz|event|meeting|session|workshop|treffen)\w*|nettmøte\w*|nettseminar\w*|onlinemøde\w*"
    r"|digital(?:t|e|en)? (?:event|seminar|meeting|møte|møde|arrangement|veranstaltung|konferenz|session)"
    r"|(?:via|on|in|over|through|using) (?:zoom|ms teams|microsoft teams|teams|webex)|nuotoliniu būdu"
)
ONLINE_WORDS = (
    r"online|on-line|virtual\w*|virtuel\w*|virtuál\w*|wirtualn\w*|zoom|webex|en ligne|in linea"
    r"|internetin\w*|zdaln\w*|hybrid\w*|hybryd\w*"
)
# What an online word may qualify without the event being online: "online application".
NOT_ONLINE = (
    r"applications?|application system|forms?|platform|portal|system|fora|forum pages|registration"
    r"|submission|tool|database|catalogue|shop|survey|questionnaire|wniosek|ansøgning|søknad"
)
EVENT_NOUNS = (
    r"event|meeting|session|conference|seminar|workshop|forum|matchmaking|talks?|info ?day|course"
    r"|training|academy|summit|veranstaltung|konferenz|treffen|tagung|spotkanie|konferencj\w*"
    r"|wydarzeni\w*|renginys|renginio|seminaras|konferencija|møte|arrangement|konference|møde"
    r"|eveniment\w*|întâlnir\w*|conferinț\w*|réunion|événement|evento|reunión|bijeenkomst"
)
# Prepositions before a place, per language; the place itself is written with capitals.
PLACE_PREPOSITIONS = {
    "en": r"in|at",
    "de": r"im|in der|in|auf der|an der",
    "nb": r"i|på",
    "nn": r"i|på",
    "da": r"i|på",
    "sv": r"i|på",
    "pl": r"w|we",
    "lt": r"",
    "ro": r"la|în|in",
    "fr": r"à|au",
    "es": r"en",
    "it": r"a|in|presso",
    "nl": r"in|te",
    "cs": r"v|ve",
}
# Capitalised words after such a preposition that are no place.
NOT_PLACES = (
    r"the|this|that|these|those|our|their|its|his|her|rahmen|vorfeld|anschluss|zuge|namen|auftrag|fokus"
    r"|mittelpunkt|jahr|europe|english|total|addition|order|case|particular|general|response|cooperation"
    r"|collaboration|partnership|line|time|person|brief|detail|short|front|view|connection|charge|january"
    r"|february|march|april|may|june|july|august|september|october|november|december|spring|summer"
    r"|autumn|winter|horizon|april|focus|accordance|relation"
)


@cache
def cue_pattern(table_name: str, language: str) -> re.Pattern[str]:
    """The words of one of the tables above in ``language`` and English, whole words."""
    table = CUE_TABLES[table_name]
    words = "|".join(table[lang] for lang in dict.fromkeys((language, "en")) if table.get(lang))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


CUE_TABLES = {
    "event": EVENT_CUES,
    "deadline": DEADLINE_CUES,
    "deadline after": DEADLINE_AFTER_CUES,
    "opens": OPENS_CUES,
    "past": PAST_CUES,
    "byline": BYLINE_WORDS,
    "place": PLACE_PREPOSITIONS,
}
