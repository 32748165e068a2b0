"""``GET /api/v1/suggestions/?q=``: the site's type-ahead through the API (issue 21), published
titles only, in the requested language, bad input a 400 with field errors."""

from __future__ import annotations

import pytest

from cms.models import PracticePage, RecommendationPage

pytestmark = pytest.mark.django_db


def test_suggestions_of_published_practices_and_recommendations(api):
    response = api.get("/api/v1/suggestions/", {"q": "ley 316"})
    assert response.status_code == 200
    rows = response.json()["suggestions"]
    assert rows and "31685" in rows[0]["title"] and rows[0]["type"] == "practice"
    practice = PracticePage.objects.get(pk=rows[0]["id"])
    assert practice.live and rows[0]["url"].endswith(practice.url)
    both = api.get("/api/v1/suggestions/", {"q": "fortalecer"}).json()["suggestions"]
    assert {row["type"] for row in both} == {"recommendation"}
    only = api.get("/api/v1/suggestions/", {"q": "ley", "type": "recommendation"}).json()["suggestions"]
    assert all(row["type"] == "recommendation" for row in only)
    assert len(api.get("/api/v1/suggestions/", {"q": "ley", "limit": 2}).json()["suggestions"]) == 2
    assert api.get("/api/v1/suggestions/", {"q": "l"}).json() == {"suggestions": []}  # one letter: nothing yet


def test_suggestions_in_the_requested_language(api):
    rows = api.get("/api/v1/suggestions/", {"q": "ley 316", "lang": "en"}).json()["suggestions"]
    assert "/en/practicas/" in rows[0]["url"]
    assert rows[0]["lang"] in ("en", "es")  # es: a practice not yet translated says so


def test_nothing_unpublished_is_suggested(api, django_capture_on_commit_callbacks):
    hidden = [*PracticePage.objects.filter(live=False), *RecommendationPage.objects.filter(live=False)]
    assert hidden  # the demo has a submitted practice and recommendations in the workflow
    for page in hidden:
        words = " ".join(page.title.split()[:3])
        rows = api.get("/api/v1/suggestions/", {"q": words, "limit": 50}).json()["suggestions"]
        assert page.pk not in [row["id"] for row in rows], page.title
    practice = PracticePage.objects.originals().get(slug="peru-ley-31685-mujeres-migrantes-con-hijos", live=True)
    assert practice.pk in [row["id"] for row in api.get("/api/v1/suggestions/", {"q": "ley 316"}).json()["suggestions"]]
    with django_capture_on_commit_callbacks(execute=True):
        practice.unpublish()
    assert practice.pk not in [row["id"] for row in api.get("/api/v1/suggestions/", {"q": "ley 316"}).json()["suggestions"]]


@pytest.mark.parametrize(
    "params, field",
    [
        ({}, "q"),
        ({"q": "x" * 101}, "q"),
        ({"q": "ley", "type": "event"}, "type"),
        ({"q": "ley", "limit": "0"}, "limit"),
        ({"q": "ley", "limit": "many"}, "limit"),
        ({"q": "ley", "lang": "de"}, "lang"),
    ],
)
def test_bad_input_is_a_field_error(api, params, field):
    response = api.get("/api/v1/suggestions/", params)
    assert response.status_code == 400 and field in response.json()
