"""Drift between the published content and an index, and its repair (``search_check``)."""

from __future__ import annotations

from .backends.base import Drift, SearchBackend
from .documents import document_for, iter_documents, key


def backends(which: str = "configured") -> list[SearchBackend]:
    """``database``, ``elasticsearch``, or ``configured`` (the database always, Elasticsearch
    when ``ELASTICSEARCH_URL`` is set)."""
    from django.conf import settings

    from .backends.database import DatabaseBackend

    chosen: list[SearchBackend] = []
    if which in {"database", "configured", "all"}:
        chosen.append(DatabaseBackend())
    if which == "elasticsearch" or (which in {"configured", "all"} and settings.ELASTICSEARCH_URL):
        from .backends.elasticsearch import ElasticsearchBackend

        chosen.append(ElasticsearchBackend())
    return chosen


def expected_fingerprints() -> dict[tuple[str, int], str]:
    return {key(document): document["fingerprint"] for document in iter_documents()}


def drift(backend: SearchBackend, expected: dict | None = None) -> Drift:
    expected = expected_fingerprints() if expected is None else expected
    actual = backend.fingerprints()
    return Drift(
        backend=backend.name,
        missing=sorted(k for k in expected if k not in actual),
        stale=sorted(k for k in expected if k in actual and actual[k] != expected[k]),
        extra=sorted(k for k in actual if k not in expected),
    )


def repair(backend: SearchBackend, found: Drift) -> None:
    documents = [document_for(kind, pk) for kind, pk in found.missing + found.stale]
    backend.upsert([d for d in documents if d is not None])
    gone = [k for k, d in zip(found.missing + found.stale, documents, strict=False) if d is None]
    backend.remove(found.extra + gone)
    backend.refresh()
