"""Building every document for a reindex (``search.documents.iter_documents``) reads the sites'
root paths once, and gives exactly the documents built one by one (``document_for``, the path of
the indexing receivers): same fields, URLs and fingerprints."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from search.documents import TYPES, document_for, iter_documents

pytestmark = pytest.mark.django_db


def test_iter_documents_equals_the_documents_built_one_by_one():
    documents = list(iter_documents())
    assert {d["type"] for d in documents} == set(TYPES) and len(documents) > 40
    assert all(d["url"].startswith("/") for d in documents)
    for document in documents:
        assert document_for(document["type"], document["id"]) == document


def test_the_sites_root_paths_are_read_once_for_the_whole_run(monkeypatch):
    calls = []
    original = Site.get_site_root_paths

    def counted():
        calls.append(1)
        return original()

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(counted))
    documents = list(iter_documents())
    assert len(calls) == 1 and len(documents) > 40
    document_for(documents[0]["type"], documents[0]["id"])
    assert len(calls) == 2  # one by one: once per document, as before


def strip_tags_text(html: str) -> str:
    """What ``html_to_text`` gave before its fast path: Django's ``strip_tags``, unescaped."""
    from html import unescape

    from django.utils.html import strip_tags

    spaced = html.replace("</p>", "</p>\n").replace("<br/>", "\n").replace("<br>", "\n")
    return unescape(strip_tags(spaced)).strip()


@pytest.mark.parametrize(
    "html",
    [
        "<p>Tom &amp; Jerry<br/>ok</p><p>b</p>",
        "<p>a &lt; b</p>",
        "<p>x<!-- note --></p>",
        "a <b>c",
        "<p>1 > 0</p>",
        "<a href='x>y'>t</a>",
        "<h2>T</h2><ul><li>uno</li><li>dos</li></ul>",
        "<script>x</script>y",
        "",
    ],
)
def test_html_to_text_reads_as_strip_tags(html):
    """The fast path (one regular expression) gives Django's strip_tags text; what it cannot
    read (a bare < or > left over) goes through strip_tags itself."""
    from search.documents import html_to_text

    assert html_to_text(html) == strip_tags_text(html)


@pytest.mark.django_db
def test_html_to_text_reads_every_demo_body_as_strip_tags(django_db_setup):
    from cms.models import PracticePage
    from search.documents import html_to_text

    bodies = [body for body in PracticePage.objects.values_list("body", flat=True) if body]
    assert bodies
    for body in bodies:
        assert html_to_text(body) == strip_tags_text(body)
