"""A window told in prose: the opening and the closing named by verbs in one
sentence, with words between them, in the word order of each language."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.dates import parse_date

REF = date(2026, 3, 2)
OPENS, CLOSES = date(2026, 3, 3), date(2026, 6, 5)


def read(text: str, lang: str, reference: date = REF):
    return parse_date(text, lang, "deadline", reference, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Applications can be sent from 3 March 2026, and the portal stays open until 5 June 2026.", "en"),
        ("The form becomes available on 3 March 2026 and runs until 5 June 2026.", "en"),
        ("Le guichet ouvre le 3 mars 2026 et se termine le 5 juin 2026.", "fr"),
        ("La convocatoria se abre el 3 de marzo de 2026 y se cierra el 5 de junio de 2026.", "es"),
        ("Il bando si apre il 3 marzo 2026 e si chiude il 5 giugno 2026.", "it"),
        ("As inscrições abrem a 3 de março de 2026 e encerram a 5 de junho de 2026.", "pt"),
        ("Sesiunea se deschide pe 3 martie 2026 și se închide pe 5 iunie 2026.", "ro"),
        ("Sběr projektů začíná 3. března 2026 a končí 5. června 2026.", "cs"),
        ("Kolo sa otvára 3. marca 2026 a uzatvára sa 5. júna 2026.", "sk"),
        ("Konkurs rozpocznie się 3 marca 2026 r. i potrwa do 5 czerwca 2026 r.", "pl"),
        ("Natječaj se otvara 3. ožujka 2026. i zatvara 5. lipnja 2026.", "hr"),
        ("Poziv se odpre 3. marca 2026 in se zapre 5. junija 2026.", "sl"),
        ("Кампанията започва на 3 март 2026 г. и приключва на 5 юни 2026 г.", "bg"),
        ("Η πρόσκληση ανοίγει στις 3 Μαρτίου 2026 και λήγει στις 5 Ιουνίου 2026.", "el"),
        ("Voor avaneb 3. märtsil 2026 ja sulgub 5. juunil 2026.", "et"),
        ("Atranka prasideda 2026 m. kovo 3 d. ir baigiasi 2026 m. birželio 5 d.", "lt"),
        ("A jelentkezés 2026. március 3-án kezdődik és 2026. június 5-én zárul.", "hu"),
        ("Runden starter 3. marts 2026 og lukker 5. juni 2026.", "da"),
        ("Utlysningen startar 3 mars 2026 och stänger 5 juni 2026.", "sv"),
    ],
)
def test_an_opening_verb_and_a_closing_verb_make_a_window(text, lang):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (OPENS, CLOSES, None)


def test_an_opening_word_after_its_date_opens_the_window():
    """The date leads its line, the verb that makes it an opening follows it."""
    result = read(
        "April 7th (9am): the online form becomes available, with a fee, until May 2nd (5pm).", "en"
    )
    assert (result.start, result.end) == (datetime(2026, 4, 7, 9), datetime(2026, 5, 2, 17))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kurs för utbytesstudenter 16 oktober webbansökan öppnar 15 januari sista ansökningsdag", "sv"),
        ("Evening course 16 October online form opens 15 January last day to apply", "en"),
    ],
)
def test_a_yearless_opening_is_the_one_before_its_deadline(text, lang):
    """On a page dated only by its year, October's opening is the October before January's close."""
    result = read(text, lang, date(2027, 1, 1))
    assert (result.start, result.end) == (date(2026, 10, 16), date(2027, 1, 15))


def test_an_opening_verb_alone_leaves_the_deadline_alone():
    result = read("Le guichet se termine le 5 juin 2026.", "fr")
    assert (result.start, result.end) == (CLOSES, None)


def test_start_and_end_labels_of_an_event_stay_one_span():
    result = parse_date(
        "Starter: 12.05.2026 09:00 Avsluttes: 12.05.2026 15:30", "nb", "event", REF, "Europe/Oslo"
    )
    assert (result.start, result.end) == (datetime(2026, 5, 12, 9), datetime(2026, 5, 12, 15, 30))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Termín predkladania: od 3. 3. 2026 do 5. 6. 2026", "sk"),
        ("Vloge sprejemamo od 3. 3. 2026 do 5. 6. 2026.", "sl"),
        ("Start der Antragstellung: 3. März 2026. Antragsschluss: 5. Juni 2026.", "de"),
        ("Data deschiderii: 3 martie 2026; Data închiderii: 5 iunie 2026", "ro"),
    ],
)
def test_a_window_of_spaced_numeric_dates_or_labelled_opening(text, lang):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (OPENS, CLOSES, None)


def test_hours_with_ordinal_dots_are_no_days():
    assert parse_date("Otevřeno od 8. do 16. hodin", "cs", "event", REF, "Europe/Prague").error == (
        "no date found"
    )


def test_a_launch_date_and_a_received_by_date_make_a_window():
    result = read("Call launched 3 March 2026. Applications must be received by 5 June 2026.", "en")
    assert (result.start, result.end) == (OPENS, CLOSES)


def test_an_opening_counted_from_the_reference_writes_no_opening():
    result = read("The call launched today will close on 5 June 2026", "en")
    assert (result.start, result.end) == (CLOSES, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The round opened on 3 March 2026 and will close on 5 June 2026.", "en"),
        ("Omgången öppnade 3 mars 2026 och stänger 5 juni 2026.", "sv"),
        ("Runden åpnet 3. mars 2026 og har frist 5. juni 2026.", "nb"),
        ("Puljen åbnede 3. marts 2026 og lukker 5. juni 2026.", "da"),
        ("Haku avautui 3.3.2026 ja päättyy 5.6.2026.", "fi"),
        ("Il bando è stato aperto il 3 marzo 2026 e si chiuderà il 5 giugno 2026.", "it"),
        ("La línea se abrió el 3 de marzo de 2026 y se cerrará el 5 de junio de 2026.", "es"),
        ("O programa abriu a 3 de março de 2026 e fecha a 5 de junho de 2026.", "pt"),
        ("Konkurs rozpoczął się 3 marca 2026 r. i zakończy się 5 czerwca 2026 r.", "pl"),
        ("Kolo bolo otvorené 3. marca 2026 a uzavrie sa 5. júna 2026.", "sk"),
        ("Sesiunea s-a deschis pe 3 martie 2026 și se închide pe 5 iunie 2026.", "ro"),
        ("Konkurss tika atvērts 2026. gada 3. martā un noslēgsies 2026. gada 5. jūnijā.", "lv"),
        ("Atranka prasidėjo 2026 m. kovo 3 d. ir baigsis 2026 m. birželio 5 d.", "lt"),
        ("Voor avati 3. märtsil 2026 ja suletakse 5. juunil 2026.", "et"),
        ("Natječaj je otvoren 3. ožujka 2026. i traje do 5. lipnja 2026.", "hr"),
        ("A felhívás 2026. március 3-án nyílt meg és 2026. június 5-én zárul.", "hu"),
        ("Поканата беше открита на 3 март 2026 г. и ще бъде затворена на 5 юни 2026 г.", "bg"),
        ("Η δράση άνοιξε στις 3 Μαρτίου 2026 και κλείνει στις 5 Ιουνίου 2026.", "el"),
    ],
)
def test_an_opening_told_in_the_past_makes_a_window(text, lang):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (OPENS, CLOSES, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("annoncé le 3 mars 2026, l'appel reste ouvert jusqu'au 5 juin 2026", "fr"),
        ("Výzva bola vyhlásená 3. marca 2026 a uzavrie sa 5. júna 2026.", "sk"),
    ],
)
def test_an_announcement_is_no_opening(text, lang):
    """A call announced on one day may open on another: the deadline stands alone."""
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (CLOSES, None, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Zahájení příjmu žádostí: 3. 3. 2026, ukončení příjmu žádostí: 5. 6. 2026", "cs"),
        ("Začiatok prijímania: 3. 3. 2026, koniec prijímania: 5. 6. 2026", "sk"),
        ("Początek naboru: 3 marca 2026 r., koniec naboru: 5 czerwca 2026 r.", "pl"),
        ("Inicio del plazo: 3 de marzo de 2026. Fin del plazo: 5 de junio de 2026.", "es"),
        ("Início do prazo: 3 de março de 2026 | Fim do prazo: 5 de junho de 2026", "pt"),
        ("Inizio presentazione: 3 marzo 2026 – Fine presentazione: 5 giugno 2026", "it"),
        ("Vooru algus: 03.03.2026, lõpp: 05.06.2026", "et"),
        ("Pieņemšanas sākums: 03.03.2026., beigas: 05.06.2026.", "lv"),
        ("Data de început: 3 martie 2026, data de final: 5 iunie 2026", "ro"),
        ("Openstelling: 3 maart 2026, sluiting: 5 juni 2026", "nl"),
        ("Начало на приема: 03.03.2026 г., край на приема: 05.06.2026 г.", "bg"),
    ],
)
def test_the_nouns_of_a_windows_two_ends(text, lang):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (OPENS, CLOSES, None)


def test_the_nouns_of_two_ends_make_an_events_span():
    result = parse_date(
        "Inicio: 3 de marzo de 2026. Fin: 5 de marzo de 2026.", "es", "event", REF, "Europe/Madrid"
    )
    assert (result.start, result.end) == (date(2026, 3, 3), date(2026, 3, 5))
