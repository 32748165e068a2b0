"""The public site in a real browser (Chromium through Playwright) against the live server:
search with and without JavaScript, back/forward, the search boxes' type-ahead, language, the
submission form, the page weight, and axe-core accessibility checks of every page type in
Spanish and English (screenshots in .cache/artifacts)."""

from __future__ import annotations

import gzip
import re
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("live_site")]

ARTIFACTS = Path(__file__).resolve().parents[2] / ".cache" / "artifacts"
PRACTICE = "/practicas/peru-ley-31685-mujeres-migrantes-con-hijos/"
PAGES = {
    "home": "/",
    "search": "/practicas/?country=PE",
    "practice": PRACTICE,
    "table-space": "/mesas/mesa-1/",
    "recommendations": "/recomendaciones/",
    "event": "/eventos/conversatorio-2023/",
    "organisations": "/organizaciones/",
    "submission-form": "/practicas/proponer/",
    "login": "/login/",
}


def result_count(page) -> int:
    return int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group())


def test_search_by_text(live_site, page):
    page.goto(f"{live_site}/practicas/")
    page.fill("#q", "amnistía multas")
    page.click(".search-row button[type=submit]")
    page.wait_for_url(re.compile(r"q=amnist"))
    assert page.locator("article.hit").count() >= 1
    assert page.locator(".snippet mark").count() >= 1


def open_suggestions(page, selector: str, text: str) -> None:
    page.locator(selector).press_sequentially(text, delay=40)
    page.wait_for_selector(f"#{selector.lstrip('#')}-suggestions [role=option]")
    assert page.locator(selector).get_attribute("aria-expanded") == "true"


def test_autocomplete_on_the_home_page_opens_the_chosen_practice(live_site, page):
    page.goto(live_site + "/")
    box = page.locator("#home-q")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-controls") == "home-q-suggestions"
    open_suggestions(page, "#home-q", "ley 316")
    options = page.locator("#home-q-suggestions [role=option]")
    first = options.first.inner_text()
    assert "31685" in first
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "home-q-suggestions-0"
    assert options.first.get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(PRACTICE) + "$"))
    assert page.locator("h1").inner_text() == first


def test_autocomplete_escape_closes_and_enter_searches(live_site, page):
    page.goto(f"{live_site}/practicas/")
    box = page.locator("#q")
    open_suggestions(page, "#q", "ley")
    count = page.locator("#q-suggestions [role=option]").count()
    box.press("ArrowUp")  # wraps to the last option
    assert box.get_attribute("aria-activedescendant") == f"q-suggestions-{count - 1}"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and page.locator("#q-suggestions").is_hidden()
    assert box.get_attribute("aria-activedescendant") is None
    box.press("Enter")  # no option chosen: the search itself
    page.wait_for_url(re.compile(r"/practicas/\?q=ley"))
    assert result_count(page) >= 1


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_facet_select_deselect_and_back(live_site, browser, javascript):
    context = browser.new_context(locale="es-ES", java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(f"{live_site}/practicas/")
        total = result_count(page)
        peru = page.locator('.facets input[name=country][value="PE"]')
        peru.check()
        if not javascript:
            page.click(".facets button[type=submit]")
        page.wait_for_url(re.compile(r"country=PE"))
        page.wait_for_function("() => !document.querySelector('form.search-form[aria-busy]')") if javascript else None
        filtered = result_count(page)
        assert 0 < filtered < total
        # The new count is announced once, in the polite status region (empty on a full load).
        status = page.locator("#results-status")
        assert status.get_attribute("role") == "status"
        assert status.inner_text().strip() == (page.locator("#results-heading").inner_text().strip() if javascript else "")
        assert page.locator(".selected-filters").is_visible()
        assert page.locator('.facets input[name=country][value="PE"]').is_checked()

        page.locator('.facets input[name=country][value="PE"]').uncheck()
        if not javascript:
            page.click(".facets button[type=submit]")
        page.wait_for_url(lambda url: "country=PE" not in url)
        if javascript:
            page.wait_for_function("() => !document.querySelector('form.search-form[aria-busy]')")
        assert result_count(page) == total

        page.go_back()
        page.wait_for_url(re.compile(r"country=PE"))
        page.wait_for_function(f"() => /^{filtered}\\b/.test(document.querySelector('#results-heading').textContent.trim())")
        assert page.locator('.facets input[name=country][value="PE"]').is_checked()
        page.go_forward()
        page.wait_for_url(lambda url: "country=PE" not in url)
        page.wait_for_function(f"() => /^{total}\\b/.test(document.querySelector('#results-heading').textContent.trim())")
    finally:
        context.close()


def test_sort_with_javascript_keeps_the_url_in_step(live_site, page):
    page.goto(f"{live_site}/practicas/")
    page.select_option("#sort", "title")
    page.wait_for_url(re.compile(r"sort=title"))
    page.wait_for_function("() => !document.querySelector('form.search-form[aria-busy]')")
    titles = page.locator("article.hit h3").all_inner_texts()
    assert titles == sorted(titles, key=str.casefold) or len(titles) > 1


def test_a_bad_option_with_javascript_loads_the_error_page_whole(live_site, page):
    """An answer without results (400 for a bad year) is not patched in: the page is loaded
    whole, so the search box keeps its type-ahead."""
    page.goto(f"{live_site}/practicas/?year_from=1800")
    assert page.locator(".errors[role=alert]").is_visible()
    assert page.locator("#q").get_attribute("role") == "combobox"
    page.goto(f"{live_site}/practicas/")
    page.evaluate(
        "() => { const input = document.createElement('input'); input.type = 'checkbox'; input.name = 'year_from';"
        " input.value = 'x'; input.checked = true; document.querySelector('.facets fieldset').appendChild(input);"
        " input.dispatchEvent(new Event('change', {bubbles: true})); }"
    )
    page.wait_for_url(re.compile(r"year_from=x"))
    page.wait_for_selector(".errors[role=alert]")
    assert page.locator("#q").get_attribute("role") == "combobox"


def test_open_a_practice_and_switch_language(live_site, page):
    page.goto(f"{live_site}/practicas/?country=PE")
    page.locator("article.hit h3 a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1 and "/practicas/" in page.url
    practice_path = page.url.removeprefix(live_site)
    page.click("nav.lang a[hreflang=fr]")
    page.wait_for_url(live_site + "/fr" + practice_path)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("a.skip-link").inner_text() == "Aller au contenu"
    assert page.locator("nav.lang a[aria-current]").get_attribute("hreflang") == "fr"
    page.click("nav.lang a[hreflang=pt]")
    page.wait_for_url(live_site + "/pt" + practice_path)
    assert page.locator("html").get_attribute("lang") == "pt"
    # Links on a page lead to pages in the same language; Spanish is back at the unprefixed address.
    assert page.locator("a.brand").get_attribute("href") == "/pt/"
    page.click("nav[aria-label] a[href='/pt/practicas/']")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "pt"
    assert page.locator("article.hit h3 a").first.get_attribute("href").startswith("/pt/practicas/")
    page.click("nav.lang a[hreflang=es]")
    page.wait_for_url(live_site + "/practicas/")
    assert page.locator("html").get_attribute("lang") == "es"


def test_submission_form_errors_then_success(live_site, page):
    page.goto(f"{live_site}/practicas/")
    page.click("text=Proponer una práctica")
    page.wait_for_url(re.compile(r"/practicas/proponer/$"))
    page.wait_for_timeout(3100)  # a person takes longer than the form's minimum time
    page.fill("#id_title", "Red de casas de acogida en la frontera sur")
    page.fill("#id_submitter_email", "no-es-un-correo")
    page.click("form.submission button[type=submit]")
    assert page.locator(".errors[role=alert]").is_visible()
    assert page.locator("#id_summary[aria-invalid=true]").count() == 1
    assert page.locator("#id_submitter_email[aria-invalid=true]").count() == 1
    page.fill("#id_summary", "Acogida y orientación para personas migrantes en tránsito.")
    page.select_option("#id_countries", ["MX", "GT"])
    page.check("#id_objectives_0")
    page.fill("#id_submitter_email", "persona@example.org")  # the signed render time is kept
    page.click("form.submission button[type=submit]")
    page.wait_for_url(re.compile(r"/practicas/proponer/gracias/$"))
    assert "revisará" in page.locator("main").inner_text()


@pytest.mark.parametrize("language", ["es", "en"])
def test_accessibility_and_screenshots(live_site, browser, language):
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale=language)
    page = context.new_page()
    axe = Axe()
    problems = {}
    prefix = "" if language == "es" else f"/{language}"
    try:
        for name, path in PAGES.items():
            response = page.goto(live_site + prefix + path)
            assert response.status == 200, (name, response.status)
            assert page.locator("html").get_attribute("lang") == language
            results = axe.run(page)
            if results.violations_count:
                problems[name] = results.generate_report()
            page.screenshot(path=str(ARTIFACTS / f"{name}-{language}.png"), full_page=True)
            if name == "home":  # the tile map is on it; then the search box's suggestions, open
                assert page.locator(".tile-map svg a").count() == 33
                open_suggestions(page, "#home-q", "ley")
                # Untranslated (Spanish) titles in an English list say so (WCAG 3.1.2).
                option = page.locator("#home-q-suggestions [role=option]").first
                assert option.get_attribute("lang") == (None if language == "es" else "es")
                results = axe.run(page)
                if results.violations_count:
                    problems["home-suggestions"] = results.generate_report()
    finally:
        context.close()
    assert not problems, "\n\n".join(f"{name}:\n{report}" for name, report in problems.items())


@pytest.mark.parametrize("name, path", [("search", "/practicas/"), ("home", "/")])
def test_page_weight(live_site, capsys, name, path):
    """What a phone downloads for the search page and the home page, with its map (HTML + CSS
    + JS, gzipped)."""

    def fetch(path):
        with urllib.request.urlopen(live_site + path) as response:
            return response.read()

    html = fetch(path)
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    assert any(a.endswith(b".css") for a in assets) and any(a.endswith(b".js") for a in assets)
    sizes = {"html": len(gzip.compress(html, 6))}
    for asset in assets:
        sizes[asset.decode()] = len(gzip.compress(fetch(asset.decode()), 6))
    total = sum(sizes.values())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}-page-weight.txt").write_text(f"{sizes} total={total}\n")
    with capsys.disabled():
        print(f"\n{name} page weight (gzip): {sizes} total={total} bytes")
    assert total < 60_000
