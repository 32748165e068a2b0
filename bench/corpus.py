"""A deterministic synthetic corpus of practices, in the shape of ``search.documents``.

Pages are not created (treebeard inserts of 10,000 pages take minutes): the documents go
straight into the search indexes through the backends' ``rebuild``. Words are drawn from the
demo world's own Spanish texts, so the vocabulary and word frequencies look like the real
thing; facets are drawn from the real vocabularies.
"""

from __future__ import annotations

import random
import re
from typing import Iterator

from cms.demo import data as demo
from cms.taxonomies import LEVELS, OBJECTIVES, POPULATIONS, PRINCIPLES, REGION_COUNTRY_CODES, STAKEHOLDER_GROUPS, TABLES
from search.documents import FACETS, _finish, _places

FIRST_ID = 10_000_000


def _vocabulary() -> list[str]:
    texts = []
    for row in demo.PRACTICES + demo.RECOMMENDATIONS:
        for value in row.values():
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, list):
                texts.extend(v for v in value if isinstance(v, str))
    return re.findall(r"[^\W\d_]{2,}", " ".join(texts))  # with repetitions: realistic frequencies


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[:1].upper() + text[1:] + "."


def practice_documents(count: int, seed: int = 2023) -> Iterator[dict]:
    rng = random.Random(seed)
    words = _vocabulary()
    countries = sorted(REGION_COUNTRY_CODES)
    for i in range(count):
        pick = lambda codes, lo, hi: sorted(rng.sample(list(codes), rng.randint(lo, hi)))  # noqa: E731
        country = pick(countries, 1, 3)
        year = rng.choice([None] + list(range(2000, 2025)))
        facets = {name: [] for name in FACETS}
        facets.update(
            country=country,
            objective=pick(OBJECTIVES.codes, 1, 4),
            principle=pick(PRINCIPLES.codes, 1, 3),
            table=[rng.choice(TABLES.codes)],
            stakeholder_group=pick(STAKEHOLDER_GROUPS.codes, 0, 2),
            level=[rng.choice(LEVELS.codes)],
            population=pick(POPULATIONS.codes, 0, 3),
            start_year=[str(year)] if year else [],
            language=[rng.choice(["es", "es", "es", "pt"])],
            type=["practice"],
        )
        title = _sentence(rng, words, rng.randint(5, 12))[:-1]
        summary = _sentence(rng, words, rng.randint(30, 60))
        body = " ".join(_sentence(rng, words, rng.randint(10, 25)) for _ in range(rng.randint(8, 16)))
        yield _finish(
            {
                "type": "practice",
                "id": FIRST_ID + i,
                "slug": f"sintetica-{i}",
                "url": f"/practicas/sintetica-{i}/",
                "title": title,
                "summary": summary,
                "start_year": year,
                "published": 1_600_000_000_000 + i * 1000,
                "language": facets["language"][0],
                "event": "",
                "facets": facets,
                "text": {
                    "title": title,
                    "summary": summary,
                    "body": body,
                    "organisations": _sentence(rng, words, 4),
                    "places": _places(country),
                    "results": _sentence(rng, words, rng.randint(0, 30)),
                    "lessons_learned": _sentence(rng, words, rng.randint(0, 30)),
                    "rationale": "",
                },
            }
        )
