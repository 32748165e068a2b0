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
