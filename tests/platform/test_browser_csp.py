"""The Content-Security-Policy in Chromium (issue 15): one page of each type of the site, the
workspace, the admin and the API docs is served with the policy, works under it (its scripts
run: the search page's facets, the admin's menus and date pickers, Swagger UI), and Chromium
reports no violation. Scripts are never allowed inline (no 'unsafe-inline' in script-src)."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("live_site")]

COLLECT = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""


def api(site: str, path: str) -> dict:
    with urllib.request.urlopen(site + path, timeout=30) as response:
        return json.load(response)


def visit(page, url: str, console: list[str], ready: str | None = None) -> list[str]:
    response = page.goto(url)
    assert response.status == 200, (url, response.status)
    policy = response.headers.get("content-security-policy", "")
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'self'" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src, policy
    page.wait_for_load_state("networkidle")
    if ready:
        page.wait_for_selector(ready, state="attached", timeout=15000)  # rendered by the page's scripts
    found = page.evaluate("window.__cspViolations")
    found += [line for line in console if "Content Security Policy" in line]
    console.clear()
    return found


def test_every_page_type_works_under_the_policy_without_violations(live_site, browser, demo_password):
    context = browser.new_context(locale="es-ES")
    context.add_init_script(COLLECT)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    practice = api(live_site, "/api/v1/practices/?page_size=1")["results"][0]
    recommendation = api(live_site, "/api/v1/recommendations/?page_size=1")["results"][0]
    public = {
        "home": ("/", None),
        "practice search": ("/practicas/?country=PE", "article.hit"),
        "practice": (practice["url"], None),  # with its JSON-LD data block (frontend/structured_data.py)
        "event": ("/eventos/conversatorio-2023/", None),  # likewise
        "open data": ("/datos/", None),
        "recommendation": (recommendation["url"], None),
        "progress board": ("/seguimiento/", None),
        "login": ("/login/", None),
        "API docs": ("/api/v1/docs/", ".swagger-ui .info"),  # Swagger UI ran and rendered the schema
    }
    violations = {}
    for name, (path, ready) in public.items():
        found = visit(page, live_site + re.sub(r"^https?://[^/]+", "", path), console, ready)
        if found:
            violations[name] = found
    # Signed in: the workspace and the admin (the login itself is a page under the policy).
    page.goto(f"{live_site}/login/?next=/espacio/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", demo_password)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/espacio/$"))
    signed_in = {
        "workspace home": ("/espacio/", None),
        "workspace security": ("/espacio/seguridad/", None),
        "admin dashboard": ("/admin/", "#wagtail-sidebar button, [data-wagtail-sidebar] button"),
        "admin page edit": (f"/admin/pages/{practice['id']}/edit/", "[data-w-tabs-target], .w-tabs"),
        "admin page search": ("/admin/pages/search/?q=ley", None),
    }
    for name, (path, ready) in signed_in.items():
        found = visit(page, live_site + path, console, ready)
        if found:
            violations[name] = found
    # The admin's date pickers initialised (their inline scripts carry the nonce and ran).
    page.goto(f"{live_site}/admin/pages/{practice['id']}/edit/#tab-settings")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.initDateTimeChooser") == "function"
    assert page.locator("input[name=go_live_at]").count() == 1
    context.close()
    assert violations == {}, json.dumps(violations, indent=1, ensure_ascii=False)


def test_an_injected_inline_script_is_blocked_in_the_admin(live_site, browser, demo_password):
    """The nonce goes to Wagtail's known inline scripts only: an inline script of another shape
    in an admin page (here: a page title with markup, escaped by Wagtail anyway) never runs."""
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    page.goto(f"{live_site}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", demo_password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site}/admin/")
    blocked = page.evaluate(
        """() => new Promise((resolve) => {
            document.addEventListener('securitypolicyviolation', () => resolve(true));
            const script = document.createElement('script');
            script.textContent = 'window.__ran = true';
            document.body.appendChild(script);
            setTimeout(() => resolve(false), 2000);
        })"""
    )
    assert blocked is True and page.evaluate("window.__ran") is None
    context.close()
