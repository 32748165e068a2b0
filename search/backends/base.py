"""What every search backend does. Only :mod:`search.service` and the search commands use
backends; the rest of the project calls the service."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..types import Hit, SearchQuery, SearchResults

Key = tuple[str, int]  # (type, id)
Progress = Callable[[int], None]


@dataclass
class Drift:
    """Differences between the published content and one backend's index."""

    backend: str
    missing: list[Key] = field(default_factory=list)  # published, not in the index
    stale: list[Key] = field(default_factory=list)  # in the index with another fingerprint
    extra: list[Key] = field(default_factory=list)  # in the index, not published

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)

    def __str__(self) -> str:
        return f"{self.backend}: {len(self.missing)} missing, {len(self.stale)} stale, {len(self.extra)} extra"


class SearchBackend(ABC):
    name: str

    # --- reading ----------------------------------------------------------------------------

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults:
        """``query`` is validated (:meth:`SearchQuery.validated`)."""

    @abstractmethod
    def iter_hits(self, query: SearchQuery) -> Iterator[Hit]:
        """Every hit of ``query`` in its sort order, without pagination."""

    @abstractmethod
    def suggest(self, prefix_terms: list[str], prefix: str, *, types: tuple[str, ...], limit: int) -> list[dict]:
        """Titles whose words start with the terms (the last one as a prefix)."""

    # --- writing ----------------------------------------------------------------------------

    @abstractmethod
    def upsert(self, documents: Iterable[dict]) -> int: ...

    @abstractmethod
    def remove(self, keys: Iterable[Key]) -> int: ...

    @abstractmethod
    def fingerprints(self) -> dict[Key, str]:
        """What the index holds: key → fingerprint."""

    def refresh(self) -> None:  # noqa: B027 - optional: databases need not refresh
        """Make recent writes visible to searches (Elasticsearch refreshes; databases need not)."""

    @abstractmethod
    def rebuild(self, documents: Iterable[dict], *, progress: Progress | None = None) -> int:
        """Replace the whole index with ``documents``."""


def suggestion(document: dict) -> dict:
    return {"title": document["title"], "url": document["url"], "type": document["type"], "id": document["id"]}
