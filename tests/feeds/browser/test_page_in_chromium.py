"""The published page in headless Chromium (Debian's package), served over
loopback as `clusterfeeds serve` serves it: no console errors, the calls near
the top, working filters and search, subscribe links for the view shown to
files that exist, one calendar per entry, no axe-core violation, readable on a
phone."""

import threading
import urllib.request
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from chromium import chromium, skip_without_chromium

skip_without_chromium()
pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
import icalendar  # noqa: E402
import lxml.html  # noqa: E402
from feed_rows import AS_OF, CALLS, CHANGES, CRAWLS, EVENTS, NEWS, row  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

from aggregator.serve import make_server  # noqa: E402
from core.db import connect  # noqa: E402
from feeds.publish import publish  # noqa: E402

pytestmark = pytest.mark.browser

PHONE, DESKTOP = (390, 844), (1280, 900)
AXE = Path(__file__).parents[3] / "node_modules" / "axe-core" / "axe.min.js"
CITIES = ("Oslo", "Gdańsk", "Lyon", "Tampere", "Graz", "Porto", "Aarhus", "Brno")


def serve(tmp, rows, base_url=None):
    """``rows`` published and served on 127.0.0.1 (with the base URL they are
    served at unless told); yields the address and the folder."""
    db = connect(tmp / "t.db")
    db["items"].insert_all(rows)
    db["crawls"].insert_all(CRAWLS)
    db["changes"].insert_all(CHANGES)
    (tmp / "site.releases").mkdir()  # the server needs the folder before the first publish
    (tmp / "site").symlink_to("site.releases")
    server = make_server(tmp / "site", port=0)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    publish(db, tmp / "site", AS_OF, base_url or base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, tmp
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture rows published with the base URL they are served at."""
    yield from serve(tmp_path_factory.mktemp("browser"), EVENTS + CALLS + NEWS)


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory):
    """Sixty more events, all before the first deadline, as in a real week's crawl;
    published without a base URL, as a careless first publish is."""
    events = [
        row(
            f"ev-crowd-{n:02}",
            "event",
            f"Cluster matchmaking day {n} in {CITIES[n % len(CITIES)]}",
            "2026-11-12T08:00:00+01:00",
            all_day=1,
            start=(AS_OF + timedelta(days=n % 20)).isoformat(),
            timezone="Europe/Brussels",
            location=CITIES[n % len(CITIES)],
            online=0,
            status="upcoming",
            topics=["digital"] if n % 2 else ["green"],
        )
        for n in range(60)
    ]
    yield from serve(
        tmp_path_factory.mktemp("crowded"), EVENTS + events + CALLS + NEWS, "http://localhost:8000/"
    )


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def load(browser, url, size=DESKTOP):
    browser.set_window_size(*size)
    browser.get(url)
    return browser


def visible_ids(browser, section):
    return [
        li.get_attribute("id")
        for li in browser.find_elements(By.CSS_SELECTOR, f'ul[data-section="{section}"] > li')
        if li.is_displayed()
    ]


def errors(browser):
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def fetch(url):
    with urllib.request.urlopen(url) as response:
        assert response.status == 200, url
        return response.headers.get_content_type(), response.read()


def subscribe_links(browser, kind):
    """The subscribe box's links for one kind, by what they are (webcal, google, …, or the file)."""
    group = browser.find_element(By.CSS_SELECTOR, f'#subscribe .group[data-kind="{kind}"]')
    return {
        a.get_attribute("data-link") or a.get_attribute("data-file").rsplit(".", 1)[1]: a
        for a in group.find_elements(By.CSS_SELECTOR, "a[data-file]")
    }


def open_subscribe(browser):
    box = browser.find_element(By.ID, "subscribe")
    if not box.get_attribute("open"):
        box.find_element(By.TAG_NAME, "summary").click()
    return box


def test_the_page_loads_without_console_errors(browser, site):
    base, _ = site
    browser.set_window_size(*DESKTOP)
    for name in ("", "feeds.html"):
        browser.get(base + name)
        assert errors(browser) == [], name
    browser.get(base)
    assert browser.find_element(By.ID, "filters").is_displayed()
    assert visible_ids(browser, "events") == [
        "ev-ongoing",
        "ev-hostile",
        "ev-webinar",
        "ev-conference",
        "ev-arendal",
    ]


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_call_is_on_the_first_screen(browser, crowded_site, size):
    """With sixty events before the first deadline, the calls still come first:
    on the first screen, filters shown (script on) or not."""
    base, _ = crowded_site
    for script_off in (False, True):
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": script_off})
        try:
            load(browser, base, size)
            first_call, first_event = (
                browser.execute_script(
                    f"return document.querySelector('ul[data-section=\"{section}\"] > li')"
                    ".getBoundingClientRect().top + window.scrollY"
                )
                for section in ("calls", "events")
            )
        finally:
            browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        height = browser.execute_script("return window.innerHeight")
        assert first_call < min(height, first_event), (size, script_off, first_call, height)
        assert len(visible_ids(browser, "events")) == 65


def test_filters_and_search_narrow_the_list(browser, site):
    base, _ = site
    load(browser, base)
    Select(browser.find_element(By.NAME, "country")).select_by_value("PL")
    assert visible_ids(browser, "events") == [] and visible_ids(browser, "calls") == ["call-hostile"]
    assert browser.find_element(By.CSS_SELECTOR, "#events-section .none").is_displayed()
    Select(browser.find_element(By.NAME, "country")).select_by_value("NO")
    assert visible_ids(browser, "events") == ["ev-ongoing", "ev-webinar", "ev-conference", "ev-arendal"]
    Select(browser.find_element(By.NAME, "topic")).select_by_value("green")
    assert visible_ids(browser, "events") == ["ev-conference"]
    assert "country=NO" in browser.current_url and "topic=green" in browser.current_url
    load(browser, base)
    browser.find_element(By.NAME, "q").send_keys("trondheim")
    assert visible_ids(browser, "events") == ["ev-ongoing"] and visible_ids(browser, "calls") == []
    Select(browser.find_element(By.NAME, "kind")).select_by_value("call")
    assert not browser.find_element(By.ID, "events-section").is_displayed()
    assert errors(browser) == []


def test_date_range_and_online_filters(browser, site):
    base, _ = site
    load(browser, base)
    Select(browser.find_element(By.NAME, "attend")).select_by_value("online")
    assert visible_ids(browser, "events") == ["ev-ongoing", "ev-webinar"]  # Trondheim and online; online
    assert len(visible_ids(browser, "calls")) == 4  # calls have no venue: the filter is for events
    Select(browser.find_element(By.NAME, "attend")).select_by_value("in-person")
    assert visible_ids(browser, "events") == ["ev-ongoing", "ev-hostile", "ev-conference", "ev-arendal"]
    Select(browser.find_element(By.NAME, "attend")).select_by_value("")
    # A date field takes the day as the browser's locale types it; the value is ISO.
    browser.execute_script(
        "const form = document.getElementById('filters');"
        "form.elements.from.value = '2026-11-25'; form.elements.to.value = '2026-12-31';"
        "form.dispatchEvent(new Event('change'));"
    )
    # Events on a day in the range (Arendal's three days, the conference's one); the
    # calls whose next deadline is in it.
    assert visible_ids(browser, "events") == ["ev-conference", "ev-arendal"]
    assert visible_ids(browser, "calls") == ["call-hostile", "call-single"]
    assert "from=2026-11-25" in browser.current_url and "to=2026-12-31" in browser.current_url
    load(browser, base + "?to=2026-11-20&attend=online")
    assert visible_ids(browser, "events") == ["ev-ongoing", "ev-webinar"]
    assert browser.find_element(By.NAME, "attend").get_attribute("value") == "online"
    assert errors(browser) == []


def test_a_filtered_address_opens_filtered(browser, site):
    base, _ = site
    load(browser, base + "?source=siva&language=en")
    # siva announced the conference too (tests/feeds/feed_rows.py)
    assert visible_ids(browser, "events") == ["ev-ongoing", "ev-conference"]
    assert browser.find_element(By.CSS_SELECTOR, "#events-section .count").text == "2"


def test_subscribe_links_point_at_files_that_exist(browser, site):
    base, _ = site
    static = lxml.html.fromstring(fetch(base)[1])
    load(browser, base)
    box = open_subscribe(browser)
    for kind, name in (("call", "calls"), ("event", "events")):
        links = subscribe_links(browser, kind)
        assert links["webcal"].get_attribute("href") == f"webcal://{base.split('://')[1]}{name}.ics"
        for what in ("ics", "rss", "atom", "json"):
            media_type, body = fetch(links[what].get_attribute("href"))
            assert body and links[what].get_attribute("href") == f"{base}{name}.{what}"
        # The script builds Google's and Outlook's links as the page's own code does.
        for what in ("google", "outlook"):
            assert not links[what].is_displayed()  # 127.0.0.1: they could not fetch it
            built = static.xpath(f'//div[@data-kind="{kind}"]//a[@data-link="{what}"]/@href')
            assert links[what].get_attribute("href") == built[0]
    note = box.find_element(By.CLASS_NAME, "not-public")
    assert note.is_displayed() and base in note.text
    copy = box.find_element(By.CSS_SELECTOR, "button.copy")
    assert copy.is_displayed() and copy.get_attribute("data-file") == "calls.ics"
    copy.click()
    assert errors(browser) == []


def test_a_filtered_view_offers_its_own_files(browser, site):
    base, _ = site
    load(browser, base + "?country=PL")
    box = open_subscribe(browser)
    assert box.find_element(By.CLASS_NAME, "view").text == "Country: PL"
    for kind, name in (("call", "calls"), ("event", "events")):
        links = subscribe_links(browser, kind)
        assert links["ics"].get_attribute("href") == f"{base}country/pl/{name}.ics"
        assert links["webcal"].get_attribute("href").endswith(f"/country/pl/{name}.ics")
        google = parse_qs(urlsplit(links["google"].get_attribute("href")).query)["cid"]
        assert google == [links["webcal"].get_attribute("href")]
        outlook = parse_qs(urlsplit(links["outlook"].get_attribute("href")).query)
        assert outlook["url"] == [links["ics"].get_attribute("href")]
        media_type, body = fetch(links["ics"].get_attribute("href"))
        assert media_type == "text/calendar" and body.startswith(b"BEGIN:VCALENDAR")
        assert fetch(links["atom"].get_attribute("href"))[1].startswith(b"<?xml")
    # Online events of a topic: no file holds exactly that; the calls of the topic have one.
    Select(browser.find_element(By.NAME, "country")).select_by_value("")
    Select(browser.find_element(By.NAME, "topic")).select_by_value("green")
    Select(browser.find_element(By.NAME, "attend")).select_by_value("online")
    assert subscribe_links(browser, "call")["rss"].get_attribute("href") == f"{base}topic/green/calls.rss"
    events = box.find_element(By.CSS_SELECTOR, '.group[data-kind="event"]')
    assert "online or in person" in events.find_element(By.CLASS_NAME, "no-file").text
    assert not events.find_element(By.TAG_NAME, "ul").is_displayed()
    Select(browser.find_element(By.NAME, "kind")).select_by_value("call")
    assert not events.is_displayed() and box.find_element(By.CLASS_NAME, "view").text == "Topic: green"
    assert errors(browser) == []


def test_links_follow_the_address_the_page_is_served_at(browser, crowded_site):
    """Published without a base URL (localhost) but served elsewhere: the page's
    links still work; the subscription addresses are those it is served at."""
    base, _ = crowded_site
    load(browser, base + "?country=NO")
    open_subscribe(browser)
    links = subscribe_links(browser, "event")
    assert links["webcal"].get_attribute("href") == f"webcal://{base.split('://')[1]}country/no/events.ics"
    assert fetch(links["ics"].get_attribute("href"))[1].startswith(b"BEGIN:VCALENDAR")
    for link in browser.find_elements(By.CSS_SELECTOR, "a.add")[:3]:
        assert link.get_attribute("href").startswith(base + "entry/")
    load(browser, base + "feeds.html")
    subscribe = browser.find_element(By.CSS_SELECTOR, "a.subscribe")
    assert subscribe.get_attribute("href") == f"webcal://{base.split('://')[1]}events.ics"
    assert errors(browser) == []


def test_one_entry_goes_into_a_calendar(browser, site):
    base, _ = site
    load(browser, base)
    link = browser.find_element(By.CSS_SELECTOR, "#call-several a.add")
    assert link.is_displayed() and link.text == "Add to calendar"
    media_type, body = fetch(link.get_attribute("href"))
    calendar = icalendar.Calendar.from_ical(body)
    assert media_type == "text/calendar"
    assert [str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT")] == [
        f"call-several-deadline-{n}" for n in range(3)
    ]


def test_without_javascript_everything_is_readable(browser, site):
    base, _ = site
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        load(browser, base)
        assert not browser.find_element(By.ID, "filters").is_displayed()
        assert len(visible_ids(browser, "events")) == 5 and len(visible_ids(browser, "calls")) == 4
        open_subscribe(browser)
        links = subscribe_links(browser, "call")
        assert links["webcal"].is_displayed() and links["ics"].get_attribute("href") == base + "calls.ics"
        assert browser.find_element(By.CSS_SELECTOR, "#ev-webinar a.add").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.skipif(
    not AXE.exists(), reason=f"axe-core not installed at {AXE} (.ci/run installs it with npm)"
)
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_core_finds_no_violation(browser, site, size):
    base, _ = site
    script = AXE.read_text()
    for page in ("?country=NO", "feeds.html"):
        load(browser, base + page, size)
        if not page.startswith("feeds"):
            open_subscribe(browser)
        browser.execute_script(script)
        browser.set_script_timeout(60)
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(done, (e) => done({error: String(e)}));"
        )
        assert "error" not in result, result
        found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert found == [], (page, size)


def test_on_a_phone_nothing_overflows(browser, site):
    base, tmp = site
    for name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        for page in ("", "feeds.html"):
            load(browser, base + page, size)
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, (name, page, overflow)
        # Screenshots for a person to look at (pytest's temporary folder).
        browser.save_screenshot(str(tmp / f"{name}.png"))
        assert (tmp / f"{name}.png").stat().st_size > 10_000
