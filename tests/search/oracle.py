"""A brute-force reference for the search service: the matching rules of ``search.text``
applied in plain Python to every published document. The database backend must agree with
it exactly, and the Elasticsearch backend with the database backend."""

from __future__ import annotations

from collections import Counter

from search.documents import FACETS, TEXT_FIELDS, iter_documents
from search.text import FUZZY_MIN_LENGTH, MAX_EXPANSIONS, fold, stem_set, stems, within_one_edit
from search.types import SearchQuery, assemble_facets


class Oracle:
    def __init__(self, documents=None):
        self.documents = list(iter_documents()) if documents is None else list(documents)
        self.tokens = {}
        self.stems = {}
        vocabulary = set()
        for d in self.documents:
            words = set()
            for name in TEXT_FIELDS:
                words.update(fold(d["text"].get(name) or "").split())
            self.tokens[(d["type"], d["id"])] = words
            self.stems[(d["type"], d["id"])] = stem_set(words)
            vocabulary |= {w for w in words if len(w) >= 4}
        self.vocabulary = sorted(vocabulary)
        self._expansions: dict[str, set[str]] = {}

    def _words(self, term) -> set[str]:
        if term not in self._expansions:
            words = {term}
            if len(term) >= FUZZY_MIN_LENGTH:
                close = sorted(w for w in self.vocabulary if within_one_edit(term, w))
                close.sort(key=lambda w: w != term)
                words |= set(close[:MAX_EXPANSIONS])
            self._expansions[term] = words
        return self._expansions[term]

    def _term_matches(self, term, key) -> bool:
        return bool(self._words(term) & self.tokens[key]) or bool(stems(term) & self.stems[key])

    def _base(self, q: SearchQuery):
        out = []
        for d in self.documents:
            if d["type"] not in q.types:
                continue
            if q.year_from is not None and (d["start_year"] is None or d["start_year"] < q.year_from):
                continue
            if q.year_to is not None and (d["start_year"] is None or d["start_year"] > q.year_to):
                continue
            if "event" in q.filters and d["event"] not in q.filters["event"]:
                continue
            if all(self._term_matches(t, (d["type"], d["id"])) for t in q.terms):
                out.append(d)
        return out

    @staticmethod
    def _passes(d, q: SearchQuery, skip: str | None = None) -> bool:
        return all(set(d["facets"][name]) & set(codes) for name, codes in q.filters.items() if name in FACETS and name != skip)

    def search(self, q: SearchQuery):
        """(total, ordered keys of the page or None for relevance, all keys, facets)."""
        q = q.validated()
        base = self._base(q)
        hits = [d for d in base if self._passes(d, q)]
        counts = {}
        for name in FACETS:
            counter = Counter()
            for d in base:
                if self._passes(d, q, skip=name):
                    counter.update(set(d["facets"][name]))
            counts[name] = dict(counter)
        sort = q.effective_sort
        if sort == "title":
            hits.sort(key=lambda d: (d["title_sort"], d["type"], d["id"]))
        elif sort == "-start_year":
            hits.sort(key=lambda d: (d["start_year"] is None, -(d["start_year"] or 0), d["title_sort"], d["type"], d["id"]))
        elif sort == "-published":
            hits.sort(key=lambda d: (-d["published"], d["title_sort"], d["type"], d["id"]))
        keys = [(d["type"], d["id"]) for d in hits]
        page = keys[q.offset : q.offset + q.page_size] if sort != "relevance" else None
        return len(hits), page, set(keys), assemble_facets(counts, q)
