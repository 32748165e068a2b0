"""A cache of search answers for anonymous readers, in Django's cache (``CACHE_URL``).

An entry's key is the validated query (text, types, sorted filters, years, sort, page, page
size and **language**) and the **index generation**: a number kept in the same cache and bumped
after every index write becomes visible (:func:`bump`, called by the backends' ``upsert``,
``remove`` and ``rebuild``: publish, unpublish, delete, follow-up report reviewed, repair,
reindex alias swap). A bump orphans every entry at once; nothing is ever invalidated one by
one, and an answer can never outlive the content it was computed from by more than the time
the index write takes to become visible.

Only for anonymous reads: callers pass ``cache=True`` (``use=True``) only when nobody is signed
in. Degraded answers (Elasticsearch down) are not stored. ``SEARCH_CACHE_SECONDS`` (default 300
with a shared ``CACHE_URL``, 0 = off without one: a per-process cache would not see the other
processes' bumps) bounds an entry's life.

What is cached (``kind``): ``results`` (search API lists, search page), ``suggest`` (the API's
and the site's type-ahead), ``csv`` (the practices' and recommendations' CSV, when the whole file
is under ``SEARCH_CACHE_MAX_BYTES``), ``board`` and ``board-csv`` (the progress board, its CSV and
``/api/v1/progress/``: database reads, whose every change is an index write or a page
publication, both of which bump). Every lookup writes a ``search.cache`` DEBUG line (kind,
hit/miss) and every ``SEARCH_CACHE_LOG_EVERY`` lookups of a process an INFO line with the hit
ratio since the process started, per kind.
"""

from __future__ import annotations

import contextvars
import hashlib
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "search:generation"


def enabled() -> bool:
    return seconds() > 0


def seconds() -> int:
    return int(getattr(settings, "SEARCH_CACHE_SECONDS", 0) or 0)


def _start() -> int:
    """A first generation (or after the cache lost it): milliseconds since the epoch, so a restart
    never meets the entries of an earlier generation with the same number."""
    return int(time.time() * 1000)


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _start(), timeout=None)
        value = cache.get(GENERATION_KEY) or _start()
    return int(value)


def bump() -> None:
    """A new generation: every stored answer is forgotten."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet
        cache.add(GENERATION_KEY, _start(), timeout=None)
    except Exception:  # the cache down must not break a write
        logger.exception("search cache: could not bump the index generation")


def bump_on_commit() -> None:
    """Database index writes: bump once the transaction holding them commits."""
    transaction.on_commit(bump)


def key(kind: str, query) -> str:
    digest = hashlib.sha1(repr(query).encode()).hexdigest()
    return f"search:{kind}:{generation()}:{digest}"


_lookups: Counter = Counter()  # (kind, "hit"|"miss") -> lookups by this process
_lookups_lock = threading.Lock()
_last: contextvars.ContextVar[str | None] = contextvars.ContextVar("search_cache_last", default=None)


def forget_outcome() -> None:
    _last.set(None)


def last_outcome() -> str | None:
    """``hit`` or ``miss``: the latest lookup in this context (the ``X-Search-Cache`` header)."""
    return _last.get()


def record(kind: str, hit: bool) -> None:
    """Count one lookup; log it (DEBUG) and, every ``SEARCH_CACHE_LOG_EVERY`` lookups, the
    process's hit ratio (INFO)."""
    outcome = "hit" if hit else "miss"
    _last.set(outcome)
    logger.debug("search cache %s %s", kind, outcome)
    every = int(getattr(settings, "SEARCH_CACHE_LOG_EVERY", 1000) or 0)
    with _lookups_lock:
        _lookups[kind, outcome] += 1
        total = sum(_lookups.values())
        snapshot = dict(_lookups) if every and total % every == 0 else None
    if snapshot is not None:
        logger.info("search cache: %s", ratio_line(snapshot))


def ratio_line(counts: dict) -> str:
    """``hit ratio 0.912 (1000 lookups; results 0.950 of 800, suggest 0.700 of 200)``."""
    kinds = sorted({kind for kind, _outcome in counts})

    def ratio(kind=None) -> tuple[float, int]:
        hits = sum(n for (k, outcome), n in counts.items() if outcome == "hit" and kind in (None, k))
        total = sum(n for (k, _outcome), n in counts.items() if kind in (None, k))
        return (hits / total if total else 0.0), total

    overall, total = ratio()
    parts = ", ".join("{} {:.3f} of {}".format(kind, *ratio(kind)) for kind in kinds)
    return f"hit ratio {overall:.3f} ({total} lookups; {parts})"


def stats() -> dict:
    """This process's lookups so far: ``{kind: {"hit": n, "miss": n}}``."""
    with _lookups_lock:
        counts = dict(_lookups)
    result: dict = {}
    for (kind, outcome), n in counts.items():
        result.setdefault(kind, {"hit": 0, "miss": 0})[outcome] = n
    return result


def fetch(kind: str, query, compute, *, use: bool = True):
    """``compute()``'s answer for ``query``, from the cache when it is there. ``use=False`` (a
    signed-in reader) or the cache off: computed, never read nor stored."""
    if not (use and enabled()):
        return compute()
    entry = key(kind, query)
    found = cache.get(entry)
    record(kind, found is not None)
    if found is not None:
        return found
    answer = compute()
    if not getattr(answer, "degraded", False):
        cache.set(entry, answer, timeout=seconds())
    return answer


def max_bytes() -> int:
    return int(getattr(settings, "SEARCH_CACHE_MAX_BYTES", 5_000_000) or 0)


def streamed(kind: str, query, produce, *, use: bool = True):
    """The chunks (``str``) of ``produce()``, or the whole stored text in one chunk. The key is
    taken before ``produce()`` starts, and the text is stored only when the stream ends and is
    under ``SEARCH_CACHE_MAX_BYTES`` characters: a write during the stream bumps the
    generation, so the stored text is never served after it."""
    if not (use and enabled()):
        yield from produce()
        return
    entry = key(kind, query)
    found = cache.get(entry)
    record(kind, found is not None)
    if found is not None:
        yield found
        return
    parts: list[str] | None = []
    size, limit = 0, max_bytes()
    for chunk in produce():
        if parts is not None:
            size += len(chunk)
            if size <= limit:
                parts.append(chunk)
            else:
                parts = None
        yield chunk
    if parts is not None:
        cache.set(entry, "".join(parts), timeout=seconds())


def etag(url: str, query) -> str:
    """A strong validator of an anonymous answer: the generation, the URL and the query."""
    digest = hashlib.sha1(f"{url}|{query!r}".encode()).hexdigest()[:24]
    return f'"{generation()}-{digest}"'


def validator(request, query) -> str | None:
    """The ``ETag`` of an anonymous read of ``request`` answering ``query``; None for a signed-in
    reader or with the cache off (nothing then says when the answer changes). Called first by
    every read that answers with :func:`headers`: it also forgets the cache outcome of the
    previous request of this thread (a worker's thread serves many)."""
    forget_outcome()
    if request.user.is_authenticated or not enabled():
        return None
    return etag(request.build_absolute_uri(), query)


def not_modified(request, etag_value: str | None):
    """A 304 (with :func:`headers`) when the request's ``If-None-Match`` names ``etag_value``;
    else None, and the view answers."""
    from django.http import HttpResponseNotModified
    from django.utils.http import parse_etags

    if etag_value is None or etag_value not in parse_etags(request.headers.get("If-None-Match", "")):
        return None
    return headers(HttpResponseNotModified(), etag_value)


def headers(response, etag_value: str | None, *, private: bool = False):
    """``Cache-Control``/``ETag``/``Vary`` of a search answer: anonymous answers may be reused by
    a browser or proxy after revalidation (``max-age=0``: a publication is never hidden by
    them), a signed-in reader's answer is private. An anonymous answer also says whether it came
    from the cache (``X-Search-Cache: hit|miss``; the benchmark counts them)."""
    from django.utils.cache import patch_cache_control, patch_vary_headers

    if private:
        patch_cache_control(response, private=True, no_cache=True)
    elif etag_value is not None:
        response["ETag"] = etag_value
        if outcome := last_outcome():
            response["X-Search-Cache"] = outcome
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ("Accept-Language", "Authorization", "Cookie"))
    return response


# --- the progress board: database reads, cached with the same generation -----------------------


def board(query, language: str, *, use: bool) -> dict:
    """:func:`cms.progress.board` (the board page and ``/api/v1/progress/``). Everything it shows
    changes through a bump: a follow-up report's review re-indexes its recommendation, a page's
    publication, withdrawal, move or deletion bumps (``search.indexing``)."""
    from cms.progress import board as compute

    return fetch("board", (query, language), lambda: compute(query, language), use=use)


def board_csv_rows(query, language: str, *, use: bool) -> list[list]:
    from cms.progress import board_csv_rows as compute

    return fetch("board-csv", (query, language), lambda: list(compute(query, language)), use=use)
