"""The progress board and a recommendation's follow-up in a real browser (Chromium through
Playwright) against the live server with the demo data: filters with and without JavaScript,
back/forward, from the matrix to a recommendation's timeline and evidence, and axe-core checks
in Spanish and English (screenshots in .cache/artifacts)."""

from __future__ import annotations

import gzip
import re
import urllib.request

import pytest

from tests.frontend.test_browser_site import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("live_site")]

BOARD = "/seguimiento/"
RECOMMENDATION = "/mesas/mesa-2/t1-fortalecer-marcos-legales/"  # follow-up in three countries, with evidence
IDLE = "() => !document.querySelector('.board-results[aria-busy]')"


def total(page, name: str) -> int:
    return int(page.locator(f'dd[data-total="{name}"]').inner_text())


def wait_total(page, name: str, value: int) -> None:
    page.wait_for_function(f"() => (document.querySelector('dd[data-total=\"{name}\"]') || {{}}).textContent === '{value}'")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_board_filters_back_and_forward(live_site, browser, javascript):
    context = browser.new_context(locale="es-ES", java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(live_site + BOARD)
        pairs = total(page, "pairs")
        assert pairs > 0 and page.locator('table[data-table="matrix"] td[data-status]').count() == pairs

        def choose(selector: str, check: bool = True) -> None:
            box = page.locator(selector)
            box.check() if check else box.uncheck()
            if not javascript:
                page.click("form.board-filters button[type=submit]")

        choose('input[name=country][value="PE"]')
        page.wait_for_url(re.compile(r"country=PE"))
        if javascript:
            page.wait_for_function(IDLE)
        peru = total(page, "pairs")
        assert 0 < peru < pairs
        assert set(
            page.locator('table[data-table="countries"] tbody tr').evaluate_all("rows => rows.map(r => r.dataset.code)")
        ) == {"PE"}
        assert page.locator(".selected-filters").is_visible()

        choose('input[name=country][value="AR"]')  # OR within one filter
        page.wait_for_url(re.compile(r"country=PE.*country=AR|country=AR.*country=PE"))
        if javascript:
            page.wait_for_function(IDLE)
        either = total(page, "pairs")
        assert either > peru

        choose('input[name=status][value="implemented"]')  # AND across filters
        page.wait_for_url(re.compile(r"status=implemented"))
        if javascript:
            page.wait_for_function(IDLE)
        both = total(page, "pairs")
        assert 0 < both < either
        assert set(
            page.locator('table[data-table="matrix"] td[data-status]').evaluate_all("cells => cells.map(c => c.dataset.status)")
        ) == {"implemented"}
        assert "status=implemented" in page.locator("a[data-csv]").get_attribute("href")

        page.go_back()
        page.wait_for_url(lambda url: "status=implemented" not in url and "country=AR" in url)
        wait_total(page, "pairs", either)
        assert not page.locator('input[name=status][value="implemented"]').is_checked()
        assert page.locator('input[name=country][value="AR"]').is_checked()
        page.go_back()
        page.wait_for_url(lambda url: "country=AR" not in url and "country=PE" in url)
        wait_total(page, "pairs", peru)
        assert not page.locator('input[name=country][value="AR"]').is_checked()
        page.go_forward()
        page.wait_for_url(re.compile(r"country=AR"))
        wait_total(page, "pairs", either)
        assert page.locator('input[name=country][value="AR"]').is_checked()
        if javascript:  # a chip removes its filter in place
            page.locator(".selected-filters a").first.click()
            page.wait_for_url(lambda url: url.count("country=") == 1)
            page.wait_for_function(IDLE)
            assert total(page, "pairs") in (peru, either - peru)
        page.screenshot(path=str(_artifact(f"progress-filters-{'js' if javascript else 'no-js'}.png")), full_page=True)
    finally:
        context.close()


def test_group_by_and_bad_filter_with_javascript(live_site, page):
    page.goto(live_site + BOARD)
    page.select_option("#group_by", "objective")
    page.wait_for_url(re.compile(r"group_by=objective"))
    page.wait_for_function(IDLE)
    assert page.locator('table[data-table="groups"]').get_attribute("data-group-by") == "objective"
    response = page.goto(live_site + BOARD + "?country=ZZ")
    assert response.status == 400
    assert page.locator("[data-board-errors]").is_visible()


def test_from_the_matrix_to_the_timeline_and_its_evidence(live_site, page):
    page.goto(live_site + BOARD)
    row = page.locator('table[data-table="matrix"] tbody tr').filter(has=page.locator(f'th a[href="{RECOMMENDATION}"]'))
    cell = row.locator('td[data-country="HN"] a')
    assert cell.get_attribute("href") == RECOMMENDATION + "#follow-up-HN"
    cell.click()
    page.wait_for_url(re.compile(re.escape(RECOMMENDATION) + "#follow-up-HN$"))
    assert page.locator("#follow-up-HN").is_visible()
    timeline = page.locator('ol[data-timeline="HN"]')
    assert timeline.locator("li[data-report]").count() >= 1
    evidence = timeline.locator(".evidence a")
    assert evidence.count() >= 1 and evidence.first.get_attribute("href").startswith("https://")
    assert page.locator('table[data-table="follow-up-status"] tr[data-country="HN"]').is_visible()
    assert page.locator(".linked-practices a").count() >= 1


def _artifact(name: str):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


@pytest.mark.parametrize("language", ["es", "en"])
def test_progress_accessibility_and_screenshots(live_site, browser, language):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(locale=language)
    page = context.new_page()
    prefix = "" if language == "es" else f"/{language}"
    axe = Axe()
    problems = {}
    pages = {
        "progress-board": BOARD,
        "progress-board-filtered": BOARD + "?country=PE&country=AR&group_by=addressee",
        "progress-board-empty": BOARD + "?status=not_implemented",
        "recommendation-follow-up": RECOMMENDATION,
        "follow-up-form": None,  # the recommendation's "report progress" link
    }
    try:
        for name, path in pages.items():
            path = prefix + path if path else page.locator("a[data-report-link]").get_attribute("href")
            response = page.goto(live_site + path)
            assert response.status == 200, (name, response.status)
            assert page.locator("html").get_attribute("lang") == language
            results = axe.run(page)
            if results.violations_count:
                problems[name] = results.generate_report()
            page.screenshot(path=str(_artifact(f"{name}-{language}.png")), full_page=True)
    finally:
        context.close()
    assert not problems, "\n\n".join(f"{name}:\n{report}" for name, report in problems.items())


def test_board_page_weight(live_site, capsys):
    """What a phone downloads for the board (HTML + CSS + JS, gzipped)."""

    def fetch(path):
        with urllib.request.urlopen(live_site + path) as response:
            return response.read()

    html = fetch(BOARD)
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    assert any(b"/progress." in a and a.endswith(b".css") for a in assets) and any(
        b"/progress." in a and a.endswith(b".js") for a in assets
    )
    sizes = {"html": len(gzip.compress(html, 6))}
    for asset in assets:
        sizes[asset.decode()] = len(gzip.compress(fetch(asset.decode()), 6))
    weight = sum(sizes.values())
    _artifact("progress-board-page-weight.txt").write_text(f"{sizes} total={weight}\n")
    with capsys.disabled():
        print(f"\nprogress board page weight (gzip): {sizes} total={weight} bytes")
    assert weight < 60_000
