"""The generic reader on real prose (issue 11). Every page here is written for
the test, in the shape of a real page (research/FINDINGS.md §2–5 names them):

- long leads (400–700 characters) with the date mid-sentence (ECCP recaps,
  go-cluster and Siva leads): "ECCP organises, on 13 December 2023, 8:30 – 9:45 CET, …";
- a bare date line by the title: "Meldung" + "06.05.2026" (go-cluster), "14-01-26"
  (Cluster Excellence Denmark), "2026 03 18" (MITA), "21-04-2026 10:15" (EEA Grants
  Bulgaria), "2011/07/19 09:01:44" (PARP archive), "12 czerwca 2026 r." (PARP),
  "February 9, 2018", "January 15 d., 2019" (klaster.lt), "02.02.2021 News", "…|";
  a weekday widget line above it ("Antradienis, 30 Geg 2023");
- bylines: "Submitted by <two to four names or a team> on <date>", "Skrevet av <name>
  04.02.2022", "By <name>, August 23rd 2017", "Dodano …", "Date: 14/05/2026" on news;
- call windows "will be open from 16 March to 5 June 2026 (12:00 noon CEST - Paris time)"
  (Interreg Europe) and "will open on 2 April and close on 2 July" without a year;
- earlier rounds under the current call: "The first call was open between …",
  "… closed on 19 June 2019" (Interreg Europe), "– … – CLOSED" in a cut-off list;
- cut-off lists "– 14 May 2026 – 18:00 CET (Brussels time)" (ECCP calls), a table
  row run together "Teikiama iki2025-02-28 17:00Pasibaigęs" (esinvesticijos.lt),
  "Applications shall be submitted by 15 October 2026" (klaster.lt), a timeline with
  each date above its label (Forskningsrådet "Viktige datoer");
- place in prose: "in Iasi, Romania", "in Brașov, Hotel Aro Palace", "im Grazer
  Messecenter", "in Kaunas", "will be held in …"; online: "webinar", "online event",
  "virtual cluster meeting", "digitalt seminar", "via Zoom", not "online application";
- event dates with ordinals: "On Wednesday the 29th of September, 2021, at 11 AM CET",
  "May 12th between 10:30 a.m. and 1 p.m.", "on the 14th of March".
"""

from datetime import date, datetime

import pytest

from core.items import RAW_FIELDS
from pipelines.dates import parse_date
from spiders.extractors.generic import extract_page

URL = "https://agency.example.org/content/cluster-page"
REFERENCE = date(2026, 5, 1)


def page(body: str, lang: str = "en") -> str:
    return (
        f"<!DOCTYPE html><html lang={lang!r}><head><title>Page | Agency</title></head><body>"
        "<header><nav><a href='/'>Home</a> <span>Today: 30 November 2026</span></nav></header>"
        f"<main><article>{body}</article></main>"
        "<footer><p>Agency, Main Street 1. Page updated 1 December 2026.</p></footer></body></html>"
    )


def only_item(html: str, kind: str, language: str = "en") -> dict:
    [item] = extract_page(URL, html, language=language, kind=kind).items
    assert set(item) == set(RAW_FIELDS)
    return item


def read(text: str, language: str, kind: str, reference: date = REFERENCE):
    result = parse_date(text, language, kind, reference, "Europe/Brussels")
    assert result.error is None, (text, result.error)
    return result


# --- No length cap: a date in a long sentence is read, by its cue words -------------

LONG_LEAD = (
    "As the year draws to a close and the network looks back on twelve months of policy dialogue, "
    "peer learning and matchmaking between cluster organisations from every corner of the Union, "
    "the platform organises, on 13 December 2023, 8:30 – 9:45 CET, a special edition of its cluster "
    "talks to sum up the main policy developments of the year, to hear from the managers who took part "
    "in the exchange programmes and to collect the ideas that members would like to see on the agenda "
    "of the coming year, together with representatives of the Commission and of regional authorities."
)


def test_an_event_date_in_a_sentence_of_six_hundred_characters():
    assert len(LONG_LEAD) > 500
    item = only_item(page(f"<h1>Cluster talks: a look back at the year</h1><p>{LONG_LEAD}</p>"), "event")
    assert "on 13 December 2023, 8:30 – 9:45 CET" in item["start_text"]
    result = read(item["start_text"], "en", "event")
    assert (result.start, result.end) == (datetime(2023, 12, 13, 8, 30), datetime(2023, 12, 13, 9, 45))


def test_a_deadline_in_a_long_call_sentence_and_submitted_by():
    lead = (
        "Cluster organisations that want to take part in the new round of the internationalisation "
        "support scheme, which covers travel, matchmaking and coaching for teams of up to three members "
        "from at least two countries, and which this year also welcomes regional partners, are invited "
        "to prepare a short proposal describing their goals and their partners; proposals shall be "
        "submitted by 15 October 2026 by e-mail to the programme office, and late proposals cannot be "
        "considered."
    )
    item = only_item(page(f"<h1>Internationalisation support: new round</h1><p>{lead}</p>"), "call")
    [deadline] = item["deadline_texts"]
    assert deadline.startswith("submitted by 15 October 2026")
    assert read(deadline, "en", "deadline").start == date(2026, 10, 15)


# --- The bare date line by the title is the publication date ------------------------


@pytest.mark.parametrize(
    "language, above, below, line, expected",
    [
        (
            "de",
            "<div><span>Meldung</span> <span>06.05.2026</span></div>",
            "",
            "Meldung: 06.05.2026",
            date(2026, 5, 6),
        ),
        ("de", "<p>Meldung</p><p>06.05.2026</p>", "", "Meldung: 06.05.2026", date(2026, 5, 6)),
        ("da", "<p class='date'>14-01-26</p>", "", "14-01-26", date(2026, 1, 14)),
        ("en", "", "<p>2026 03 18</p>", "2026 03 18", date(2026, 3, 18)),
        ("en", "", "<div>21-04-2026 10:15</div>", "21-04-2026 10:15", datetime(2026, 4, 21, 10, 15)),
        ("pl", "<p>2011/07/19 09:01:44</p>", "", "2011/07/19 09:01:44", datetime(2011, 7, 19, 9, 1)),
        ("pl", "<p>12 czerwca 2026 r.</p>", "", "12 czerwca 2026 r.", date(2026, 6, 12)),
        ("en", "", "<p>February 9, 2018</p>", "February 9, 2018", date(2018, 2, 9)),
        ("en", "<p>January 15 d., 2019</p>", "", "January 15 d., 2019", date(2019, 1, 15)),
        ("de", "<p>02.02.2021 News</p>", "", "02.02.2021 News", date(2021, 2, 2)),
        ("en", "", "<p>29 February 2024|</p>", "29 February 2024|", date(2024, 2, 29)),
    ],
)
def test_a_bare_date_line_by_the_title_is_the_publication_date(language, above, below, line, expected):
    body = f"""{above}<h1>Twelve new members join the cluster programme</h1>{below}
      <p>The programme welcomes twelve cluster organisations, which were chosen by an independent jury.</p>"""
    item = only_item(page(body, language), "news", language)
    assert item["published_text"] == line
    assert read(item["published_text"], language, "published", date(2026, 11, 30)).start == expected


def test_the_date_line_by_the_title_wins_over_a_weekday_widget():
    body = """<p>Antradienis, 30 geg. 2026</p><p>Naujienos</p><p>Ūkis</p>
      <h1>Klasterių forumas Kaune</h1><p>2026 03 29</p><p>Forumas sutraukė daugiau nei šimtą dalyvių.</p>"""
    assert only_item(page(body, "lt"), "news", "lt")["published_text"] == "2026 03 29"


@pytest.mark.parametrize(
    "language, byline, expected",
    [
        ("en", "Submitted by Lee Gibson on 12 March 2026", date(2026, 3, 12)),
        ("en", "Submitted by Veronica Elena Bocci on 12 March 2026", date(2026, 3, 12)),
        ("en", "Submitted by Alina Danielescu Chirlomez on 2 April 2026", date(2026, 4, 2)),
        ("en", "Submitted by ECCP Team on 30 November 2023", date(2023, 11, 30)),
        ("nb", "Skrevet av Kari Nordmann 04.02.2022", date(2022, 2, 4)),
        ("en", "By Ann Lee, August 23rd 2017", date(2017, 8, 23)),
    ],
)
def test_a_byline_of_any_name_gives_the_publication_date(language, byline, expected):
    body = f"""<h1>Matchmaking results</h1><p>Some paragraph about the results of the week.</p>
      <p>Another paragraph, then the byline.</p><p>One more paragraph of text.</p>
      <p>And the last paragraph before the byline.</p><div class="byline">{byline}</div>"""
    item = only_item(page(body, language), "news", language)
    assert item["published_text"] == byline
    assert read(byline, language, "published", date(2026, 11, 30)).start == expected


@pytest.mark.parametrize(
    "language, line, expected",
    [("en", "Date: 14/05/2026", date(2026, 5, 14)), ("pl", "Dodano: 14.05.2026", date(2026, 5, 14))],
)
def test_a_date_label_on_a_news_page_is_its_publication(language, line, expected):
    item = only_item(
        page(f"<h1>Results of the survey</h1><p>{line}</p><p>Text.</p>", language), "news", language
    )
    assert (item["kind"], item["published_text"], item["start_text"]) == ("news", line, None)
    assert read(line, language, "published").start == expected


# --- Call windows, earlier rounds, cut-off lists, tables and timelines ---------------

NEXT_CALL = """<h1>Next call for project proposals</h1>
  <p>The fifth call for project proposals will be open from 16 March to 5 June 2026 (12:00 noon CEST -
  Paris time). It is open to all topics of the programme.</p>
  <h2>Earlier calls</h2>
  <p>The first call was open between 5 April and 31 May 2022 and funded 38 projects.</p>
  <p>The fourth call for projects closed on 19 June 2019.</p>"""


def test_an_open_from_to_window_is_the_deadline_and_earlier_rounds_are_not():
    item = only_item(page(NEXT_CALL), "call")
    [window] = item["deadline_texts"]
    assert window == "open from 16 March to 5 June 2026 (12:00 noon CEST - Paris time)."
    assert item["opens_text"] is None  # the pipeline takes the opening from the window
    result = read(window, "en", "deadline")
    assert (result.start, result.end, result.tz) == (
        date(2026, 3, 16),
        datetime(2026, 6, 5, 12),
        "Europe/Paris",
    )


def test_a_page_of_closed_rounds_only_gives_them_the_call_is_closed():
    body = """<h1>Apply for funding</h1><p>The fourth call closed on 22 June 2018.</p>
      <p>The third call closed on 30 June 2017.</p>"""
    assert only_item(page(body), "call")["deadline_texts"] == [
        "closed on 22 June 2018.",
        "closed on 30 June 2017.",
    ]


def test_a_cut_off_list_gives_each_open_cut_off_and_not_the_closed_one():
    body = """<h1>Call for expression of interest: cluster workshops</h1>
      <p>Applications are assessed at the following cut-off dates:</p>
      <p>– 14 May 2026 – 18:00 CET (Brussels time) – CLOSED</p>
      <p>– 10 September 2026 – 18:00 CET (Brussels time)</p>
      <ul><li>3 December 2026 – 18:00 CET (Brussels time) (tbc)</li></ul>"""
    item = only_item(page(body), "call")
    assert item["deadline_texts"] == [
        "10 September 2026 – 18:00 CET (Brussels time)",
        "3 December 2026 – 18:00 CET (Brussels time) (tbc)",
    ]
    assert read(item["deadline_texts"][0], "en", "deadline").start == datetime(2026, 9, 10, 18)


@pytest.mark.parametrize(
    "markup",
    [
        "<table><tr><td>Teikiama iki2025-02-28 17:00Pasibaigęs</td></tr></table>",
        "<div class='row'><div>Teikiama iki</div><div>2025-02-28 17:00 Pasibaigęs</div></div>",
    ],
)
def test_a_deadline_glued_to_its_label_or_in_the_next_block(markup):
    item = only_item(page(f"<h1>Verslo kūrimas ir plėtra</h1>{markup}", "lt"), "call", "lt")
    [deadline] = item["deadline_texts"]
    assert read(deadline, "lt", "deadline").start == datetime(2025, 2, 28, 17)


def test_a_timeline_gives_each_date_the_role_of_its_own_label():
    body = """<h1>Pilot call for health innovation</h1><p>Short text about the call and its aims.</p>
      <h2>Important dates</h2><ul><li>2. aug. 2026</li><li>Åpen for søknad</li><li>13. sep. 2026</li>
      <li>Søknadsfrist</li><li>1. jan. 2027</li><li>Tidligste prosjektstart</li></ul>"""
    item = only_item(page(body, "nb"), "call", "nb")
    assert (item["opens_text"], item["deadline_texts"]) == (
        "Åpen for søknad: 2. aug. 2026",
        ["Søknadsfrist: 13. sep. 2026"],
    )
    assert item["published_text"] is None  # a timeline's first date is no publication date


# --- Place and online mode from prose --------------------------------------------------


@pytest.mark.parametrize(
    "language, sentence, location",
    [
        (
            "en",
            "The matchmaking forum will be held in Brașov, Hotel Aro Palace, on 14 May 2026.",
            "Brașov, Hotel Aro Palace",
        ),
        ("de", "Die Jahrestagung findet am 12. März 2026 im Grazer Messecenter statt.", "Grazer Messecenter"),
        ("en", "The partners meet in Kaunas on the 14th of March to plan the next steps.", "Kaunas"),
        (
            "en",
            "The platform organises its next event on 21-23 November 2026 in Iasi, Romania.",
            "Iasi, Romania",
        ),
    ],
)
def test_a_place_written_in_the_event_sentence(language, sentence, location):
    body = f"""<h1>Cluster meeting</h1><p>{sentence}</p>
      <p>Among the speakers is Ms Jane Doe from the Cluster Agency in Warsaw, Poland.</p>"""
    item = only_item(page(body, language), "event", language)
    assert (item["location"], item["online"]) == (location, False)


@pytest.mark.parametrize(
    "language, title, sentence",
    [
        ("en", "Webinar: cluster funding in 2026", "The session starts on 3 June 2026 at 10:00 CET."),
        ("en", "Cluster meeting", "The virtual cluster meeting takes place on 3 June 2026 at 10:00 CET."),
        ("en", "Meet the clusters", "This online event will take place on 3 June 2026."),
        ("nb", "Klyngemøte", "Det blir et digitalt seminar 3. juni 2026 kl. 10.00."),
        ("en", "Info session", "We meet via Zoom on 3 June 2026 at 10:00 CET."),
        ("de", "Klustertreffen", "Die Online-Veranstaltung findet am 3. Juni 2026 um 10:00 Uhr statt."),
        ("pl", "Spotkanie klastrów", "Spotkanie online odbędzie się 3 czerwca 2026 r. o godz. 10:00."),
        ("lt", "Klasterių susitikimas", "Renginys vyks 2026 m. birželio 3 d. 10 val. nuotoliniu būdu."),
    ],
)
def test_an_online_event_is_flagged_from_its_words(language, title, sentence):
    item = only_item(page(f"<h1>{title}</h1><p>{sentence}</p>", language), "event", language)
    assert (item["online"], item["location"]) == (True, None)


def test_an_online_application_does_not_make_an_event_online_and_a_hybrid_one_keeps_its_place():
    body = """<h1>Cluster day</h1><p>The cluster day takes place on 3 June 2026 in Vilnius.</p>
      <p>Register through the online application system before the end of May.</p>"""
    assert only_item(page(body), "event")["online"] is False
    hybrid = """<h1>Cluster day</h1><p>The hybrid event takes place on 3 June 2026 in Vilnius.</p>"""
    item = only_item(page(hybrid), "event")
    assert (item["online"], item["location"]) == (True, "Vilnius")


# --- Event dates with ordinals; the publication line is no event start -----------------


@pytest.mark.parametrize(
    "top, sentence, expected_start, expected_end",
    [
        (
            "<p>Submitted by Imogen Allan on 2 September 2021</p>",
            "On Wednesday the 29th of September, 2021, at 11 AM CET, the network holds its fourth webinar.",
            datetime(2021, 9, 29, 11),
            None,
        ),
        (
            "<p>06.05.2026</p>",
            "Join us on May 12th between 10:30 a.m. and 1 p.m. for a tour of the new test lab.",
            datetime(2026, 5, 12, 10, 30),
            datetime(2026, 5, 12, 13),
        ),
        (
            "<p>Meldung</p><p>02.06.2026</p>",
            "The kick-off is on the 17th of June, 2026, at 10 AM CET, for all new members.",
            datetime(2026, 6, 17, 10),
            None,
        ),
    ],
)
def test_an_event_date_with_ordinals_is_the_start_not_the_publication_line(
    top, sentence, expected_start, expected_end
):
    body = f"<h1>Cluster lab tour</h1>{top}<p>{sentence}</p>"
    item = only_item(page(body), "event")
    assert item["published_text"] and item["published_text"] not in item["start_text"]
    published = read(item["published_text"], "en", "published", date(2026, 11, 30)).start
    result = read(item["start_text"], "en", "event", published)
    assert (result.start, result.end) == (expected_start, expected_end)


def test_a_report_with_only_its_publication_line_gives_no_event_start():
    body = "<h1>Annual meeting</h1><p>22.03.2018</p><p>Members met to discuss the strategy.</p>"
    assert extract_page(URL, page(body, "de"), language="de", kind="event").items == []


def test_a_call_card_row_gives_each_date_the_label_after_it():
    body = """<h1>Wzornictwo w MŚP</h1><ul class="timeline">
      <li>6 października 2026 Ogłoszenie naboru</li>
      <li>20 października 2026 Start składania wniosków</li>
      <li>27 listopada 2026 Koniec przyjmowania wniosków</li></ul>"""
    item = only_item(page(body, "pl"), "call", "pl")
    assert item["opens_text"] == "20 października 2026 Start składania wniosków"
    assert item["deadline_texts"] == ["27 listopada 2026 Koniec przyjmowania wniosków"]
    assert item["published_text"] is None  # the announcement is no publication line by position


def test_a_deadline_a_later_one_replaced_is_not_the_calls():
    body = """<h1>Nabór wydłużony</h1><p>Termin przyjmowania wniosków, pierwotnie wyznaczony na 27 listopada
      2026 r., PARP wydłuża do 11 grudnia 2026 r. do godz. 16:00.</p>"""
    item = only_item(page(body, "pl"), "call", "pl")
    assert item["deadline_texts"] == ["do 11 grudnia 2026 r. do godz. 16:00."]


def test_open_until_is_a_deadline_not_an_opening():
    body = "<h1>Vouchers for SMEs</h1><p>The call is open until 12 February 2027, 17:00 Brussels time.</p>"
    item = only_item(page(body), "call")
    assert (item["deadline_texts"], item["opens_text"]) == (
        ["open until 12 February 2027, 17:00 Brussels time."],
        None,
    )


def test_an_ambiguous_term_label_names_the_event_on_an_events_page():
    body = "<h1>Kongres Innowacyjnej Gospodarki</h1><p>Termin: 12–13 kwietnia 2027 r.</p>"
    item = only_item(page(body, "pl"), "event", "pl")
    assert (item["kind"], item["start_text"]) == ("event", "Termin: 12–13 kwietnia 2027 r.")


def test_an_updated_line_stands_in_only_when_nothing_else_gives_the_publication():
    call = """<h1>Klyngeprogrammet</h1><p>Søknadsfrist: 15. september 2026</p><p>Sist oppdatert: 09.05.2026</p>"""
    assert only_item(page(call, "nb"), "call", "nb")["published_text"] == "Sist oppdatert: 09.05.2026"
    both = call.replace("</h1>", "</h1><p>Publisert: 03.02.2026</p>")
    assert only_item(page(both, "nb"), "call", "nb")["published_text"] == "Publisert: 03.02.2026"
    # A static page has an update stamp too: it dates an item, it makes none.
    static = "<h1>Klyngeforum</h1><p>Forumet samordner indsatsen.</p><p>Senest opdateret 26. marts 2026</p>"
    assert extract_page(URL, page(static, "da"), language="da", kind="news").items == []


@pytest.mark.parametrize("line", ["Dodano 14.05.2026", "Dodano przez Jana Kowalskiego, 14.05.2026 10:15"])
def test_dodano_gives_the_publication_date(line):
    body = (
        f"<h1>Nowy nabór dla klastrów</h1><p>{line}</p><p>PARP ogłasza nowy nabór wniosków dla klastrów.</p>"
    )
    item = only_item(page(body, "pl"), "news", "pl")
    assert item["published_text"] == line
    assert read(line, "pl", "published").start in (date(2026, 5, 14), datetime(2026, 5, 14, 10, 15))


def test_cues_after_the_date_and_a_launch_give_the_roles():
    body = """<h1>Cinquième appel à projets</h1><p>Le cinquième appel a été lancé le 17 septembre 2026 par les
      ministères.</p><p>Les dossiers doivent être présentés le 30 novembre 2026 au plus tard.</p>"""
    item = only_item(page(body, "fr"), "call", "fr")
    assert item["opens_text"] == "lancé le 17 septembre 2026 par les ministères."
    [deadline] = item["deadline_texts"]
    assert read(deadline, "fr", "deadline").start == date(2026, 11, 30)


def test_without_a_publication_date_the_event_date_that_writes_its_year_wins():
    body = """<h1>Virtual cluster meeting</h1><p>The virtual cluster meeting will take place on October 20th
      between 1:30 p.m. and 4:30 p.m.</p><p>On October 20, 2022 from 1:30 p.m. to 4:30 p.m., the programme
      is organising a digital cluster meeting on industry transformation.</p>"""
    item = only_item(page(body), "event")
    assert item["start_text"].startswith("On October 20, 2022 from 1:30 p.m. to 4:30 p.m.")
    assert item["online"] is True


def test_a_place_named_beside_the_event_in_the_same_paragraph_or_after_a_leading_date():
    body = """<h1>Third event: coming soon</h1><p>Preparations for the third event in Bistrita (Romania) are
      under way. The event will be held on the 6th and 7th of June 2026. Everyone is welcome.</p>"""
    assert only_item(page(body), "event")["location"] == "Bistrita"
    listing = """<h1>Cluster World Congress</h1><p>24, 25, 26 March 2026, Dabrowa Gornicza, Silesia, Poland</p>
      <p>The congress brings cluster people together.</p>"""
    assert only_item(page(listing), "event")["location"] == "Dabrowa Gornicza, Silesia, Poland"


def test_a_date_line_run_into_the_first_sentence_and_a_byline_without_a_name():
    glued = """<h1>Online workshops with applicants</h1><p>January 18, 2026On the 17th and 18th of January 2026,
      two online workshops on the new programme took place.</p>"""
    item = only_item(page(glued), "news")
    assert item["published_text"] == "January 18, 2026"
    unnamed = """<h1>Third event: coming soon</h1><p>The debate on EU funding continues in June.</p>
      <p>By |2026-05-18T11:04:17+00:00May 18th, 2026|Categories: Homepage, News|</p>"""
    assert only_item(page(unnamed), "news")["published_text"].startswith("By |2026-05-18")


def test_an_updated_label_is_not_read_as_the_deadline_word_inside_it():
    body = """<h1>Satsning på regionala miljöer</h1><p>Publicerad: 19 september 2026</p>
      <p>Den 2 oktober öppnar möjligheten att ansöka.</p><p>Senast uppdaterad 19 september 2026</p>"""
    item = only_item(page(body, "sv"), "news", "sv")
    assert (item["published_text"], item["deadline_texts"]) == ("Publicerad: 19 september 2026", [])


def test_a_label_behind_a_bullet():
    body = """<h1>Cinquième appel</h1><ul><li>• Publié le mardi 09 octobre 2026</li><li>• Rédigé par Anne Martin</li></ul>
      <p>Un nouvel appel est ouvert.</p>"""
    assert only_item(page(body, "fr"), "news", "fr")["published_text"] == "Publié le mardi 09 octobre 2026"


def test_a_place_ends_with_its_sentence_and_needs_its_events_sentence():
    body = """<h1>Cluster trifft Region</h1><p>Die Reihe macht am 4. Februar 2027 Station in Leipzig. Gemeinsam
      mit dem Land lädt sie Cluster ein.</p>"""
    assert only_item(page(body, "de"), "event", "de")["location"] == "Leipzig"
    body = """<h1>Green call</h1><p>Questions are answered in the FAQ. A matchmaking webinar for applicants
      will be held on 9 December 2026.</p>"""
    assert only_item(page(body), "event")["location"] is None
