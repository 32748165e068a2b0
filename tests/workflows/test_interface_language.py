"""A Spanish session shows no English: no page of the workspace, and no page of the admin as a
delegate, shows a string that has no Spanish translation (of our catalogue or Wagtail's), nor
Python's "None" (issue #16). The people and items are made here (the ``people`` and ``item_at``
fixtures, ``tests/factories.py``), never the demo world's."""

from __future__ import annotations

import glob
import html
import re
from pathlib import Path

import polib
import pytest
import wagtail

from tests.workflows.test_admin_crawl import crawl

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def english_only() -> set[str]:
    """Interface strings (two words or more, no placeholders) with no Spanish translation."""
    strings = set()
    ours = polib.pofile(str(ROOT / "locale/es/LC_MESSAGES/django.po"))
    strings |= {e.msgid for e in ours if not e.translated()}
    base = Path(wagtail.__file__).parent
    for english in glob.glob(str(base / "**/locale/en/LC_MESSAGES/django.po"), recursive=True):
        spanish = english.replace("/en/", "/es/")
        translated = {e.msgid for e in polib.pofile(spanish) if e.translated()} if Path(spanish).exists() else set()
        strings |= {e.msgid for e in polib.pofile(english) if e.msgid not in translated}
    translated_here = {e.msgid for e in ours if e.translated()}
    return {s for s in strings - translated_here if " " in s.strip() and not re.search(r"%|\{|<", s)}


def visible_text(page: str) -> str:
    page = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", " ", page)
    page = re.sub(r"(?is)<(\w+)\b[^>]*\shidden[\s>][^<]*</\1>", " ", page)  # hidden from everyone
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page))


ENGLISH = None


def english_in(page: str) -> list[str]:
    global ENGLISH
    if ENGLISH is None:
        ENGLISH = sorted(english_only(), key=len, reverse=True)
    text = visible_text(page)
    found = [s for s in ENGLISH if s in text]
    if re.search(r"\bNone\b", text):
        found.append("None")
    return found


def workspace_urls(client, item) -> list[str]:
    return [
        "/espacio/",
        "/espacio/recomendaciones/",
        "/espacio/recomendaciones/nueva/",
        f"/espacio/recomendaciones/{item.pk}/",
        f"/espacio/recomendaciones/{item.pk}/editar/",
        f"/espacio/recomendaciones/{item.pk}/cambios/",
        f"/espacio/recomendaciones/{item.pk}/vista-previa/",
        f"/espacio/recomendaciones/{item.pk}/retirar/",
        f"/espacio/recomendaciones/{item.pk}/enmiendas/nueva/",
        f"/espacio/recomendaciones/{item.pk}/coautoria/?buscar=dele",
    ]


@pytest.mark.parametrize("username", ["delegate1", "secretariat1", "liaison1", "network", "member"])
def test_the_workspace_in_spanish_has_no_english(client, people, item_at, username):
    item = item_at("liaison")
    client.force_login(people[username])
    found = {}
    for url in workspace_urls(client, item):
        response = client.get(url)
        if response.status_code == 200:
            leaks = english_in(response.content.decode())
            if leaks:
                found[url] = leaks
    assert found == {}


def test_the_admin_as_a_delegate_in_spanish_has_no_english(client, people, item_at):
    from tests.workflows.test_admin_crawl import material  # noqa: F401  (fixture module)

    item = item_at("table")
    client.force_login(people["delegate1"])
    found = {}
    for url, response, page in crawl(
        client,
        [
            "/admin/",
            "/admin/pages/",
            f"/admin/pages/{item.pk}/edit/",
            f"/admin/pages/{item.pk}/history/",
            "/admin/snippets/cms/contribution/",
            "/admin/snippets/cms/contribution/add/",
            "/admin/account/",
        ],
    ):
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            leaks = english_in(page)
            if leaks:
                found[url] = leaks
    assert found == {}, "\n".join(f"{url}: {leaks}" for url, leaks in list(found.items())[:25])
