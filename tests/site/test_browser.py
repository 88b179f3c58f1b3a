"""The site as a person uses it, in a real headless Chromium driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them in CI). Screenshots are
kept as test artefacts in ``build/site-screenshots/`` (git-ignored); the folder is printed.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_html import (
    CHROMEDRIVER,
    CHROMIUM,
    INSTALL_BROWSER,
    REPO,
    bundle,
    have_browser,
    versions,
)

_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage")

pytestmark = [
    pytest.mark.slow,  # builds the documentation site (once per session) and starts a browser
    pytest.mark.skipif(not have_browser(),
                       reason=f"no headless browser for the site test: install one with `{INSTALL_BROWSER}`"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="nip-site-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(1280, 900)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = REPO / "build" / "site-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nsite screenshots: {folder}")
    return folder


def _wait(driver: object, condition: object, seconds: float = 20) -> object:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition)


def test_search_finds_a_field_and_its_entry_shows_the_schema_default_and_range(
        browser, site: Path, shots: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get((site / "index.html").as_uri())
    assert "nip-parameters" in browser.title
    browser.save_screenshot(str(shots / "home.png"))

    # The search box as a reader opens it: the search button, then type and press Enter.
    browser.find_element(By.CSS_SELECTOR, "button.search-button-field").click()
    box = _wait(browser, lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, "input[name=q]")
                                         if e.is_displayed()), None))
    box.send_keys("clip_epsilon", Keys.ENTER)

    # search.html loads searchindex.js with a script tag: it must work from file:// (no server).
    result = _wait(browser, lambda d: next(
        (a for a in d.find_elements(By.CSS_SELECTOR, "#search-results a")
         if a.text.strip() == "CommonPpoParameters.clip_epsilon"), None))
    browser.save_screenshot(str(shots / "search-clip_epsilon.png"))
    result.click()

    _wait(browser, lambda d: "#" in d.current_url)
    anchor = browser.current_url.split("#", 1)[1]
    entry = browser.find_element(By.ID, anchor).find_element(By.XPATH, "..")
    facts = {  # textContent: the theme may restyle a label's case on screen
        " ".join(dt.get_attribute("textContent").split()).rstrip(":"):
            " ".join(dt.find_element(By.XPATH, "following-sibling::dd[1]").get_attribute("textContent").split())
        for dt in entry.find_elements(By.CSS_SELECTOR, "dd > dl.field-list > dt")}
    browser.save_screenshot(str(shots / "field-clip_epsilon.png"))

    field = bundle(versions()[-1])["$defs"]["CommonPpoParameters"]["properties"]["clip_epsilon"]
    assert facts["Default"] == json.dumps(field["default"])
    assert facts["Range"] == f"≥ {json.dumps(field['minimum'])}"
    assert facts["Address"] == "ppo.clip_epsilon"


def test_pages_of_both_versions_open(browser, site: Path, shots: Path) -> None:
    from selenium.webdriver.common.by import By

    for version in versions():
        browser.get((site / "reference" / version / "protocol.html").as_uri())
        heading = " ".join(h.text for h in browser.find_elements(By.TAG_NAME, "h1") if h.is_displayed())
        assert f"schema {version}" in heading
        names = {h.text.rstrip("#").strip() for h in browser.find_elements(By.TAG_NAME, "h2")}
        classes = {n for n, d in bundle(version)["$defs"].items() if "properties" in d}
        assert {n for n in names if n.endswith("ProtocolParameters")} <= classes
        browser.save_screenshot(str(shots / f"protocol-{version}.png"))
    # The class renamed in 1.0 is on the 0.1 page and not on the 1.0 one.
    assert "PvgProtocolParameters" in (site / "reference" / versions()[0] / "protocol.html").read_text()
    assert "PvgProtocolParameters" not in bundle(versions()[-1])["$defs"]


def test_a_page_reads_on_a_phone_sized_window(browser, site: Path, shots: Path) -> None:
    browser.set_window_size(390, 844)
    try:
        browser.get((site / "reference" / versions()[-1] / "agents.html").as_uri())
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        browser.save_screenshot(str(shots / "phone-agents.png"))
        assert overflow <= 1, f"the page scrolls sideways by {overflow}px on a phone"
    finally:
        browser.set_window_size(1280, 900)
