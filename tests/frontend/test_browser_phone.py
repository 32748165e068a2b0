"""Phones first (issue 21): every public page type in a real browser (Chromium through Playwright)
at 375 px, in Spanish and English, against the live server with the demo data. Each page fits the
screen (no horizontal scroll), has no control smaller than a 24 px touch target, passes axe-core
with no violation, and requests nothing from any host but the site itself; the practice search
page shows its first result within two screens and its filters behind a "Filter" disclosure that
works without JavaScript. What each page transfers with an empty cache is written to .cache/artifacts."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from tests.frontend.test_browser_site import ARTIFACTS, PRACTICE

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("live_site")]

PHONE = {"width": 375, "height": 667}
RECOMMENDATION = "/mesas/mesa-3/t2-servicios-publicos-municipales/"  # follow-up with a percent-encoded evidence link
PAGES = {
    "home": "/",
    "search": "/practicas/",
    "practice": PRACTICE,
    "recommendations": "/recomendaciones/",
    "recommendation": RECOMMENDATION,
    "tables": "/mesas/",
    "table-space": "/mesas/mesa-1/",
    "events": "/eventos/",
    "event": "/eventos/conversatorio-2023/",
    "organisations": "/organizaciones/",
    "board": "/seguimiento/",
    "submission-form": "/practicas/proponer/",
    "follow-up-form": None,  # found on the recommendation's page
    "login": "/login/",
    "recommendation-search": "/buscar/recomendaciones/",
    "site-search": "/buscar/?q=migrantes",
    "open-data": "/datos/",
    "not-found": "/no-hay-tal-pagina/",
}
STATUS = {"not-found": 404}

# Controls narrower or shorter than 24 px (WCAG 2.2 target size), the honeypot excepted.
SMALL_CONTROLS = """() => [...document.querySelectorAll('input:not([type=hidden]), button, select, textarea, summary')]
  .filter(e => !e.closest('.hp')).filter(e => { const r = e.getBoundingClientRect();
    return r.width > 0 && (r.height < 24 || r.width < 24); })
  .map(e => e.outerHTML.slice(0, 80))"""
# Elements sticking out of the screen, outside the regions that scroll on their own. The screen's
# width is the device's (375), not innerWidth: a mobile browser zooms a page that overflows out
# to its content, and innerWidth grows with it (404 px for a page 404 px wide).
WIDE = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 0.5 && !e.closest('.table-scroll, .scroll-region, .visually-hidden, .vh, .hp, .skip-link'))
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""
TRANSFERRED = """() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
  .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)"""


def phone(browser, language="es", javascript=True):
    return browser.new_context(viewport=PHONE, locale=language, java_script_enabled=javascript, is_mobile=True, has_touch=True)


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_public_page_fits_a_phone(live_site, browser, language):
    from axe_playwright_python.sync_playwright import Axe

    context = phone(browser, language)
    page = context.new_page()
    cdp = context.new_cdp_session(page)  # every page weighed whole, as on a first visit
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    axe = Axe()
    prefix = "" if language == "es" else f"/{language}"
    problems, weights = {}, {}
    try:
        page.goto(live_site + prefix + RECOMMENDATION)
        follow_up_form = page.locator("a[data-report-link]").get_attribute("href")
        assert follow_up_form.startswith(f"{prefix}/seguimiento/informar/")
        for name, path in PAGES.items():
            url = live_site + (follow_up_form if path is None else prefix + path)
            response = page.goto(url)
            assert response.status == STATUS.get(name, 200), (name, response.status)
            assert page.locator("html").get_attribute("lang") == language
            page.wait_for_load_state("networkidle")
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                problems[f"{name} width"] = f"{width} {page.evaluate(WIDE, PHONE['width'])}"
            small = page.evaluate(SMALL_CONTROLS)
            if small:
                problems[f"{name} targets"] = small
            results = axe.run(page)
            if results.violations_count:
                problems[f"{name} axe"] = results.generate_report()
            weights[name] = page.evaluate(TRANSFERRED)
            page.screenshot(path=str(ARTIFACTS / f"phone-{name}-{language}.png"), full_page=True)
    finally:
        context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"phone-page-weights-{language}.json").write_text(json.dumps(weights, indent=1))
    print(f"\nbytes transferred at 375 px ({language}): {weights}")
    assert not problems, "\n".join(f"{name}: {detail}" for name, detail in problems.items())
    assert hosts == {"127.0.0.1"}, hosts  # no font, avatar, analytics or CDN request leaves the site
    assert all(0 < weight < 120_000 for weight in weights.values()), weights


SEARCH_PAGES = {
    "practices": ("/practicas/", "article.hit"),
    "recommendations": ("/buscar/recomendaciones/", "article.hit"),
    "site": ("/buscar/?q=migrantes", "li.hit"),
}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("search_page", list(SEARCH_PAGES))
def test_search_on_a_phone_shows_results_first(live_site, browser, language, search_page):
    context = phone(browser, language)
    page = context.new_page()
    prefix = "" if language == "es" else f"/{language}"
    path, hit = SEARCH_PAGES[search_page]
    try:
        page.goto(f"{live_site}{prefix}{path}")
        first = page.locator(hit).first.bounding_box()
        screen = page.evaluate("innerHeight")
        assert first["y"] < 2 * screen, (first, screen)
        if search_page == "site":
            # The count of each group is above its hits, the first group's heading above the first hit.
            assert page.locator("#site-results-heading").bounding_box()["y"] < first["y"]
            return
        # The count is above the results, the filters folded away behind the disclosure.
        assert page.locator("#results-heading").bounding_box()["y"] < first["y"]
        disclosure = page.locator("details.filters-disclosure")
        assert disclosure.get_attribute("open") is None
        assert not page.locator(".facets input[type=checkbox]").first.is_visible()
        assert disclosure.locator("summary").bounding_box()["y"] < first["y"]
    finally:
        context.close()


def test_filter_disclosure_without_javascript(live_site, browser):
    context = phone(browser, "es", javascript=False)
    page = context.new_page()
    try:
        page.goto(f"{live_site}/practicas/")
        total = int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group())
        summary = page.locator("details.filters-disclosure > summary")
        assert summary.inner_text() == "Filtrar"
        summary.click()
        peru = page.locator('.facets input[name=country][value="PE"]')
        assert peru.is_visible()
        peru.check()
        # The count of what is shown now stays in view beside the filters: a jump to the results.
        jump = page.locator(".facets-jump a")
        assert jump.get_attribute("href") == "#results-heading" and str(total) in jump.inner_text()
        page.locator(".facets button[type=submit]").click()
        page.wait_for_url(re.compile(r"country=PE"))
        filtered = int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group())
        assert 0 < filtered < total
        assert page.locator("article.hit").first.bounding_box()["y"] < 2 * page.evaluate("innerHeight")
    finally:
        context.close()


def test_filters_are_shown_beside_the_results_on_a_wide_screen(live_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="es")
    page = context.new_page()
    try:
        page.goto(f"{live_site}/practicas/")
        assert page.locator('.facets input[name=country][value="PE"]').is_visible()
        assert not page.locator("details.filters-disclosure > summary").is_visible()
        facets, results = page.locator(".facets").bounding_box(), page.locator(".results").bounding_box()
        assert facets["x"] + facets["width"] <= results["x"]  # side by side
    finally:
        context.close()


def test_long_evidence_links_show_their_host_and_the_board_scrolls_in_its_own_regions(live_site, browser):
    context = phone(browser, "es")
    page = context.new_page()
    try:
        page.goto(live_site + RECOMMENDATION)
        links = page.locator("ul.evidence a")
        assert links.count() > 0
        for link in links.all():
            text, href = link.inner_text(), link.get_attribute("href")
            assert href and text != href and "%" not in text and len(text) <= 255, (text, href)
            assert link.bounding_box()["x"] + link.bounding_box()["width"] <= 375
        page.goto(live_site + "/seguimiento/")
        matrix = page.locator('.table-scroll:has(table[data-table="matrix"])')
        assert matrix.get_attribute("role") == "region" and matrix.get_attribute("tabindex") == "0"
        assert (
            matrix.get_attribute("aria-labelledby") and page.locator("#" + matrix.get_attribute("aria-labelledby")).inner_text()
        )
        assert matrix.evaluate("e => getComputedStyle(e).overflowX") == "auto"
        assert matrix.evaluate("e => e.scrollWidth > e.clientWidth")  # the matrix scrolls inside it
        assert page.evaluate("document.documentElement.scrollWidth") <= 375  # the page does not
        for bars in page.locator(".stacked-bars").all():
            box = bars.bounding_box()
            assert box["x"] + box["width"] <= 375
    finally:
        context.close()


@pytest.mark.parametrize("language", ["es", "en"])
def test_board_filters_fold_away_on_a_phone(live_site, browser, language):
    context = phone(browser, language, javascript=False)
    page = context.new_page()
    prefix = "" if language == "es" else f"/{language}"
    try:
        page.goto(f"{live_site}{prefix}/seguimiento/")
        heading = page.locator("#board-heading").bounding_box()
        assert heading["y"] < 2 * page.evaluate("innerHeight")  # the numbers, not 33 countries, first
        summary = page.locator("form.board-filters details.filters-disclosure > summary")
        assert summary.inner_text() == ("Filtrar" if language == "es" else "Filter")
        peru = page.locator('form.board-filters input[name=country][value="PE"]')
        assert not peru.is_visible()
        summary.click()
        peru.check()
        page.locator("form.board-filters button[type=submit]").click()
        page.wait_for_url(re.compile(r"country=PE"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        jump = page.locator("form.board-filters .facets-jump a")
        assert jump.get_attribute("href") == "#board-heading"
        assert jump.text_content().split()[0] == page.locator("#board-heading").get_attribute("data-count")
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_one_search_box_finds_a_practice_a_recommendation_and_an_organisation_in_two_taps(live_site, browser, javascript):
    """From any page's header: type, tap Search (1), tap the hit (2)."""
    context = phone(browser, "es", javascript=javascript)
    page = context.new_page()

    def two_taps(start, words, kind, lands_on):
        page.goto(live_site + start)
        page.locator("header form.site-search input[name=q]").fill(words)
        page.locator("header form.site-search button[type=submit]").click()  # tap 1
        page.wait_for_url(re.compile(r"/buscar/\?q="))
        hit = page.locator(f"#group-{kind} li.hit > a").first
        assert hit.is_visible()
        title = hit.inner_text()
        hit.click()  # tap 2
        page.wait_for_url(lands_on)
        assert title in page.locator("h1").inner_text()

    try:
        two_taps("/eventos/", "OIM", "organisation", re.compile(r"/organizaciones/.+/"))
        two_taps("/mesas/", "migrantes", "practice", re.compile(r"/practicas/.+/"))
        two_taps("/en/datos/", "migrantes", "recommendation", re.compile(r"/en/mesas/mesa-\d/.+/"))
        page.goto(f"{live_site}/en/seguimiento/")
        page.locator("header form.site-search input[name=q]").fill("migrantes")
        page.locator("header form.site-search button[type=submit]").click()
        page.wait_for_url(re.compile(r"/en/buscar/\?q=migrantes"))
        group = page.locator("#group-recommendation")
        found = int(group.get_attribute("data-total"))
        assert found > 0
        group.locator("p.more a").click()  # on to the faceted recommendation search, same words
        page.wait_for_url(re.compile(r"/en/buscar/recomendaciones/\?q=migrantes"))
        assert int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group()) == found
    finally:
        context.close()


def test_recommendation_filters_with_javascript_on_a_phone(live_site, browser):
    """The recommendation search uses the practice page's script: a ticked facet reloads the
    results in place, the count beside the filters follows, back restores the previous state."""
    context = phone(browser, "es")
    page = context.new_page()

    def count(selector: str) -> int:
        return int(re.search(r"\d+", page.locator(selector).text_content()).group())

    try:
        page.goto(f"{live_site}/buscar/recomendaciones/")
        total = count("#results-heading")
        page.locator("details.filters-disclosure > summary").click()
        page.locator('.facets input[name=follow_up_status][value="implemented"]').check()
        page.wait_for_url(re.compile(r"follow_up_status=implemented"))
        page.wait_for_function("() => !document.querySelector('form.search-form[aria-busy]')")
        filtered = count("#results-heading")
        assert 0 < filtered < total
        assert count(".facets-jump a") == filtered  # the count in view beside the filters follows
        assert page.locator("details.filters-disclosure").get_attribute("open") is not None  # still open to go on
        assert page.locator('.facets input[name=follow_up_status][value="implemented"]').is_checked()
        page.go_back()
        page.wait_for_url(lambda url: "follow_up_status" not in url)
        page.wait_for_function(f"() => /^{total}\\b/.test(document.querySelector('#results-heading').textContent.trim())")
    finally:
        context.close()
