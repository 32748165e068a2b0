"""A cache of search answers for anonymous readers, in Django's cache (``CACHE_URL``).

An entry's key is the validated query (text, types, sorted filters, years, sort, page, page
size and **language**) and the **index generation**: a number kept in the same cache and bumped
after every index write becomes visible (:func:`bump`, called by the backends' ``upsert``,
``remove`` and ``rebuild``: publish, unpublish, delete, follow-up report reviewed, repair,
reindex alias swap). A bump orphans every entry at once; nothing is ever invalidated one by
one, and an answer can never outlive the content it was computed from by more than the time
the index write takes to become visible.

Only for anonymous reads: callers pass ``cache=True`` only when nobody is signed in.
Degraded answers (Elasticsearch down) are not stored. ``SEARCH_CACHE_SECONDS`` (default 300 with
a shared ``CACHE_URL``, 0 = off without one: a per-process cache would not see the other
processes' bumps) bounds an entry's life.
"""

from __future__ import annotations

import hashlib
import logging
import time

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


def fetch(kind: str, query, compute):
    """``compute()``'s answer for ``query``, from the cache when it is there."""
    entry = key(kind, query)
    found = cache.get(entry)
    if found is not None:
        return found
    answer = compute()
    if not getattr(answer, "degraded", False):
        cache.set(entry, answer, timeout=seconds())
    return answer


def etag(url: str, query) -> str:
    """A strong validator of an anonymous answer: the generation, the URL and the query."""
    digest = hashlib.sha1(f"{url}|{query!r}".encode()).hexdigest()[:24]
    return f'"{generation()}-{digest}"'


def headers(response, etag_value: str | None, *, private: bool = False):
    """``Cache-Control``/``ETag``/``Vary`` of a search answer: anonymous answers may be reused by
    a browser or proxy after revalidation (``max-age=0``: a publication is never hidden by
    them), a signed-in reader's answer is private."""
    from django.utils.cache import patch_cache_control, patch_vary_headers

    if private:
        patch_cache_control(response, private=True, no_cache=True)
    elif etag_value is not None:
        response["ETag"] = etag_value
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ("Accept-Language", "Authorization", "Cookie"))
    return response
