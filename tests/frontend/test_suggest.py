"""The search boxes' type-ahead endpoint (``/sugerencias/``, used by suggest.js): published
practice titles only."""

import pytest
from django.contrib.auth.models import AnonymousUser

from cms.selectors import published_practices
from workflows import practices

pytestmark = pytest.mark.django_db
URL = "/sugerencias/"


def titles(client, text) -> list[str]:
    response = client.get(URL, {"q": text})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    return [item["title"] for item in response.json()["suggestions"]]


def test_suggests_published_practice_titles_with_their_urls(client):
    practice = published_practices().get(slug="peru-ley-31685-mujeres-migrantes-con-hijos")
    first_words = " ".join(practice.title.split()[:2])
    response = client.get(URL, {"q": first_words[:-1]})  # the last word as a prefix
    found = response.json()["suggestions"]
    assert {"title": practice.title, "url": practice.url, "lang": "es"} in found
    assert set(found[0]) == {"title", "url", "lang"} and len(found) <= 8


def test_short_or_empty_text_suggests_nothing(client):
    assert titles(client, "") == [] and titles(client, "p") == []
    assert client.post(URL, {"q": "ley"}).status_code == 405


def test_an_unpublished_title_is_never_suggested(client, people):
    draft = practices.practice_submit(
        user=AnonymousUser(),
        submitter_email="ana@example.org",
        data={"title": "Zarandajas migratorias del altiplano", "summary": "Borrador.", "countries": ["BO"], "objectives": ["7"]},
    )
    assert not draft.live
    for text in ("Zarandajas", "zarand", "Zarandajas migratorias", "migratorias del altiplano"):
        assert draft.title not in titles(client, text)

    published = published_practices().get(slug="peru-ley-31685-mujeres-migrantes-con-hijos")
    assert published.title in titles(client, published.title)
    published.unpublish(user=people["curator"])
    assert published.title not in titles(client, published.title)


@pytest.mark.parametrize("path, box", [("/", "home-q"), ("/practicas/", "q")])
def test_search_boxes_are_enhanced_by_suggest_js(client, path, box):
    page = client.get(path).content.decode()
    assert f'id="{box}" type="search" name="q"' in page and f'data-suggest="{URL}"' in page
    assert "/static/frontend/suggest" in page and " defer></script>" in page
    assert 'role="combobox"' not in page  # only with JavaScript (suggest.js adds the ARIA roles)
