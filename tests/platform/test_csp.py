"""The Content-Security-Policy header (issue 15), in-process: on the site, the workspace, the
admin and the API docs; scripts never inline; the admin's own inline scripts carry the
response's nonce and no other inline script does. Chromium's view: test_browser_csp.py."""

from __future__ import annotations

import re

import pytest

from cms.models import EventPage, PracticePage
from enlace.accounts.csp import is_wagtail_script

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/login/", "/practicas/", "/seguimiento/", "/api/v1/docs/", "/admin/login/"])
def test_pages_carry_the_policy_without_inline_scripts(client, path):
    response = client.get(path)
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == "default-src 'self'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
    assert directives["object-src"] == "object-src 'none'" and "frame-ancestors" in directives
    assert "<script>" not in response.content.decode()


def test_the_api_docs_script_is_a_file_not_inline(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert re.search(r'<script src="[^"]*\?script=', page)
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


@pytest.mark.parametrize("model", [PracticePage, EventPage])
def test_the_admin_inline_scripts_carry_the_nonce_of_the_header(client, people, model):
    client.force_login(people["admin"])
    response = client.get(f"/admin/pages/{model.objects.first().pk}/edit/")
    assert response.status_code == 200
    nonce = re.search(r"'nonce-([^']+)'", policy(response)["script-src"]).group(1)
    body = response.content.decode()
    signed = re.findall(r'<script nonce="([^"]+)">', body)
    assert signed and set(signed) == {nonce}
    assert "<script>" not in body  # nothing inline is left without the nonce (and so would be blocked)


def test_only_the_known_shapes_of_wagtail_scripts_are_signed():
    assert is_wagtail_script('initDateTimeChooser("id_go_live_at", {"dayOfWeekStart": 0, "format": "Y-m-d H:i"});')
    assert is_wagtail_script('new PageChooser("id_event", {"modelNames": ["cms.eventpage"], "parentId": 19});')
    assert is_wagtail_script('\n (function() {\n var panel = new InlinePanel(JSON.parse("{\\u0022a\\u0022: 1}"));\n })();\n')
    assert not is_wagtail_script('initDateChooser("x", {}); alert(1);')
    assert not is_wagtail_script('initDateChooser("x", {"a": alert(1)});')
    assert not is_wagtail_script('new PageChooser("x" + alert(1), {});')
    assert not is_wagtail_script("alert(1)")
