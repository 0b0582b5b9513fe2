"""Two dates under labels of the wanted kind, where a careful reader still knows
which one the text gives."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2026, 3, 2)


def read(text: str, lang: str, kind: str = "deadline"):
    return parse_date(text, lang, kind, REF, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Abstract Submission Deadline: May 15th, 2026 May 29th, 2026", "en"),
        ("Date limite : 15 mai 2026 29 mai 2026", "fr"),
        ("Einsendeschluss: 15. Mai 2026 29. Mai 2026", "de"),
        ("Scadenza: 15 maggio 2026 29 maggio 2026", "it"),
    ],
)
def test_two_days_side_by_side_under_one_label_give_the_later(text, lang):
    """The page struck the first through and wrote the new one beside it."""
    result = read(text, lang)
    assert (result.start, result.error) == (date(2026, 5, 29), None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Deadline: 15 May 2026. Feedback on each paper is due on 30 June 2026.", "en"),
        ("jusqu'au 15 mai 2026. Les avis du jury seront envoyés avant le 30 juin 2026.", "fr"),
        ("Scadenza: 15 maggio 2026. Gli esiti saranno comunicati entro il 30 giugno 2026.", "it"),
        ("Termin składania: 15 maja 2026 r. Wyniki zostaną ogłoszone do 30 czerwca 2026 r.", "pl"),
        ("Frist: 15. mai 2026. Svar sendes ut senest 30. juni 2026.", "nb"),
    ],
)
def test_the_label_that_opens_the_text_names_its_first_sentences_date(text, lang):
    result = read(text, lang)
    assert (result.start, result.error) == (date(2026, 5, 15), None)


@pytest.mark.parametrize(
    "text",
    [
        "Deadline: 15 May 2026. Second cut-off: 15 September 2026",  # a field each
        "Deadline: 15 January 2026 and 15 May 2026",  # a list of two cut-offs
        "Deadline: 15 May 2026, 29 May 2026",
    ],
)
def test_two_deadlines_a_reader_cannot_tell_apart_stay_ambiguous(text):
    assert read(text, "en").error == "ambiguous: 2 candidate dates"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Ofício n.º 12/26 Retificado: 2026/02/20 Data: 2026.02.11", "pt", date(2026, 2, 11)),
        ("Aktualisiert: 20.02.2026 Datum: 11.02.2026", "de", date(2026, 2, 11)),
        ("Updated: 20 February 2026 Date: 11 February 2026", "en", date(2026, 2, 11)),
    ],
)
def test_a_date_named_only_as_a_date_is_the_pages_own(text, lang, expected):
    assert read(text, lang, "published").start == expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Termin: 3 czerwca 2026 r., zgłoszenia do 20 maja 2026 r.", "pl"),
        ("Termín: 3. června 2026, registrace do 20. května 2026", "cs"),
        ("Termín: 3. júna 2026, prihlášky do 20. mája 2026", "sk"),
    ],
)
def test_a_term_is_an_events_date_beside_its_registration_deadline(text, lang):
    assert read(text, lang, "event").start == date(2026, 6, 3)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Termin: 20 maja 2026 r., ogłoszenie wyników: 30 czerwca 2026 r.", "pl"),
        ("Termín: 20. května 2026, výsledky budou známy 30. června 2026", "cs"),
    ],
)
def test_a_term_is_a_calls_deadline(text, lang):
    assert read(text, lang).start == date(2026, 5, 20)


def test_a_deadline_phrase_holding_a_term_stays_a_deadline_on_an_events_page():
    result = read("Konferencja 3 czerwca 2026 r. Termin składania abstraktów: 20 maja 2026 r.", "pl", "event")
    assert result.start == date(2026, 6, 3)
