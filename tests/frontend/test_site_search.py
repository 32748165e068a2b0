"""The public search pages (issue 21): the one search box of every page's header, ``/buscar/``
(practices, recommendations, events and organisations, grouped by type with counts, each group
linking to its faceted search) and the faceted recommendation search ``/buscar/recomendaciones/``.

Both search backends answer: the database and Elasticsearch (the suite's node). On each, a
draft and an unpublished item (practice, recommendation, event) are created first and asserted
absent from the hits and the counts."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from cms.models import EventIndexPage, EventPage, Organisation, RecommendationPage
from cms.selectors import published_events, published_recommendations
from search import service
from search.service import SearchQuery, search
from tests.search.conftest import add_practice, es_search  # noqa: F401 (the Elasticsearch fixture of the search tests)

pytestmark = pytest.mark.django_db
SEARCH = "/buscar/"
RECOMMENDATIONS = "/buscar/recomendaciones/"


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, settings):
    """The site's search on each backend in turn (the service reads these settings)."""
    from search.backends.database import DatabaseBackend
    from search.documents import iter_documents

    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        settings.ELASTICSEARCH_URL = ""
        DatabaseBackend().rebuild(iter_documents())
        yield "database"
    else:
        es = request.getfixturevalue("es_search")
        settings.SEARCH_BACKEND = "elasticsearch"
        yield es
        es.rebuild(iter_documents())  # the module's index back to the demo world
    service.reset_circuit()


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def groups_of(response) -> dict[str, dict]:
    """Each group of ``/buscar/``: its count, the titles it lists and its link onwards."""
    soup = soup_of(response)
    groups = {}
    for section in soup.select("section.search-group"):
        more = section.select_one("p.more a")
        groups[section["data-kind"]] = {
            "total": int(section["data-total"]),
            "heading": section.h2.get_text(" ", strip=True),
            "titles": [a.get_text(strip=True) for a in section.select("li.hit > a")],
            "slugs": [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in section.select("li.hit > a")],
            "more": more["href"] if more else None,
        }
    return groups


def refresh(backend) -> None:
    if backend != "database":
        backend.refresh()


def add_event(word: str, *, publish: bool) -> EventPage:
    index = EventIndexPage.objects.originals().get()
    event = EventPage(
        title=f"Encuentro {word}", slug=f"encuentro-{uuid.uuid4().hex[:8]}", date=datetime.date(2025, 5, 1), summary=word
    )
    if not publish:
        event.live = False
    index.add_child(instance=event)
    if publish:
        event.save_revision().publish()
    else:
        event.save_revision()
    return EventPage.objects.get(pk=event.pk)


def test_every_page_has_the_global_search_box(client):
    for url, action in (
        ("/", "/buscar/"),
        ("/en/practicas/", "/en/buscar/"),
        ("/seguimiento/", "/buscar/"),
        ("/pt/", "/pt/buscar/"),
    ):
        soup = soup_of(client.get(url))
        form = soup.select_one("header form.site-search")
        assert form is not None, url
        assert form["action"] == action and form["method"] == "get" and form["role"] == "search" and form.get("aria-label")
        box = form.select_one("input[name=q]")
        assert box is not None and soup.select_one(f'label[for="{box["id"]}"]') is not None  # labelled, works without JS


def test_one_search_groups_every_type_with_counts_and_links(client, backend):
    word = "migrantes"
    response = client.get(SEARCH, {"q": word})
    assert response.status_code == 200
    groups = groups_of(response)
    assert list(groups) == ["practice", "recommendation", "event", "organisation"]
    for kind in ("practice", "recommendation"):
        expected = search(SearchQuery(text=word, types=(kind,), page_size=5, language="es"))
        assert groups[kind]["total"] == expected.total > 0
        assert len(groups[kind]["titles"]) == min(5, expected.total)
        assert f"({expected.total})" in groups[kind]["heading"]
    assert groups["practice"]["more"] == "/practicas/?q=migrantes"
    assert groups["recommendation"]["more"] == "/buscar/recomendaciones/?q=migrantes"
    # The group's link leads to a faceted search with the same count.
    faceted = client.get(groups["recommendation"]["more"]).content.decode()
    assert f"{groups['recommendation']['total']} recomendaciones" in faceted
    practices = client.get(groups["practice"]["more"]).content.decode()
    assert f"{groups['practice']['total']} prácticas" in practices


def test_events_and_organisations_are_listed_whole(client, backend):
    organisation = Organisation.objects.order_by("pk").first()
    word = organisation.name.split()[-1]
    groups = groups_of(client.get(SEARCH, {"q": organisation.name}))
    assert organisation.name in " ".join(groups["organisation"]["titles"])
    assert groups["organisation"]["total"] == len(groups["organisation"]["titles"])
    assert groups["organisation"]["more"] is None  # the directory does not search: every hit is listed
    event = published_events().order_by("pk").first()
    groups = groups_of(client.get(SEARCH, {"q": event.title}))
    assert event.title in groups["event"]["titles"] and groups["event"]["total"] == len(groups["event"]["titles"])
    # Case and accents aside, like the index.
    upper = groups_of(client.get(SEARCH, {"q": word.upper()}))
    assert upper["organisation"]["total"] >= 1


def test_only_published_content_is_found(client, backend, django_capture_on_commit_callbacks):
    word = "zorzalito" + uuid.uuid4().hex[:4]
    draft_word = "benteveo" + uuid.uuid4().hex[:4]
    with django_capture_on_commit_callbacks(execute=True):
        shown = add_practice(title=f"Práctica {word} publicada")
        add_practice(title=f"Práctica {word} borrador", publish=False)
        gone = add_practice(title=f"Práctica {word} retirada")
        recommendation = RecommendationPage.objects.originals().live().order_by("pk").first()
        recommendation.title = f"Recomendación {word}"
        recommendation.save_revision().publish()
        withdrawn = RecommendationPage.objects.originals().live().order_by("pk")[1]
        withdrawn.title = f"Recomendación {word} retirada"
        withdrawn.save_revision().publish()
        draft = RecommendationPage.objects.get(pk=recommendation.pk)
        draft.title = f"Recomendación {draft_word}"
        draft.save_revision()  # a draft of a live page: the public keeps the published title
        add_event(word, publish=True)
        add_event(word, publish=False)
        gone_event = add_event(word, publish=True)
    refresh(backend)
    before = groups_of(client.get(SEARCH, {"q": word}))
    assert before["practice"]["total"] == 2 and before["recommendation"]["total"] == 2 and before["event"]["total"] == 2

    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()
        RecommendationPage.objects.get(pk=withdrawn.pk).unpublish()
        gone_event.unpublish()
    refresh(backend)
    response = client.get(SEARCH, {"q": word})
    groups = groups_of(response)
    assert groups["practice"]["total"] == 1 and groups["practice"]["titles"] == [shown.title]
    assert groups["recommendation"]["total"] == 1 and groups["recommendation"]["titles"] == [f"Recomendación {word}"]
    assert groups["event"]["total"] == 1
    page = response.content.decode()
    assert "borrador" not in page and "retirada" not in page
    assert soup_of(response).select_one("#site-results-heading").get_text(strip=True) == "3 resultados"
    # Neither the draft's words nor the withdrawn items anywhere: the draft title finds nothing.
    draft_groups = groups_of(client.get(SEARCH, {"q": draft_word}))
    assert all(group["total"] == 0 and not group["titles"] for group in draft_groups.values())
    # The faceted recommendation search: the hits and every facet count leave the withdrawn one out.
    soup = soup_of(client.get(RECOMMENDATIONS, {"q": word}))
    assert [a.get_text(strip=True) for a in soup.select("article.hit h3 a")] == [f"Recomendación {word}"]
    assert soup.select_one("#results-heading").get_text(strip=True) == "1 recomendación"
    table_counts = facet_counts(soup, "table")
    assert sum(table_counts.values()) == 1


def facet_counts(soup, name: str) -> dict[str, int]:
    counts = {}
    for box in soup.select(f'.facets input[name="{name}"]'):
        count = box.find_parent("label").select_one(".count")
        counts[box["value"]] = int(count.get_text(strip=True).strip("()")) if count else None
    return counts


def test_recommendation_search_facets_agree_with_the_service(client, backend):
    response = client.get(RECOMMENDATIONS, {"table": "1"})
    assert response.status_code == 200
    soup = soup_of(response)
    expected = search(SearchQuery(types=("recommendation",), filters={"table": ("1",)}, language="es"))
    assert soup.select_one("#results-heading").get_text(strip=True).startswith(f"{expected.total} recomendaci")
    every = soup_of(client.get(RECOMMENDATIONS))
    legends = [legend.get_text(strip=True) for legend in every.select(".facets legend")]
    # The six facets, in this order, each shown when it has values (the demo's recommendations
    # name no country of their own: their countries are those of their follow-up).
    unfiltered = search(SearchQuery(types=("recommendation",), language="es")).facets
    titles = {"objective": "Objetivo del PMM", "country": "País", "table": "Mesa de trabajo", "event": "Evento"}
    titles |= {"follow_up_status": "Estado del seguimiento", "follow_up_country": "País del seguimiento"}
    assert legends == [title for name, title in titles.items() if name == "event" or unfiltered[name]]
    assert len(legends) >= 5
    for name in ("objective", "country", "follow_up_status", "follow_up_country"):
        assert facet_counts(soup, name) == {value.code: value.count for value in expected.facets[name]}, name
    # The facet's own counts ignore its selection (OR within a facet); the selected value is checked.
    assert soup.select_one('.facets input[name="table"][value="1"]').has_attr("checked")
    assert facet_counts(soup, "table") == {value.code: value.count for value in expected.facets["table"]}
    # Events are a filter without counts: every published event is offered.
    events = [event.slug for event in published_events().order_by("-date")]
    assert list(facet_counts(soup, "event")) == events
    assert set(facet_counts(soup, "event").values()) == {None}
    # The hits are the service's, in its order; the chip removes the filter; the CSV keeps it.
    assert [a.get_text(strip=True) for a in soup.select("article.hit h3 a")] == [hit.title for hit in expected.hits]
    assert soup.select_one('.selected-filters a[href="?"]') is not None
    assert soup.select_one('a[href="/api/v1/recommendations/?table=1&format=csv"]') is not None
    # On a phone the filters wait behind "Filtrar", with the count beside them.
    disclosure = soup.select_one("details.filters-disclosure")
    assert disclosure.summary.get_text(strip=True) == "Filtrar" and not disclosure.has_attr("open")
    assert disclosure.select_one(".facets-jump a")["href"] == "#results-heading"
    assert str(expected.total) in disclosure.select_one(".facets-jump a").get_text()


def test_recommendation_search_by_event_and_follow_up(client, backend):
    recommendations = published_recommendations().exclude(event=None).select_related("event")
    slug = recommendations.first().event.slug
    soup = soup_of(client.get(RECOMMENDATIONS + "?" + QueryDict(f"event={slug}").urlencode()))
    titles = {a.get_text(strip=True) for a in soup.select("article.hit h3 a")}
    assert titles and titles <= {r.title for r in recommendations.filter(event__slug=slug)}
    assert soup.select_one(f'.facets input[name="event"][value="{slug}"]').has_attr("checked")
    implemented = search(
        SearchQuery(types=("recommendation",), filters={"follow_up_status": ("implemented",)}, language="es", page_size=100)
    )
    assert implemented.total > 0
    soup = soup_of(client.get(RECOMMENDATIONS, {"follow_up_status": "implemented"}))
    assert soup.select_one("#results-heading").get_text(strip=True).startswith(str(implemented.total))


def test_recommendation_search_in_english(client):
    soup = soup_of(client.get("/en" + RECOMMENDATIONS, {"q": "migrantes"}))
    assert soup.html["lang"] == "en"
    assert soup.select_one("details.filters-disclosure summary").get_text(strip=True) == "Filter"
    assert re.match(r"\d+ recommendations?$", soup.select_one("#results-heading").get_text(strip=True))
    for link in soup.select("article.hit h3 a"):
        assert link["href"].startswith("/en/")


@pytest.mark.parametrize(
    "url",
    [RECOMMENDATIONS + "?country=ZZ", RECOMMENDATIONS + "?page=0", RECOMMENDATIONS + "?sort=-start", SEARCH + "?q=" + "a" * 501],
)
def test_bad_parameters_are_400_with_field_errors(client, url):
    response = client.get(url)
    assert response.status_code == 400
    errors = soup_of(response).select_one('[role="alert"]')
    assert errors is not None and errors.li is not None


@pytest.mark.parametrize("text", ["", "  ", "¡¿…!?"])
def test_a_search_without_words_explains_and_lists_nothing(client, text):
    response = client.get(SEARCH, {"q": text})
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select("section.search-group") == [] and soup.select_one("#site-search-q") is not None
    assert soup.select_one("form.site-search-page")["role"] == "search"


@pytest.mark.parametrize("text", ["conversatorio", "GOBIERNOS migración", "oim"])
def test_events_and_organisations_found_as_the_api_finds_them(client, text):
    groups = groups_of(client.get(SEARCH, {"q": text}))
    for kind, endpoint in (("event", "/api/v1/events/"), ("organisation", "/api/v1/organisations/")):
        answer = client.get(endpoint, {"q": text, "page_size": 100}).json()
        assert groups[kind]["total"] == answer["count"], kind
        assert sorted(groups[kind]["slugs"]) == sorted(row["slug"] for row in answer["results"]), kind


def test_english_search_links_to_english_pages(client):
    groups = groups_of(client.get("/en" + SEARCH, {"q": "migrantes"}))
    assert groups["practice"]["more"] == "/en/practicas/?q=migrantes"
    assert groups["recommendation"]["more"] == "/en/buscar/recomendaciones/?q=migrantes"
    soup = soup_of(client.get("/en" + SEARCH, {"q": "migrantes"}))
    assert all(a["href"].startswith("/en/") for a in soup.select("li.hit > a"))
