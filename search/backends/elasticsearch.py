"""The Elasticsearch backend (elasticsearch-dsl ``Search`` and ``MultiSearch``).

Index design (works on the minimal ``integ-test-zip`` distribution, richer where the cluster
allows):

* The alias ``index_name("content")`` points at one concrete index ``<alias>-<timestamp>``;
  ``search_reindex`` loads a new one and swaps the alias atomically.
* ``folded.<field>``: text folded in Python (:func:`search.text.fold`) analysed with the
  ``whitespace`` analyzer, so Elasticsearch sees exactly the tokens the database backend sees;
  typo tolerance with ``fuzziness`` 1 on terms of five characters or more. Snippets are drawn
  in Python from ``_source`` with the same rules as the database backend (Elasticsearch's
  highlighter on fuzzy queries cost ~90 ms a query even on the demo data).
* ``stems``: the Snowball stems computed in Python (same as the database backend).
* ``text.<field>``: the original text, stored, never indexed (snippets are drawn from it).
* ``analysed.<language>.<field>``: the same text again, for a document written in Spanish or
  Portuguese only, and only in its own language (issue 19: every field analysed in both
  languages made indexing 3.6 times slower on hunspell), by the ``spanish``/``portuguese``
  analyzers when the cluster has analysis-common, else by ``hunspell`` (es_ES, pt_BR) when the
  node has the dictionaries, else not indexed. These only add to the score (they never decide
  whether a document matches, so both backends return the same hits); the variant in use is
  recorded in the index's ``_meta``.
* ``facets.<facet>``: keywords. A search is one ``_msearch`` of two requests
  (:func:`search_requests`): the page of hits (selected facets as filters, no counting) and the
  counts (``size`` 0, shard request cache; each facet counted with all the *other* facets
  applied, aggregations sharing a filter grouped under one filter aggregation).
* The index is sorted in title order (:data:`INDEX_SORT`) and a full rebuild is
  force-merged before the alias swap. A rebuild keeps :data:`BULK_SENDERS` bulk requests in
  flight while the next documents are built (:func:`overlapped_bulk`).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch import ApiError, BadRequestError, NotFoundError, helpers
from elasticsearch_dsl import MultiSearch, Q, Search

from .. import cache as response_cache
from ..client import get_client, index_name
from ..documents import FACETS, TEXT_FIELDS, TEXT_WEIGHTS
from ..text import FUZZY_MIN_LENGTH, MAX_EXPANSIONS, Matcher, fold, stem_set, stems
from ..types import Hit, SearchQuery, SearchResults, assemble_facets, highlight, hit_from_document
from .base import Key, Progress, SearchBackend, suggestion

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 5  # 3: index sorted (INDEX_SORT); 4: text analysed in its own language; 5: sorted on the title
FACET_SIZE = 1000  # above the number of values of any facet (countries: 249)
BATCH = 500
# Bulk requests in flight during a rebuild. On 2 cores with hunspell, 10,545 prebuilt documents:
# 1 sender 704 docs/s, 2 senders 1,192, 3 senders 1,207 (issue 19).
BULK_SENDERS = 2
SOURCE_EXCLUDES = ["folded", "stems", "analysed"]  # indexed only, never read back
ANALYSED_LANGUAGES = ("es", "pt")  # languages with an analyzer in every variant but "plain"
FOLDED_FIELDS = [f"folded.{name}^{TEXT_WEIGHTS.get(name, 1)}" for name in TEXT_FIELDS]
ANALYSIS_VARIANTS = ("language", "hunspell", "plain")
# The index is stored in title order (the ``title`` sort, see ``sort_spec``): a hits request
# that does not count (``track_total_hits`` off) in that order stops after its page, so the deep
# page (offset 7,980 of 100,000) costs 17 ms instead of 344. The default order (``-published``)
# was the index order before (schema 3-4); measured at 100,000 it costs 2-4 ms more in title
# order, against 20 times less for the title sort (docs/benchmarks.md, issue 19). All three fields
# are single-valued keyword/long fields with doc values.
INDEX_SORT = (("title_sort", "asc"), ("type", "asc"), ("id", "asc"))
FORCE_MERGE_TIMEOUT = 600.0  # seconds; a full rebuild is merged to one segment before the swap


def doc_id(kind: str, object_id: int) -> str:
    return f"{kind}-{object_id}"


def es_source(document: dict) -> dict:
    """What Elasticsearch stores: the document, plus folded text and stems, and the text again
    under its own language when that language has an analyzer."""
    folded = {name: fold(document["text"].get(name) or "") for name in TEXT_FIELDS}
    words = set()
    for value in folded.values():
        words.update(value.split())
    source = {**document, "folded": folded, "stems": " ".join(sorted(stem_set(words)))}
    if document.get("language") in ANALYSED_LANGUAGES:
        source["analysed"] = {document["language"]: {name: document["text"].get(name) or "" for name in TEXT_FIELDS}}
    return source


def overlapped_bulk(client, actions, *, chunk_size: int, senders: int = BULK_SENDERS, progress: Progress | None = None) -> int:
    """``helpers.streaming_bulk(..., raise_on_error=True)`` with the requests sent from
    ``senders`` helper threads, so that building the next documents (database reads, HTML
    stripping, folding, stemming: all in the calling thread, on its own database connection)
    overlaps with Elasticsearch indexing the previous chunks, and the node analyses as many
    chunks at once as it has write threads (one bulk request to one shard is indexed by one
    thread). Documents are never sent twice in one call, so their order across chunks is free."""
    chunks: queue.Queue = queue.Queue(maxsize=2 * senders)
    failure: list[BaseException] = []
    sent = [0] * senders  # one counter per thread: no shared read-modify-write

    def send(slot: int) -> None:
        try:
            while (chunk := chunks.get()) is not None:
                for _ok, _item in helpers.streaming_bulk(client, chunk, chunk_size=chunk_size, raise_on_error=True):
                    sent[slot] += 1
        except BaseException as exc:  # re-raised in the calling thread
            failure.append(exc)
            while chunks.get() is not None:  # keep draining: the producer never blocks
                pass

    threads = [threading.Thread(target=send, args=(slot,), name=f"search-bulk-{slot}", daemon=True) for slot in range(senders)]
    for thread in threads:
        thread.start()
    chunk: list = []
    try:
        for action in actions:
            chunk.append(action)
            if len(chunk) == chunk_size:
                if failure:
                    break
                chunks.put(chunk)
                chunk = []
                if progress:
                    progress(sum(sent))
        if chunk and not failure:
            chunks.put(chunk)
    finally:
        for _thread in threads:
            chunks.put(None)
        for thread in threads:
            thread.join()
    if failure:
        raise failure[0]
    return sum(sent)


# --- index settings and mappings ------------------------------------------------------------


def _analysis(variant: str) -> tuple[dict, dict[str, str]]:
    """(index analysis settings, language → analyzer) for a variant."""
    if variant == "language":
        return {}, {"es": "spanish", "pt": "portuguese"}
    if variant == "hunspell":
        return (
            {
                "filter": {
                    "es_stop": {"type": "stop", "stopwords": "_spanish_"},
                    "pt_stop": {"type": "stop", "stopwords": "_portuguese_"},
                    "es_hunspell": {"type": "hunspell", "locale": "es_ES", "dedup": True},
                    "pt_hunspell": {"type": "hunspell", "locale": "pt_BR", "dedup": True},
                },
                "analyzer": {
                    "es_stemmed": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "es_stop", "es_hunspell"]},
                    "pt_stemmed": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "pt_stop", "pt_hunspell"]},
                },
            },
            {"es": "es_stemmed", "pt": "pt_stemmed"},
        )
    return {}, {}


def index_body(variant: str, *, index_sort: bool = True) -> dict:
    """Settings and mappings of a concrete index; ``index_sort=False`` only to compare with an
    unsorted index (tests, bench)."""
    analysis, analyzers = _analysis(variant)
    keyword = {"type": "keyword"}
    analysed = {
        language: {"properties": {name: {"type": "text", "analyzer": analyzer} for name in TEXT_FIELDS}}
        for language, analyzer in analyzers.items()
    }
    return {
        "settings": {
            "number_of_shards": 1,  # exact facet counts; the corpus is small
            "number_of_replicas": getattr(settings, "SEARCH_ES_REPLICAS", 0),
            **({"analysis": analysis} if analysis else {}),
            **(
                {"sort.field": [name for name, _ in INDEX_SORT], "sort.order": [order for _, order in INDEX_SORT]}
                if index_sort
                else {}
            ),
        },
        "mappings": {
            "dynamic": False,
            "_meta": {"analysis": variant, "schema": SCHEMA_VERSION},
            "properties": {
                "type": keyword,
                "id": {"type": "long"},
                "slug": {"type": "keyword", "index": False},
                "url": {"type": "keyword", "index": False},
                "title_sort": keyword,
                "start_year": {"type": "integer"},
                "published": {"type": "long"},
                "language": keyword,
                "event": keyword,
                "fingerprint": {"type": "keyword", "index": False},
                "facets": {"properties": {name: keyword for name in FACETS}},
                "folded": {"properties": {name: {"type": "text", "analyzer": "whitespace"} for name in TEXT_FIELDS}},
                "stems": {"type": "text", "analyzer": "whitespace"},
                "text": {"type": "object", "enabled": False},
                # unmapped (dynamic off) and so ignored in the "plain" variant
                **({"analysed": {"properties": analysed}} if analysed else {}),
            },
        },
    }


# --- the faceted search ---------------------------------------------------------------------


def text_query(terms: list[str], raw: str, variant: str):
    """Every term must match (folded text with one typo on long terms, or a shared stem);
    phrase and language-analysed matches only add to the score."""
    must = []
    for term in terms:
        alternatives = [
            Q(
                "multi_match",
                query=term,
                fields=FOLDED_FIELDS,
                fuzziness=1 if len(term) >= FUZZY_MIN_LENGTH else 0,
                max_expansions=MAX_EXPANSIONS,
                prefix_length=0,
            )
        ]
        term_stems = sorted(stems(term))
        if term_stems:
            alternatives.append(Q("match", stems={"query": " ".join(term_stems), "boost": 0.5}))
        must.append(Q("bool", should=alternatives, minimum_should_match=1))
    scoring = [Q("multi_match", query=" ".join(terms), type="phrase", fields=FOLDED_FIELDS, boost=2)]
    if variant != "plain":
        scoring.append(
            Q(
                "multi_match",
                query=raw,
                fields=[
                    f"analysed.{lang}.{name}^{TEXT_WEIGHTS.get(name, 1)}" for lang in ANALYSED_LANGUAGES for name in TEXT_FIELDS
                ],
                boost=0.5,
            )
        )
    return Q("bool", must=must, should=scoring)


def base_filters(query: SearchQuery) -> list:
    filters = [Q("terms", type=list(query.types))]
    if query.year_from is not None or query.year_to is not None:
        bounds = {}
        if query.year_from is not None:
            bounds["gte"] = query.year_from
        if query.year_to is not None:
            bounds["lte"] = query.year_to
        filters.append(Q("range", start_year=bounds))
    if query.filters.get("event"):
        filters.append(Q("terms", event=list(query.filters["event"])))
    return filters


def sort_spec(query: SearchQuery) -> list:
    tail = [{"type": "asc"}, {"id": "asc"}]
    sort = query.effective_sort
    if sort == "relevance":
        return [{"_score": "desc"}, {"published": "desc"}] + tail
    if sort == "title":
        return [{"title_sort": "asc"}] + tail
    if sort == "-start_year":
        return [{"start_year": {"order": "desc", "missing": "_last"}}, {"title_sort": "asc"}] + tail
    return [{"published": "desc"}, {"title_sort": "asc"}] + tail


def facet_filter(name: str, codes) -> Q:
    return Q("terms", **{f"facets.{name}": list(codes)})


def _all_of(filters: list) -> Q:
    return Q("bool", filter=filters) if filters else Q("match_all")


def search_requests(query: SearchQuery, *, client, index: str, variant: str) -> tuple[Search, Search]:
    """The two requests of one faceted search, sent together in one ``_msearch``.

    * **hits**: the query, the universe filters and every selected facet as filters, sorted,
      one page, no counting (``track_total_hits`` off: in the index order it can stop early);
    * **counts** (``size`` 0, eligible for the shard request cache): the total and every facet's
      counts. Multi-select (OR within a facet, AND across, each facet counted with the *other*
      facets applied) as ``FacetedSearch`` does it, but aggregations that share a filter are
      grouped: one filter aggregation (all selected facets: its ``doc_count`` is the total) holds
      the terms of every facet without a selection, and each selected facet gets one filter
      aggregation of the others.
    """
    universe = Search(using=client, index=index)
    for clause in base_filters(query):
        universe = universe.filter(clause)
    if query.terms:
        universe = universe.query(text_query(query.terms, query.text, variant))
    selected = {name: facet_filter(name, codes) for name, codes in query.filters.items() if name in FACETS}

    hits = universe
    for clause in selected.values():
        hits = hits.filter(clause)
    hits = (
        hits.sort(*sort_spec(query))
        .source(excludes=SOURCE_EXCLUDES)
        .extra(from_=query.offset, size=query.page_size, track_total_hits=False)
    )

    counts = universe.extra(size=0, track_total_hits=False).params(request_cache=True)
    grouped = counts.aggs.bucket("all", "filter", filter=_all_of(list(selected.values())))
    for name in FACETS:
        if name not in selected:
            grouped.bucket(name, "terms", field=f"facets.{name}", size=FACET_SIZE)
    for name in selected:
        others = [clause for other, clause in selected.items() if other != name]
        counts.aggs.bucket(f"only_{name}", "filter", filter=_all_of(others)).bucket(
            name, "terms", field=f"facets.{name}", size=FACET_SIZE
        )
    return hits, counts


def read_counts(response) -> tuple[int, dict[str, dict[str, int]]]:
    """(total, facet → code → count) from the counts request's response."""
    aggregations = response.aggregations
    counts: dict[str, dict[str, int]] = {}
    for name in FACETS:
        parent = aggregations["all"] if name in aggregations["all"] else aggregations[f"only_{name}"]
        counts[name] = {bucket.key: bucket.doc_count for bucket in parent[name].buckets}
    return aggregations["all"].doc_count, counts


def _matcher(query: SearchQuery) -> Matcher | None:
    return Matcher.for_terms(query.terms) if query.terms else None


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"
    _variants: dict[str, str] = {}

    def __init__(self, url: str | None = None, *, timeout: float | None = None):
        self.url = url or settings.ELASTICSEARCH_URL
        self.timeout = timeout if timeout is not None else getattr(settings, "SEARCH_ES_TIMEOUT", 5.0)
        self.alias = index_name("content")

    @property
    def client(self):
        # A dead node refuses at once: try each other node once before degrading; never wait
        # twice on a timeout.
        others = max(len([u for u in (self.url or "").split(",") if u.strip()]) - 1, 0)
        return get_client(self.url, timeout=max(self.timeout, 30.0)).options(
            request_timeout=self.timeout, max_retries=others, retry_on_timeout=False
        )

    @property
    def admin_client(self):
        """Longer timeouts and retries for writes and index management."""
        return get_client(self.url, timeout=60.0)

    # --- index management --------------------------------------------------------------------

    def variant(self) -> str:
        variant = self._variants.get(self.alias)
        if variant is None:
            mapping = self.client.indices.get_mapping(index=self.alias)
            metas = [body["mappings"].get("_meta", {}) for body in mapping.body.values()]
            variant = metas[0].get("analysis", "plain") if metas else "plain"
            self._variants[self.alias] = variant
        return variant

    def create_index(self, name: str, *, index_sort: bool = True) -> str:
        """Create ``name`` with the richest analysis the cluster accepts; return the variant."""
        client = self.admin_client
        last_error: Exception | None = None
        for variant in ANALYSIS_VARIANTS:
            try:
                client.indices.create(index=name, **index_body(variant, index_sort=index_sort))
                return variant
            except BadRequestError as exc:
                if "resource_already_exists" in str(exc):
                    raise
                last_error = exc
                logger.debug("search index %s: analysis %r not available here (%s)", name, variant, exc.message)
        raise last_error  # pragma: no cover - plain always works

    def concrete_indices(self) -> list[str]:
        try:
            return sorted(self.admin_client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            return []

    def ensure_index(self) -> None:
        """Make sure the alias exists (a first write must not auto-create a bare index)."""
        if self.concrete_indices():
            return
        client = self.admin_client
        if client.indices.exists(index=self.alias):  # a stray concrete index under the alias name
            client.indices.delete(index=self.alias)
        name = self._new_index_name()
        variant = self.create_index(name)
        try:
            client.indices.update_aliases(actions=[{"add": {"index": name, "alias": self.alias}}])
        except ApiError:
            client.indices.delete(index=name, ignore_unavailable=True)
            if not self.concrete_indices():
                raise
            return
        self._variants[self.alias] = variant

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"

    def refresh(self) -> None:
        self.admin_client.indices.refresh(index=self.alias)

    def drop(self) -> None:
        """Delete the alias and its indices (tests, teardown)."""
        for name in self.concrete_indices():
            self.admin_client.indices.delete(index=name, ignore_unavailable=True)
        self._variants.pop(self.alias, None)

    def size_in_bytes(self) -> int:
        stats = self.admin_client.indices.stats(index=self.alias, metric="store")
        return stats["_all"]["primaries"]["store"]["size_in_bytes"]

    # --- reading -----------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        """One round trip: the hits and the counts requests in one ``_msearch``, which the node
        runs concurrently."""
        hits_request, counts_request = search_requests(query, client=self.client, index=self.alias, variant=self.variant())
        hits_response, counts_response = (
            MultiSearch(using=self.client, index=self.alias).add(hits_request).add(counts_request).execute()
        )
        total, counts = read_counts(counts_response)
        matcher = _matcher(query)
        hits = [hit_from_document(source, highlight(source, matcher)) for source in (h.to_dict() for h in hits_response.hits)]
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
        s = Search(using=self.client, index=self.alias).source(excludes=SOURCE_EXCLUDES)
        for clause in base_filters(query):
            s = s.filter(clause)
        for name, codes in query.filters.items():
            if name in FACETS:
                s = s.filter("terms", **{f"facets.{name}": list(codes)})
        if query.terms:
            s = s.query(text_query(query.terms, query.text, self.variant()))
        matcher = _matcher(query)
        s = s.sort(*sort_spec(query)).extra(size=BATCH, track_total_hits=False)
        after = None
        while True:
            page = (s.extra(search_after=after) if after else s).execute()
            if not page.hits:
                return
            for hit in page.hits:
                source = hit.to_dict()
                yield hit_from_document(source, highlight(source, matcher))
            after = list(page.hits[-1].meta.sort)
            if len(page.hits) < BATCH:
                return

    def suggest(self, prefix_terms: list[str], prefix: str, *, types: tuple[str, ...], limit: int) -> list[dict]:
        *whole, last = prefix_terms
        filters = [Q("terms", type=list(types))]
        filters += [Q("term", **{"folded.title": term}) for term in whole]
        filters.append(Q("prefix", **{"folded.title": last}))
        starts = Q("constant_score", filter=Q("prefix", title_sort=" ".join(prefix_terms)), boost=1.0)
        s = (
            Search(using=self.client, index=self.alias)
            .query(Q("bool", filter=filters, should=[starts]))
            .sort({"_score": "desc"}, {"title_sort": "asc"}, {"type": "asc"}, {"id": "asc"})
            .source(["title", "url", "type", "id"])
            .extra(size=limit)
        )
        return [suggestion(hit.to_dict()) for hit in s.execute().hits]

    # --- writing -----------------------------------------------------------------------------

    def upsert(self, documents: Iterable[dict], *, refresh: bool = False) -> int:
        self.ensure_index()
        actions = (
            {"_op_type": "index", "_index": self.alias, "_id": doc_id(d["type"], d["id"]), "_source": es_source(d)}
            for d in documents
        )
        # Return once the write is searchable ("wait_for": the next periodic refresh), then start a
        # new generation of the response cache (search/cache.py): never before it is visible.
        written, _errors = helpers.bulk(self.admin_client, actions, chunk_size=BATCH, refresh=refresh or "wait_for")
        if written:
            response_cache.bump()
        return written

    def remove(self, keys: Iterable[Key], *, refresh: bool = False) -> int:
        if not self.concrete_indices():
            return 0
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": doc_id(kind, pk)} for kind, pk in keys]
        if not actions:
            return 0
        removed = 0
        for ok, item in helpers.streaming_bulk(
            self.admin_client, actions, chunk_size=BATCH, raise_on_error=False, refresh=refresh
        ):
            status = item.get("delete", {}).get("status")
            if ok:
                removed += 1
            elif status != 404:  # already gone is fine: deletes are idempotent
                raise RuntimeError(f"could not delete from the search index: {item}")
        if removed and not refresh:
            # Searchable before the new cache generation (an explicit refresh: deletions are rare,
            # and a task removing a document that is not there does not wait for one).
            self.admin_client.indices.refresh(index=self.alias)
        response_cache.bump()  # even when nothing was there: an answer may still show it
        return removed

    def fingerprints(self) -> dict[Key, str]:
        if not self.concrete_indices():
            return {}
        return {
            (hit["_source"]["type"], hit["_source"]["id"]): hit["_source"]["fingerprint"]
            for hit in helpers.scan(
                self.admin_client,
                index=self.alias,
                query={"query": {"match_all": {}}},
                _source=["type", "id", "fingerprint"],
                size=1000,
            )
        }

    def rebuild(
        self, documents: Iterable[dict], *, progress: Progress | None = None, index_sort: bool = True, force_merge: bool = True
    ) -> int:
        """Load a new concrete index while the alias keeps serving the old one, force-merge it
        to one segment (searches then walk one sorted segment), then swap. ``index_sort`` and
        ``force_merge`` are switched off only to compare (tests, bench)."""
        client = self.admin_client
        name = self._new_index_name()
        variant = self.create_index(name, index_sort=index_sort)
        written = 0
        try:
            client.indices.put_settings(index=name, settings={"index": {"refresh_interval": "-1"}})
            actions = (
                {"_op_type": "index", "_index": name, "_id": doc_id(d["type"], d["id"]), "_source": es_source(d)}
                for d in documents
            )
            written = overlapped_bulk(client, actions, chunk_size=BATCH, progress=progress)
            if progress:
                progress(written)
            client.indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})
            client.indices.refresh(index=name)
            if force_merge:
                client.options(request_timeout=FORCE_MERGE_TIMEOUT).indices.forcemerge(index=name, max_num_segments=1)
            old = self.concrete_indices()
            actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
            if not old and client.indices.exists(index=self.alias):
                client.indices.delete(index=self.alias)  # a stray concrete index under the alias name
            client.indices.update_aliases(actions=actions + [{"add": {"index": name, "alias": self.alias}}])
        except BaseException:
            client.indices.delete(index=name, ignore_unavailable=True)
            raise
        self._variants[self.alias] = variant
        response_cache.bump()  # the alias now points at the new index
        for index in old:
            client.indices.delete(index=index, ignore_unavailable=True)
        return written
