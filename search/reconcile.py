"""Drift between the published content and an index, and its repair: ``check()`` is what
``search_check`` and the beat task ``search.repair_drift`` run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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


def after_rebuild(backend: SearchBackend) -> Drift:
    """What changed while ``backend`` was being rebuilt (``search_reindex``): writes made during
    the load went to the index the alias still served, not to the new one.

    Elasticsearch is compared with the database index, whose fingerprints are read, not built:
    every change updates that index synchronously, in its own transaction (``search.indexing``),
    so it already holds everything published during the load. A rebuild of 100,000 documents
    then no longer builds every document a second time (37-42 s of it, issue 19). A document the
    database index got wrong is still rebuilt from the content by :func:`repair`, and the daily
    ``search.repair_drift`` compares both indexes with the content itself. The database index
    is compared with the content."""
    if backend.name == "elasticsearch":
        from .backends.database import DatabaseBackend

        indexed = DatabaseBackend().fingerprints()
        if indexed:  # never built (an install that only ever indexed Elasticsearch): the content
            return drift(backend, indexed)
    return drift(backend)


def repair(backend: SearchBackend, found: Drift) -> None:
    """Every key of ``found`` rebuilt from the content: written when published, removed when not
    (an "extra" is checked too: it is only extra against what ``found`` was compared with)."""
    keys = found.missing + found.stale + found.extra
    documents = [document_for(kind, pk) for kind, pk in keys]
    backend.upsert([d for d in documents if d is not None])
    backend.remove([k for k, d in zip(keys, documents, strict=True) if d is None])
    backend.refresh()


SHOWN = 20


class IndexUnreadable(Exception):
    pass


@dataclass
class Checked:
    backend: str
    found: object  # reconcile's Drift before any repair
    after: object | None  # after the repair (None: not repaired, or nothing to repair)

    @property
    def drifted(self) -> bool:
        """Drift remains (found and not repaired, or still there after the repair)."""
        remaining = self.after if self.after is not None else self.found
        return not remaining.clean


_repair = repair  # check()'s argument ``repair`` shadows the function


def check(backend: str = "configured", repair: bool = False, write: Callable[[str], None] = lambda line: None) -> list[Checked]:
    """Compare every configured index with the published content; repair when asked. Each
    report line goes to ``write``."""
    expected = expected_fingerprints()
    results = []
    for target in backends(backend):
        try:
            found = drift(target, expected)
        except Exception as exc:
            raise IndexUnreadable(f"{target.name}: cannot read the index: {exc}") from exc
        write(f"{found} (of {len(expected)} published)")
        for label in ("missing", "stale", "extra"):
            keys = getattr(found, label)
            if keys:
                shown = ", ".join(f"{kind}:{pk}" for kind, pk in keys[:SHOWN])
                write(f"  {label}: {shown}" + (" …" if len(keys) > SHOWN else ""))
        after = None
        if repair and not found.clean:
            _repair(target, found)
            after = drift(target, expected)
            write(f"  repaired: {after}")
        results.append(Checked(target.name, found, after))
    return results
