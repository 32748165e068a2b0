"""The response cache of anonymous searches (``search/cache.py``), on both backends: every index
write starts a new generation, so a publication, a withdrawal and a reviewed follow-up report
are in the next anonymous answer; a signed-in reader's answer never comes from the cache nor
goes into it; two languages never share an entry; ``ETag``/304 for anonymous API reads.

Each test first shows that answers really come from the cache: an index change made behind
the product's back (no generation bump) is not seen by anonymous readers."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from cms.models import RecommendationPage
from search import service
from search.service import SearchQuery
from workflows import followups

from .conftest import add_practice

pytestmark = pytest.mark.django_db
WORD = "zanahoriaazul"  # in no demo text


@pytest.fixture
def backend(cached_site):
    return cached_site


def api_get(client=None, **params):
    response = (client or APIClient()).get("/api/v1/practices/", {"q": WORD, "lang": "es", **params})
    assert response.status_code == 200, response.content
    assert response.json()["backend"] == service.settings.SEARCH_BACKEND and not response.json()["degraded"]
    return response


def count(client=None, **params) -> int:
    return api_get(client, **params).json()["count"]


def truth() -> int:
    return service.search(SearchQuery(text=WORD, language="es")).total


def remove_behind_the_cache(es, pk: int) -> None:
    """Drop a practice from the index without going through the backends (so: no bump)."""
    from search.models import SearchEntry

    SearchEntry.objects.filter(type="practice", object_id=pk).delete()
    if es is not None:
        es.admin_client.delete(index=es.alias, id=f"practice-{pk}", refresh=True)


def publish(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return add_practice(title=f"Huerta {WORD}", countries=["PE"])


def test_publish_and_unpublish_are_in_the_next_anonymous_answer(backend, django_capture_on_commit_callbacks):
    assert count() == 0  # now cached
    page = publish(django_capture_on_commit_callbacks)
    assert count() == 1
    assert count() == 1  # cached again, and served from the cache:
    remove_behind_the_cache(backend, page.pk)
    assert truth() == 0 and count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert count() == 0


def test_a_reviewed_follow_up_report_is_in_the_next_anonymous_answer(backend, people, django_capture_on_commit_callbacks):
    item = RecommendationPage.objects.originals().live().get(slug="t2-cooperacion-pensiones-retorno")
    query = SearchQuery(types=("recommendation",), filters={"follow_up_country": ("SV",)}, language="es")

    def anonymous():
        return [hit.id for hit in service.search(query, cache=True).hits]

    before = anonymous()
    assert item.pk not in before
    with django_capture_on_commit_callbacks(execute=True):
        report = followups.submit(
            recommendation=item,
            user=people["member"],
            data={
                "country": "SV",
                "status": "not_implemented",
                "actor": "Gobierno de El Salvador",
                "date": datetime.date(2024, 1, 5),
                "description": "Sin acuerdo bilateral.",
            },
        )
    assert anonymous() == before  # submitted, not reviewed: nothing public changed
    with django_capture_on_commit_callbacks(execute=True):
        followups.publish(report=report, user=people["curator"])
    assert item.pk in anonymous()


def test_signed_in_answers_never_come_from_nor_go_to_the_cache(backend, people, django_capture_on_commit_callbacks):
    member = APIClient()
    member.force_authenticate(user=people["member"])
    page = publish(django_capture_on_commit_callbacks)
    signed_in = api_get(member)
    assert signed_in.json()["count"] == 1
    assert "private" in signed_in["Cache-Control"] and not signed_in.has_header("ETag")
    remove_behind_the_cache(backend, page.pk)
    assert count() == 0  # the signed-in answer was not stored
    with django_capture_on_commit_callbacks(execute=True):
        page = add_practice(title=f"Otra huerta {WORD}")
    assert count() == 1  # cached for anonymous readers
    remove_behind_the_cache(backend, page.pk)
    assert count() == 1
    assert count(member) == 0  # not read from the cache


def test_two_languages_never_share_an_entry(backend):
    def peru(lang):
        facets = api_get(q="", lang=lang, country="PE").json()["facets"]["country"]
        return next(value["label"] for value in facets if value["code"] == "PE")

    assert peru("es") == "Perú"
    assert peru("en") == "Peru"
    assert peru("es") == "Perú"


def test_anonymous_answers_carry_an_etag_that_changes_with_the_index(backend, django_capture_on_commit_callbacks):
    first = api_get()
    etag = first["ETag"]
    assert first["X-Search-Cache"] == "miss" and api_get()["X-Search-Cache"] == "hit"
    assert "public" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    again = APIClient().get("/api/v1/practices/", {"q": WORD, "lang": "es"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag
    publish(django_capture_on_commit_callbacks)
    after = APIClient().get("/api/v1/practices/", {"q": WORD, "lang": "es"}, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200 and after.json()["count"] == 1 and after["ETag"] != etag
