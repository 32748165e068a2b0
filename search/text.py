"""Text handling shared by both backends: folding, tokens, stems, typo tolerance, snippets.

Both backends match text by the same definition, computed here in Python, so that they give
the same hits:

* **Folding** (:func:`fold`): Unicode NFKD, combining marks dropped, case folded, and every
  character that is not a letter or a digit turned into a space. It is *length-preserving*
  (one character in, one character out), so an offset in the folded text is the same offset
  in the original: a match found in folded text is highlighted on the original text.
* **Tokens**: the folded text split on spaces (Elasticsearch indexes the folded text with the
  ``whitespace`` analyzer, FTS5 with ``unicode61``, PostgreSQL with the ``simple``
  configuration: all three see exactly these tokens).
* **Stems**: Snowball stems (Spanish and Portuguese) of each folded token, indexed as a
  separate token set, so ``migraciones`` finds *migración* in every backend.
* **Typos**: a query term of :data:`FUZZY_MIN_LENGTH` characters or more also matches indexed
  terms at one edit (insertion, deletion, substitution or transposition of neighbours).

A query term matches a document when it equals one of its tokens, is one edit away from one
(long terms), or shares a stem with it; every term of the query must match (AND).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

import snowballstemmer

FUZZY_MIN_LENGTH = 5
MAX_EXPANSIONS = 50
MAX_QUERY_TERMS = 12
STEM_LANGUAGES = ("spanish", "portuguese")
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"


class _FoldTable(dict):
    """``str.translate`` table computed lazily, one character at a time."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).casefold()
        if len(base) != 1 or not base.isalnum():
            lower = char.lower()
            base = lower if len(lower) == 1 and lower.isalnum() else (char if char.isalnum() else " ")
        self[codepoint] = base
        return base


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """``"Niños, migración"`` → ``"ninos  migracion"`` (same length as the input)."""
    return text.translate(_FOLD) if text else ""


def tokens(text: str) -> list[str]:
    return fold(text).split()


def query_terms(text: str) -> list[str]:
    """The distinct folded terms of a query, in order, at most :data:`MAX_QUERY_TERMS`."""
    seen: dict[str, None] = {}
    for term in tokens(text):
        seen.setdefault(term[:100], None)
    return list(seen)[:MAX_QUERY_TERMS]


_stemmers = threading.local()


def _stemmer_list():
    stemmers = getattr(_stemmers, "list", None)
    if stemmers is None:
        stemmers = _stemmers.list = [snowballstemmer.stemmer(name) for name in STEM_LANGUAGES]
    return stemmers


@lru_cache(maxsize=65536)
def stems(token: str) -> frozenset[str]:
    """The Spanish and Portuguese stems of a folded token (none for numbers)."""
    if token.isdigit():
        return frozenset()
    return frozenset(stemmer.stemWord(token) for stemmer in _stemmer_list())


def stem_set(folded_tokens) -> set[str]:
    out: set[str] = set()
    for token in folded_tokens:
        out |= stems(token)
    return out


def within_one_edit(a: str, b: str) -> bool:
    """Optimal string alignment distance ≤ 1 (a transposition of neighbours is one edit)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    if la > lb:
        a, b = b, a
    # b is one longer than a: deleting one character of b gives a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def fuzzy_candidates_key(term: str) -> tuple[str, str]:
    """Any term one edit from ``term`` (5+ characters) keeps its first two or its last two
    characters: the database backend looks candidates up by these keys."""
    return term[:2], term[-2:]


# --- Snippets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Matcher:
    """Decides which tokens of a text a query matched (the database backend's highlighter)."""

    terms: frozenset[str]  # query terms (and, from the database backend, their typo variants)
    stems: frozenset[str]
    fuzzy: frozenset[str] = frozenset()  # terms that also match tokens one edit away
    # token -> matched?, for the life of this matcher (one query): the same few hundred words
    # recur across the fields of the 20 hits, and each answer costs stems and edit distances.
    _seen: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    @classmethod
    def for_terms(cls, terms) -> Matcher:
        return cls(
            terms=frozenset(terms),
            stems=frozenset(s for term in terms for s in stems(term)),
            fuzzy=frozenset(term for term in terms if len(term) >= FUZZY_MIN_LENGTH),
        )

    def matches(self, token: str) -> bool:
        seen = self._seen.get(token)
        if seen is None:
            seen = self._seen[token] = self._matches(token)
        return seen

    def _matches(self, token: str) -> bool:
        if token in self.terms or (self.stems and stems(token) & self.stems):
            return True
        return any(within_one_edit(term, token) for term in self.fuzzy if abs(len(term) - len(token)) <= 1)


_TOKEN = re.compile(r"\S+")


def match_spans(original: str, matcher: Matcher) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(fold(original)) if matcher.matches(m.group())]


def render(original: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """``original[start:end]`` HTML-escaped, with ``<mark>`` around the spans."""
    end = len(original) if end is None else end
    out, cursor = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(original[cursor:s]))
        out.append(MARK_OPEN + escape(original[s:e]) + MARK_CLOSE)
        cursor = e
    out.append(escape(original[cursor:end]))
    return "".join(out)


def snippets(original: str, spans: list[tuple[int, int]], *, size: int = 160, limit: int = 3) -> list[str]:
    """Up to ``limit`` fragments of about ``size`` characters around the matched spans."""
    if not spans:
        return []
    if len(original) <= size:
        return [render(original, spans)]
    fragments: list[str] = []
    covered_to = -1
    for s, _e in spans:
        if s < covered_to:
            continue
        start = max(0, s - size // 4)
        while start > 0 and not original[start - 1].isspace():
            start -= 1
        end = min(len(original), start + size)
        while end < len(original) and not original[end].isspace():
            end += 1
        fragments.append(render(original, spans, start, end).strip())
        covered_to = end
        if len(fragments) == limit:
            break
    return fragments
