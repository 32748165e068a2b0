"""The search response cache (``search/cache.py``) beyond the search lists: the progress board
(``/seguimiento/``, its CSV, ``/api/v1/progress/``), suggestions (``/api/v1/suggestions/`` and the
site's ``/sugerencias/``) and the CSV of the practices and recommendations lists.

Each test first shows that anonymous answers really come from the cache (a change made behind
the product's back, without a generation bump, is not seen), then that a publication, a
withdrawal or a reviewed follow-up report is in the next anonymous answer, and that a signed-in
reader's answer neither comes from the cache nor goes into it. The hit/miss log lines and the
hit ratio of ``search.cache`` are checked last."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from cms.models import EventPage, FollowUpReport, RecommendationPage
from search import cache as response_cache
from search.models import SearchEntry
from workflows import followups

from .conftest import add_practice

pytestmark = pytest.mark.django_db
WORD = "remolachaverde"  # in no demo text
ITEM_SLUG = "t2-cooperacion-pensiones-retorno"


@pytest.fixture
def backend(cached_site):
    return cached_site


@pytest.fixture
def db_backend(settings):
    settings.SEARCH_CACHE_SECONDS = 300
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_BACKEND = "database"
    cache.clear()
    yield
    cache.clear()


def remove_behind_the_cache(es, pk: int) -> None:
    """Drop a practice from the indexes without going through the backends (so: no bump)."""
    SearchEntry.objects.filter(type="practice", object_id=pk).delete()
    if es is not None:
        es.admin_client.delete(index=es.alias, id=f"practice-{pk}", refresh=True)


def member_client(people) -> APIClient:
    client = APIClient()
    client.force_login(people["member"])  # the site's views and the API alike
    return client


# --- the progress board ---------------------------------------------------------------------


def board_reads(client) -> dict:
    """The board as the three anonymous reads show it: El Salvador's pairs in the API, the page
    and the CSV."""
    api = client.get("/api/v1/progress/", {"lang": "es", "country": "SV"})
    assert api.status_code == 200, api.content
    csv = client.get("/api/v1/progress/", {"lang": "es", "country": "SV", "format": "csv"})
    page = client.get("/seguimiento/", {"country": "SV"})
    board_csv = client.get("/seguimiento/csv/", {"country": "SV"})
    assert csv.status_code == page.status_code == board_csv.status_code == 200
    ids = sorted(row["id"] for row in api.json()["recommendations"] if row["countries"])
    return {
        "api": ids,
        "csv": csv.content.decode().count("\n") - 1,
        "board_csv": board_csv.content.decode().count("\n") - 1,
        "page": page.content.decode().count('data-country="SV" data-status='),
    }


def report_on(item, people, django_capture_on_commit_callbacks):
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
    return report


def test_a_reviewed_follow_up_report_is_on_the_board_at_once(db_backend, client, people, django_capture_on_commit_callbacks):
    item = RecommendationPage.objects.originals().live().get(slug=ITEM_SLUG)
    before = board_reads(client)
    assert item.pk not in before["api"]
    report = report_on(item, people, django_capture_on_commit_callbacks)
    assert board_reads(client) == before  # submitted, not reviewed: nothing public changed
    with django_capture_on_commit_callbacks(execute=True):
        followups.publish(report=report, user=people["curator"])
    after = board_reads(client)
    assert item.pk in after["api"]
    assert after["csv"] == after["board_csv"] == before["csv"] + 1
    assert after["page"] > before["page"]
    # Served from the cache: the report withdrawn behind the product's back is still shown...
    FollowUpReport.objects.filter(pk=report.pk).update(review_status="rejected")
    assert board_reads(client) == after
    # ...but never to a signed-in reader, whose answer was not stored either.
    signed_in = board_reads(member_client(people))
    assert item.pk not in signed_in["api"] and signed_in["csv"] == before["csv"]
    assert board_reads(client) == after


def test_unpublishing_a_recommendation_leaves_the_board_at_once(db_backend, client, people, django_capture_on_commit_callbacks):
    item = RecommendationPage.objects.originals().live().get(slug=ITEM_SLUG)
    report = report_on(item, people, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        followups.publish(report=report, user=people["curator"])
    assert item.pk in board_reads(client)["api"]
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    assert item.pk not in board_reads(client)["api"]


def test_an_event_published_is_a_board_filter_at_once(db_backend, client, django_capture_on_commit_callbacks):
    event = EventPage.objects.originals().live().first()
    assert client.get("/api/v1/progress/", {"event": event.slug}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    answer = client.get("/api/v1/progress/", {"event": event.slug})
    assert answer.status_code == 400 and "event" in answer.json()
    assert event.title not in client.get("/seguimiento/").content.decode()


# --- suggestions ------------------------------------------------------------------------------


def suggested(client, *, api: bool) -> list[str]:
    if api:
        response = client.get("/api/v1/suggestions/", {"q": WORD[:7], "lang": "es"})
    else:
        response = client.get("/sugerencias/", {"q": WORD[:7]})
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["suggestions"]]


@pytest.mark.parametrize("api", [True, False], ids=["api", "site"])
def test_suggestions_follow_publications_and_never_serve_signed_in_readers(
    backend, api, people, django_capture_on_commit_callbacks
):
    anonymous = APIClient()
    assert suggested(anonymous, api=api) == []  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        page = add_practice(title=f"Huerta {WORD}")
    assert suggested(anonymous, api=api) == [page.title]
    remove_behind_the_cache(backend, page.pk)
    assert suggested(anonymous, api=api) == [page.title]  # from the cache
    assert suggested(member_client(people), api=api) == []  # never from the cache
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert suggested(anonymous, api=api) == []


# --- validators: ETag / 304 on the board and suggestions APIs --------------------------------


@pytest.mark.parametrize(
    "path, params",
    [("/api/v1/progress/", {"country": "SV"}), ("/api/v1/suggestions/", {"q": WORD[:7], "lang": "es"})],
    ids=["progress", "suggestions"],
)
def test_anonymous_board_and_suggestions_carry_an_etag_that_changes_with_the_index(
    db_backend, path, params, people, django_capture_on_commit_callbacks
):
    first = APIClient().get(path, params)
    etag = first["ETag"]
    assert first.status_code == 200 and "public" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    again = APIClient().get(path, params, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    other = APIClient().get(path, {**params, "lang": "en"}, HTTP_IF_NONE_MATCH=etag)
    assert other.status_code == 200 and other["ETag"] != etag  # another language, another answer
    signed_in = member_client(people).get(path, params, HTTP_IF_NONE_MATCH=etag)
    assert signed_in.status_code == 200 and "ETag" not in signed_in and "private" in signed_in["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        add_practice(title=f"Huerta {WORD}")  # an index write: a new generation
    after = APIClient().get(path, params, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200 and after["ETag"] != etag


# --- the lists' CSV ---------------------------------------------------------------------------


def csv_ids(client, path="/api/v1/practices/", **params) -> list[str]:
    response = client.get(path, {"q": WORD, "format": "csv", **params})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    return [line.split(",")[0] for line in lines[1:]]


def test_the_practices_csv_follows_publications_and_never_serves_signed_in_readers(
    backend, people, django_capture_on_commit_callbacks
):
    anonymous = APIClient()
    assert csv_ids(anonymous) == []
    with django_capture_on_commit_callbacks(execute=True):
        page = add_practice(title=f"Huerta {WORD}")
    assert csv_ids(anonymous) == [str(page.pk)]
    remove_behind_the_cache(backend, page.pk)
    assert csv_ids(anonymous) == [str(page.pk)]  # from the cache
    assert csv_ids(member_client(people)) == []  # never from the cache
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert csv_ids(anonymous) == []


def test_a_csv_over_the_size_limit_is_not_kept(db_backend, settings, django_capture_on_commit_callbacks):
    settings.SEARCH_CACHE_MAX_BYTES = 50  # the header alone is longer
    anonymous = APIClient()
    with django_capture_on_commit_callbacks(execute=True):
        page = add_practice(title=f"Huerta {WORD}")
    assert csv_ids(anonymous) == [str(page.pk)]
    remove_behind_the_cache(None, page.pk)
    assert csv_ids(anonymous) == []


def test_the_recommendations_csv_shows_a_reviewed_follow_up_at_once(db_backend, people, django_capture_on_commit_callbacks):
    item = RecommendationPage.objects.originals().live().get(slug=ITEM_SLUG)
    anonymous = APIClient()

    def ids():
        return csv_ids(anonymous, "/api/v1/recommendations/", q="", follow_up_country="SV")

    before = ids()
    assert str(item.pk) not in before and ids() == before
    report = report_on(item, people, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        followups.publish(report=report, user=people["curator"])
    assert str(item.pk) in ids()


# --- the hit ratio in the logs ----------------------------------------------------------------


def test_every_lookup_is_logged_and_the_hit_ratio_every_n(db_backend, settings, caplog):
    settings.SEARCH_CACHE_LOG_EVERY = 4
    response_cache._lookups.clear()
    caplog.set_level(logging.DEBUG, logger="search.cache")
    anonymous = APIClient()
    for _ in range(3):
        assert anonymous.get("/api/v1/practices/", {"q": "migrantes", "lang": "es"}).status_code == 200
    assert anonymous.get("/api/v1/suggestions/", {"q": "migra"}).status_code == 200
    lines = [record.getMessage() for record in caplog.records if record.name == "search.cache"]
    assert lines[:4] == [
        "search cache results miss",
        "search cache results hit",
        "search cache results hit",
        "search cache suggest miss",
    ]
    ratio = [record for record in caplog.records if record.name == "search.cache" and record.levelno == logging.INFO]
    assert [record.getMessage() for record in ratio] == [
        "search cache: hit ratio 0.500 (4 lookups; results 0.667 of 3, suggest 0.000 of 1)"
    ]
    assert response_cache.stats() == {"results": {"hit": 2, "miss": 1}, "suggest": {"hit": 0, "miss": 1}}
