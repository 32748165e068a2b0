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


def repair(backend: SearchBackend, found: Drift) -> None:
    documents = [document_for(kind, pk) for kind, pk in found.missing + found.stale]
    backend.upsert([d for d in documents if d is not None])
    gone = [k for k, d in zip(found.missing + found.stale, documents, strict=False) if d is None]
    backend.remove(found.extra + gone)
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
