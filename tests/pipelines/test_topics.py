"""Topic tags by multilingual keyword rules."""

import pytest

from pipelines.topics import TopicPipeline, fold, topics_of


def test_fold_removes_case_and_accents():
    assert fold("Żywność ÉNERGIE Grønn Straße") == "zywnosc energie gronn strasse"


@pytest.mark.parametrize(
    "title, expected",
    [
        ("EU-Canada Cluster Matchmaking Event on green hydrogen", {"matchmaking", "green", "energy"}),
        ("Konferencja: Zielona energia i żywność", {"conference", "green", "energy", "food"}),
        ("Grønn plattform: tilskudd til bærekraftig havbruk", {"green", "funding", "food"}),
        ("Klasterių forumas: skaitmeninė transformacija", {"conference", "digital"}),
        ("Apel de proiecte pentru clustere din industria textilă", {"funding", "textile", "manufacturing"}),
        ("Förderaufruf Wasserstoff und Mobilität", {"funding", "energy", "mobility"}),
        ("Webinar: how to apply for Horizon Europe health calls", {"webinar", "health"}),
        ("Windows, prisoners and materials", {"manufacturing"}),
    ],
)
def test_topics_in_several_languages(title, expected):
    assert set(topics_of(title)) == expected


def test_short_stems_match_whole_words_only():
    assert "digital" in topics_of("AI for SMEs")
    assert "digital" not in topics_of("Aid for SMEs")


def test_every_call_is_about_funding():
    item = {"kind": "call", "title": "Klynger", "summary": None, "tags": ["Energi"]}
    assert TopicPipeline().process_item(item)["topics"] == ["energy", "funding"]
