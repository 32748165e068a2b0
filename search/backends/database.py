"""The database backend: our own tables (:mod:`search.models`), no server needed.

Full text is SQLite FTS5 (``enlace_search_fts``) or PostgreSQL ``tsvector`` columns with GIN
indexes, both over text folded in Python (:mod:`search.text`), so accents and case never
matter. Each query term becomes a group of alternatives, the groups are ANDed:

* the term and its one-edit neighbours (for terms of five characters or more) found in the
  :class:`~search.models.SearchTerm` vocabulary, matched against the folded text;
* the term's Spanish and Portuguese stems, matched against the stems column.

A search with text evaluates the text match once: the ids it matches (with the type and year
restrictions) are read first and passed as one parameter to the total, the facet counts and the
ordering, which then never touch the full-text index again (issue 19: the match was evaluated
three times, and once more per selected facet, the largest cost of text queries on PostgreSQL).
Without facet filters their number is the total. ``DatabaseBackend(match_once=False)`` keeps the
former plain queries (the full-text condition in every query): the reference the tests compare
with.

Facet counts are ``GROUP BY`` queries on :class:`~search.models.SearchFacetValue`: one for all
facets without a selection, one per facet with a selection (its own filter left out).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import BooleanField, Case, Count, F, FloatField, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate

from .. import cache as response_cache
from ..documents import FACETS, TEXT_FIELDS, key
from ..models import SearchEntry, SearchFacetValue, SearchTerm
from ..text import (
    FUZZY_MIN_LENGTH,
    MAX_EXPANSIONS,
    Matcher,
    fold,
    fuzzy_candidates_key,
    stem_set,
    stems,
    within_one_edit,
)
from ..types import Hit, SearchQuery, SearchResults, assemble_facets, highlight, hit_from_document
from .base import Key, Progress, SearchBackend, suggestion

FTS_TABLE = "enlace_search_fts"
# Weights of the FTS5 columns title, summary, body, stems (bm25) and of PostgreSQL's A/B/D.
FTS_WEIGHTS = (4.0, 2.0, 1.0, 0.5)
BATCH = 500


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self, *, match_once: bool = True):
        self.match_once = match_once

    @property
    def vendor(self) -> str:
        vendor = connection.vendor
        if vendor not in {"sqlite", "postgresql"}:
            raise ImproperlyConfigured(f"The database search backend supports SQLite and PostgreSQL, not {vendor}.")
        return vendor

    # === reading =================================================================================

    def search(self, query: SearchQuery) -> SearchResults:
        groups = self._groups(query.terms)
        base = self._base(query, groups)
        filters = self._filters(query)
        matched = None
        if groups and (self.match_once or not filters):
            # The text match once: its ids stand for it in the total, the facet counts (every
            # selected facet's own count needs the text matches without that facet's filter) and
            # the order.
            matched = self._matched_ids(query, groups, base)
            base = SearchEntry.objects.filter(self._among(matched))
        hits_qs = base.filter(*filters.values())
        total = len(matched) if matched is not None and not filters else hits_qs.count()
        counts = self._facet_counts(base, filters, matched)
        page_ids = self._ordered_ids(hits_qs, query, groups, query.offset, query.offset + query.page_size)
        matcher = self._matcher(groups)
        documents = dict(SearchEntry.objects.filter(id__in=page_ids).values_list("id", "document"))
        hits = [self._hit(documents[entry_id], matcher) for entry_id in page_ids if entry_id in documents]
        return SearchResults(
            total=total,
            hits=hits,
            facets=assemble_facets(counts, query),
            backend=self.name,
            degraded=False,
            page=query.page,
            page_size=query.page_size,
        )

    def iter_hits(self, query: SearchQuery) -> Iterator[Hit]:
        groups = self._groups(query.terms)
        hits_qs = self._base(query, groups).filter(*self._filters(query).values())
        matcher = self._matcher(groups)
        ids = self._ordered_ids(hits_qs, query, groups, 0, None)
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            documents = dict(SearchEntry.objects.filter(id__in=chunk).values_list("id", "document"))
            for entry_id in chunk:
                if entry_id in documents:
                    yield self._hit(documents[entry_id], matcher)

    def suggest(self, prefix_terms: list[str], prefix: str, *, types: tuple[str, ...], limit: int) -> list[dict]:
        *whole, last = prefix_terms
        if self.vendor == "sqlite":
            expression = " AND ".join([f'"{term}"' for term in whole] + [f'"{last}"*'])
            condition = RawSQL(
                f"id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
                ["{title} : (" + expression + ")"],
                output_field=BooleanField(),
            )
        else:
            expression = " & ".join([f"{term}:A" for term in whole] + [f"{last}:*A"])
            condition = RawSQL("vector @@ to_tsquery('simple', %s)", [expression], output_field=BooleanField())
        starts = " ".join(prefix_terms)
        rows = (
            SearchEntry.objects.filter(condition, type__in=types)
            .annotate(
                starts=Case(When(title_sort__startswith=starts, then=Value(0)), default=Value(1), output_field=IntegerField())
            )
            .order_by("starts", self._title_order(), "type", "object_id")
            .values_list("document", flat=True)[:limit]
        )
        return [suggestion(document) for document in rows]

    # --- query parts ---------------------------------------------------------------------------

    def _groups(self, terms: list[str]) -> list[tuple[list[str], list[str]]]:
        """Per query term: (the term and its one-typo neighbours, its stems)."""
        groups = []
        for term in terms:
            words = [term]
            if len(term) >= FUZZY_MIN_LENGTH:
                words += [word for word in self._neighbours(term) if word != term]
            groups.append((words, sorted(stems(term))))
        return groups

    def _neighbours(self, term: str) -> list[str]:
        prefix2, suffix2 = fuzzy_candidates_key(term)
        length = len(term)
        candidates = SearchTerm.objects.filter(
            Q(prefix2=prefix2) | Q(suffix2=suffix2), length__gte=length - 1, length__lte=length + 1
        ).values_list("term", flat=True)
        close = sorted(word for word in candidates if within_one_edit(term, word))
        close.sort(key=lambda word: word != term)
        return close[:MAX_EXPANSIONS]

    def _text_condition(self, groups) -> RawSQL:
        if self.vendor == "sqlite":
            parts = []
            for words, word_stems in groups:
                alternatives = "{title summary body} : (" + " OR ".join(f'"{w}"' for w in words) + ")"
                if word_stems:
                    alternatives += " OR stems : (" + " OR ".join(f'"{s}"' for s in word_stems) + ")"
                parts.append(f"({alternatives})")
            return RawSQL(
                f"id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
                [" AND ".join(parts)],
                output_field=BooleanField(),
            )
        sql, params = [], []
        for words, word_stems in groups:
            condition, condition_params = self._group_condition(words, word_stems)
            sql.append(condition)
            params += condition_params
        return RawSQL("(" + " AND ".join(sql) + ")", params, output_field=BooleanField())

    def _matched_ids(self, query: SearchQuery, groups, base) -> list[int]:
        """The ids of the entries the text matches (with the type and year restrictions).

        On PostgreSQL each term's group is read from the GIN indexes alone (bitmap scans) and the
        groups are intersected: a common word matches most of the corpus, and the planner then
        prefers a sequential scan that unpacks every row's (TOASTed) ``tsvector`` to test it, a
        cost its model does not count (issue 19, at 100,000: 740 ms against 115 ms for
        ``derechos migrantes``). Sequential scans are switched off for this one query, inside a
        savepoint (the setting is put back, or rolled back with it on an error)."""
        if self.vendor != "postgresql":
            return list(base.values_list("id", flat=True))
        table = SearchEntry._meta.db_table
        sql, params = [], []
        for words, word_stems in groups:
            condition, condition_params = self._group_condition(words, word_stems)
            sql.append(f"SELECT id FROM {table} WHERE {condition}")
            params += condition_params
        matched = self._base(query, []).filter(
            RawSQL("id IN (" + " INTERSECT ".join(sql) + ")", params, output_field=BooleanField())
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
            (previous, _) = cursor.fetchone()
            ids = list(matched.values_list("id", flat=True))
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
        return ids

    @staticmethod
    def _group_condition(words: list[str], word_stems: list[str]) -> tuple[str, list[str]]:
        """PostgreSQL: one term's alternatives (the term and its neighbours, its stems)."""
        if word_stems:
            return (
                "(vector @@ to_tsquery('simple', %s) OR stem_vector @@ to_tsquery('simple', %s))",
                [" | ".join(words), " | ".join(word_stems)],
            )
        return "vector @@ to_tsquery('simple', %s)", [" | ".join(words)]

    def _among(self, ids: list[int], column: str = "id") -> RawSQL:
        """``column`` among ``ids``, as one parameter (an array on PostgreSQL, a JSON array read by
        ``json_each`` on SQLite), whatever the number of ids."""
        if self.vendor == "sqlite":
            return RawSQL(f"{column} IN (SELECT value FROM json_each(%s))", [json.dumps(ids)], output_field=BooleanField())
        # One text parameter: psycopg would quote every element of a list (0.17 s for 58,000 ids).
        return RawSQL(f"{column} = ANY(%s::bigint[])", ["{" + ",".join(map(str, ids)) + "}"], output_field=BooleanField())

    def _base(self, query: SearchQuery, groups):
        qs = SearchEntry.objects.filter(type__in=query.types)
        if query.year_from is not None:
            qs = qs.filter(start_year__gte=query.year_from)
        if query.year_to is not None:
            qs = qs.filter(start_year__lte=query.year_to)
        if groups:
            qs = qs.filter(self._text_condition(groups))
        return qs

    def _filters(self, query: SearchQuery) -> dict[str, Q]:
        """One condition per selected facet. ``id IN (entries with the codes)``, not a correlated
        ``EXISTS``: PostgreSQL plans both as the same semi-join, but SQLite ran the ``EXISTS`` once
        per entry of the corpus, and reads the ``IN`` list once (issue 19, 10,000 practices,
        three facets: 99 ms → 49 ms on SQLite, unchanged on PostgreSQL)."""
        filters = {}
        for name, codes in query.filters.items():
            if name == "event":
                filters[name] = Q(event__in=codes)
            else:
                filters[name] = Q(id__in=SearchFacetValue.objects.filter(facet=name, code__in=codes).values("entry_id"))
        return filters

    def _facet_counts(self, base, filters: dict[str, Q], matched: list[int] | None = None) -> dict[str, dict[str, int]]:
        """``matched``: the ids of the text match, when ``base`` is exactly them (the facets without
        a selection are then counted on the facet values alone, without the entries: a quarter
        less at 100,000)."""
        counts: dict[str, dict[str, int]] = defaultdict(dict)

        def count(facets: list[str], scoped) -> None:
            if scoped is None:
                entries = self._among(matched, column="entry_id")
            else:
                entries = Q(entry__in=scoped.values("id"))
            rows = (
                SearchFacetValue.objects.filter(entries, facet__in=facets)
                .values_list("facet", "code")
                .annotate(n=Count("id"))
                .order_by()
            )
            for facet, code, n in rows:
                counts[facet][code] = n

        unselected = [name for name in FACETS if name not in filters]
        if unselected:
            count(unselected, None if matched is not None and not filters else base.filter(*filters.values()))
        for name in FACETS:
            if name in filters:
                count([name], base.filter(*[f for other, f in filters.items() if other != name]))
        return counts

    def _title_order(self):
        return Collate(F("title_sort"), "C").asc() if self.vendor == "postgresql" else F("title_sort").asc()

    def _ordered_ids(self, hits_qs, query: SearchQuery, groups, start: int, stop: int | None) -> list[int]:
        sort = query.effective_sort
        if sort == "relevance":
            return self._by_relevance(hits_qs, groups, start, stop)
        if sort == "title":
            order = [self._title_order(), "type", "object_id"]
        elif sort == "-start_year":
            order = [F("start_year").desc(nulls_last=True), self._title_order(), "type", "object_id"]
        else:  # -published
            order = ["-published", self._title_order(), "type", "object_id"]
        return list(hits_qs.order_by(*order).values_list("id", flat=True)[start:stop])

    def _by_relevance(self, hits_qs, groups, start: int, stop: int | None) -> list[int]:
        words = sorted({w for ws, _ in groups for w in ws})
        word_stems = sorted({s for _, ss in groups for s in ss})
        if self.vendor == "sqlite":
            scores: dict[int, float] = {}
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid, bm25({FTS_TABLE}, {', '.join(map(str, FTS_WEIGHTS))}) FROM {FTS_TABLE} "
                    f"WHERE {FTS_TABLE} MATCH %s",
                    [self._any_expression(words, word_stems)],
                )
                scores = {rowid: -score for rowid, score in cursor.fetchall()}
            rows = list(hits_qs.values_list("id", "published", "type", "object_id"))
            rows.sort(key=lambda r: (-scores.get(r[0], 0.0), -r[1], r[2], r[3]))
            return [r[0] for r in rows[start:stop]]
        score = RawSQL(
            "ts_rank(vector, to_tsquery('simple', %s)) + 0.5 * ts_rank(stem_vector, to_tsquery('simple', %s))",
            [" | ".join(words), " | ".join(word_stems) or words[0]],
            output_field=FloatField(),
        )
        ranked = hits_qs.annotate(score=score).order_by("-score", "-published", "type", "object_id")
        return list(ranked.values_list("id", flat=True)[start:stop])  # the page only: a top-N sort

    @staticmethod
    def _any_expression(words, word_stems) -> str:
        expression = "{title summary body} : (" + " OR ".join(f'"{w}"' for w in words) + ")"
        if word_stems:
            expression += " OR stems : (" + " OR ".join(f'"{s}"' for s in word_stems) + ")"
        return expression

    @staticmethod
    def _matcher(groups) -> Matcher | None:
        if not groups:
            return None
        return Matcher(
            terms=frozenset(w for words, _ in groups for w in words),
            stems=frozenset(s for _, ss in groups for s in ss),
        )

    @staticmethod
    def _hit(document: dict, matcher: Matcher | None) -> Hit:
        return hit_from_document(document, highlight(document, matcher))

    # === writing =================================================================================

    def upsert(self, documents: Iterable[dict]) -> int:
        documents = list(documents)
        with transaction.atomic():
            for start in range(0, len(documents), BATCH):
                self._write(documents[start : start + BATCH])
            if documents:
                response_cache.bump_on_commit()
        return len(documents)

    def remove(self, keys: Iterable[Key]) -> int:
        by_type: dict[str, list[int]] = defaultdict(list)
        for kind, object_id in keys:
            by_type[kind].append(object_id)
        removed = 0
        with transaction.atomic():
            for kind, ids in by_type.items():
                removed += self._delete(SearchEntry.objects.filter(type=kind, object_id__in=ids))
            if by_type:  # even when nothing was there: an answer may still show it
                response_cache.bump_on_commit()
        return removed

    def fingerprints(self) -> dict[Key, str]:
        return {(t, i): f for t, i, f in SearchEntry.objects.values_list("type", "object_id", "fingerprint")}

    def rebuild(self, documents: Iterable[dict], *, progress: Progress | None = None) -> int:
        written = 0
        with transaction.atomic():
            self._delete(SearchEntry.objects.all())
            SearchTerm.objects.all().delete()
            batch: list[dict] = []
            for document in documents:
                batch.append(document)
                if len(batch) == BATCH:
                    written += self._write(batch, replace=False)
                    batch = []
                    if progress:
                        progress(written)
            if batch:
                written += self._write(batch, replace=False)
                if progress:
                    progress(written)
            response_cache.bump_on_commit()
        return written

    def _delete(self, queryset) -> int:
        ids = list(queryset.values_list("id", flat=True))
        if not ids:
            return 0
        SearchFacetValue.objects.filter(entry_id__in=ids).delete()
        if self.vendor == "sqlite" and len(ids) == SearchEntry.objects.count():
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
        SearchEntry.objects.filter(id__in=ids).delete()  # the SQLite trigger drops the FTS rows
        return len(ids)

    def _write(self, documents: list[dict], *, replace: bool = True) -> int:
        if replace:
            keys = defaultdict(list)
            for document in documents:
                keys[document["type"]].append(document["id"])
            for kind, ids in keys.items():
                self._delete(SearchEntry.objects.filter(type=kind, object_id__in=ids))
        entries = SearchEntry.objects.bulk_create(
            [
                SearchEntry(
                    type=d["type"],
                    object_id=d["id"],
                    slug=d["slug"],
                    url=d["url"],
                    title=d["title"],
                    title_sort=d["title_sort"],
                    start_year=d["start_year"],
                    published=d["published"],
                    event=d["event"],
                    fingerprint=d["fingerprint"],
                    document=d,
                )
                for d in documents
            ]
        )
        if any(entry.pk is None for entry in entries):  # databases that return no ids on bulk insert
            ids = dict(
                ((t, i), pk)
                for t, i, pk in SearchEntry.objects.filter(fingerprint__in=[d["fingerprint"] for d in documents]).values_list(
                    "type", "object_id", "id"
                )
            )
            for entry, document in zip(entries, documents, strict=False):
                entry.pk = ids[key(document)]
        SearchFacetValue.objects.bulk_create(
            [
                SearchFacetValue(entry_id=entry.pk, facet=facet, code=code)
                for entry, document in zip(entries, documents, strict=False)
                for facet in FACETS
                for code in dict.fromkeys(document["facets"].get(facet, []))
            ]
        )
        rows, terms = [], set()
        for entry, document in zip(entries, documents, strict=False):
            text = document["text"]
            title, summary = fold(text.get("title", "")), fold(text.get("summary", ""))
            rest = "\n".join(fold(text.get(name) or "") for name in TEXT_FIELDS if name not in {"title", "summary"})
            words = set(title.split()) | set(summary.split()) | set(rest.split())
            terms |= {w for w in words if 4 <= len(w) <= 100}
            rows.append((entry.pk, title, summary, rest, " ".join(sorted(stem_set(words)))))
        with connection.cursor() as cursor:
            if self.vendor == "sqlite":
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body, stems) VALUES (%s, %s, %s, %s, %s)", rows
                )
            else:
                cursor.executemany(
                    "UPDATE enlace_search_searchentry SET "
                    "vector = setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"
                    " || to_tsvector('simple', %s), stem_vector = to_tsvector('simple', %s) WHERE id = %s",
                    [(title, summary, rest, word_stems, pk) for pk, title, summary, rest, word_stems in rows],
                )
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=t, length=len(t), prefix2=t[:2], suffix2=t[-2:]) for t in terms], ignore_conflicts=True
        )
        return len(documents)
