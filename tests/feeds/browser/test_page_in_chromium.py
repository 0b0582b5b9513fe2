"""The published page in headless Chromium (Debian's package), served over
loopback as `clusterfeeds serve` serves it: no console errors, working filters
and search, subscribe links to feeds that exist, readable on a phone."""

import json
import threading
import urllib.request
from pathlib import Path

import pytest

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "headless Chromium not installed (apt-get install chromium chromium-driver)", allow_module_level=True
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from feed_rows import AS_OF, CALLS, CHANGES, CRAWLS, EVENTS, NEWS  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

from aggregator.serve import make_server  # noqa: E402
from core.db import connect  # noqa: E402
from feeds.publish import publish  # noqa: E402

pytestmark = pytest.mark.browser

PHONE, DESKTOP = (390, 844), (1280, 900)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture rows published with the base URL they are served at."""
    tmp = tmp_path_factory.mktemp("browser")
    db = connect(tmp / "t.db")
    db["items"].insert_all(EVENTS + CALLS + NEWS)
    db["crawls"].insert_all(CRAWLS)
    db["changes"].insert_all(CHANGES)
    (tmp / "site.releases").mkdir()  # the server needs the folder before the first publish
    (tmp / "site").symlink_to("site.releases")
    server = make_server(tmp / "site", port=0)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    publish(db, tmp / "site", AS_OF, base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, tmp
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


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


def test_a_filtered_address_opens_filtered(browser, site):
    base, _ = site
    load(browser, base + "?source=siva&language=en")
    # siva announced the conference too (tests/feeds/feed_rows.py)
    assert visible_ids(browser, "events") == ["ev-ongoing", "ev-conference"]
    assert browser.find_element(By.CSS_SELECTOR, "#events-section .count").text == "2"


def test_subscribe_links_point_at_feeds_that_exist(browser, site):
    base, _ = site
    load(browser, base)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#subscribe a")]
    webcals = [link for link in links if link.startswith("webcal://")]
    assert len(webcals) == 2
    for link in links:
        url = "http://" + link.removeprefix("webcal://") if link.startswith("webcal:") else link
        with urllib.request.urlopen(url) as response:
            body = response.read()
        assert response.status == 200 and body, url
        if url.endswith(".ics"):
            assert body.startswith(b"BEGIN:VCALENDAR")
        elif url.endswith(".json"):
            assert json.loads(body)["version"].endswith("1.1")
    copy = browser.find_element(By.CSS_SELECTOR, "button.copy")
    assert copy.is_displayed() and copy.get_attribute("data-copy") in links
    copy.click()
    assert errors(browser) == []


def test_without_javascript_everything_is_readable(browser, site):
    base, _ = site
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        load(browser, base)
        assert not browser.find_element(By.ID, "filters").is_displayed()
        assert len(visible_ids(browser, "events")) == 5 and len(visible_ids(browser, "calls")) == 4
        assert browser.find_element(By.CSS_SELECTOR, "a.subscribe").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


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
