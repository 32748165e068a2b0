"""The main public pages cost a number of queries that does not grow with the number of items
they show: measured with the demo world, measured again with more items of each kind (made by
``tests/factories.py``), equal, and under a ceiling asserted with
``django_assert_max_num_queries``. Speed itself is measured in ``bench/``."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.selectors import published_practices
from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    client.get(url)  # warm the per-process caches (the site root, content types, locales)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def more_recommendations(n: int = 3) -> None:
    reviewers = factories.Reviewers("2")
    for _ in range(n):
        item = factories.recommendation("published", table="2", reviewers=reviewers, countries=["PE"])
        factories.follow_up_report("published", recommendation=item, reviewer=reviewers.network)


def more_practices(n: int = 3, **data) -> None:
    curator = factories.user("curator")
    for _ in range(n):
        factories.practice("published", curator=curator, **data)


@pytest.mark.parametrize("url", ["/recomendaciones/", "/recomendaciones/?table=2", "/en/recomendaciones/"])
def test_the_recommendations_index(client, django_assert_max_num_queries, url):
    before = queries(client, url)
    more_recommendations()
    assert queries(client, url) == before, url
    with django_assert_max_num_queries(CEILINGS["recommendations"]):
        client.get(url)


@pytest.mark.parametrize("url", ["/seguimiento/", "/seguimiento/?group_by=objective", "/seguimiento/csv/"])
def test_the_board(client, django_assert_max_num_queries, url):
    before = queries(client, url)
    more_recommendations()
    assert queries(client, url) == before, url
    with django_assert_max_num_queries(CEILINGS["board"]):
        client.get(url)


@pytest.mark.parametrize(
    "url", ["/practicas/", "/practicas/?country=PE", "/practicas/?q=migrantes&objective=7", "/en/practicas/"]
)
def test_the_practice_search_page(client, django_assert_max_num_queries, url):
    before = queries(client, url)
    more_practices()
    assert queries(client, url) == before, url
    with django_assert_max_num_queries(CEILINGS["search"]):
        client.get(url)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_practice_page(client, django_assert_max_num_queries, prefix):
    practice = published_practices().exclude(objectives=[]).first()
    url = prefix + practice.url
    before = queries(client, url)
    more_practices(objectives=practice.objectives, countries=practice.countries)  # more related practices
    assert queries(client, url) == before
    with django_assert_max_num_queries(CEILINGS["practice"]):
        client.get(url)


# The most any of a page's addresses above costs (docs/architecture.md#query-counts). The
# recommendations index cost 38 queries in Spanish and 65 in English before its items' tables
# and themes were read in bulk (one query per item for each).
CEILINGS = {"recommendations": 24, "board": 31, "search": 23, "practice": 35}
