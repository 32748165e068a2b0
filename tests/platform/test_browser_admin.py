"""A real browser (Debian's Chromium through Playwright) against a real server process."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("live_site")]


def test_admin_login_in_a_browser(live_site, page, demo_password):
    page.goto(f"{live_site}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", demo_password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site}/admin/")
    assert page.locator("main").is_visible()
    assert "Enlace" in page.content()


def test_the_home_page_in_a_browser(live_site, page):
    response = page.goto(f"{live_site}/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "es"
    page.click("text=Repositorio de prácticas")
    assert page.locator("h1").inner_text() == "Repositorio de prácticas"
