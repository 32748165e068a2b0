"""Interface strings in the four languages; related practices; counts by country on the home page
(the tile-grid map and its table)."""

import pytest

from cms.models import PracticePage
from cms.selectors import published_practices
from frontend.templatetags.enlace_tags import related_practices

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, expected",
    [
        ("pt", ["Pesquisar práticas", "Aplicar filtros", "Ordenar por", "Propor uma prática", "Ir para o conteúdo"]),
        ("fr", ["Rechercher des pratiques", "Appliquer les filtres", "Trier par", "Proposer une pratique", "Aller au contenu"]),
        ("en", ["Search practices", "Apply filters", "Sort by", "Propose a practice"]),
    ],
)
def test_search_page_in_each_language_by_its_url(client, language, expected):
    page = client.get(f"/{language}/practicas/").content.decode()
    assert f'<html lang="{language}">' in page
    for text in expected:
        assert text in page


@pytest.mark.parametrize(
    "language, expected",
    [("pt", ["Países", "Objetivos do PMM", "Situação"]), ("fr", ["Pays", "Objectifs du PMM", "Statut"])],
)
def test_practice_page_in_each_language_by_its_url(client, settings, language, expected):
    practice = published_practices().exclude(countries=[]).first()
    page = client.get(f"/{language}{practice.url}").content.decode()
    assert f'<html lang="{language}">' in page
    for text in expected:
        assert f"<dt>{text}</dt>" in page


def test_unprefixed_pages_are_spanish_whatever_the_browser_asks(client, settings):
    """The address decides the language of a page (one URL per language, cacheable); the cookie
    and Accept-Language are for the API and the admin."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get("/practicas/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="es">' in page and "Buscar prácticas" in page


def test_related_practices_share_objectives_or_countries():
    practice = max(published_practices(), key=lambda p: len(p.objectives) + len(p.countries))
    related = related_practices(practice)
    assert 1 <= len(related) <= 4 and practice not in related
    for other in related:
        assert other.live
        assert set(other.objectives) & set(practice.objectives) or set(other.countries) & set(practice.countries)


def test_related_practices_on_the_page(client):
    practice = published_practices().exclude(objectives=[]).first()
    page = client.get(practice.url).content.decode()
    assert 'id="related-heading"' in page and "Prácticas relacionadas" in page


def test_drafts_are_never_related():
    draft = PracticePage.objects.originals().filter(live=False).first()
    if draft is None:
        pytest.skip("no draft in the seed")
    for practice in published_practices()[:20]:
        assert draft.pk not in [p.pk for p in related_practices(practice)]


def test_home_counts_by_country(client):
    page = client.get("/").content.decode()
    assert 'id="by-country"' in page and "Prácticas por país" in page
    assert 'class="counts country-counts"' in page
    peru = sum(1 for p in published_practices() if "PE" in p.countries)
    if peru:
        assert f'<th scope="row"><a href="/practicas/?country=PE">Perú</a></th><td>{peru}</td>' in page


def test_home_tile_map_of_the_region(client):
    from cms.taxonomies import REGION_COUNTRY_CODES

    page = client.get("/").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="group" aria-labelledby="country-map-title"' in svg and '<title id="country-map-title">' in svg
    assert svg.count("<rect ") == len(REGION_COUNTRY_CODES) == 33
    for code in REGION_COUNTRY_CODES:  # every tile links to the search filtered by its country
        assert f'<a href="/practicas/?country={code}" aria-label="' in svg
    peru = sum(1 for p in published_practices() if "PE" in p.countries)
    label = "Perú: 1 practice" if peru == 1 else f"Perú: {peru} practices"  # until the catalogues have it
    assert f'aria-label="{label}"' in svg or f'aria-label="Perú: {peru} práctica' in svg
    assert 'class="map-legend"' in page and "script" not in svg


def test_tile_map_classes_and_colours():
    from frontend import maps

    assert maps.classes(0) == [] and maps.classes(1) == [(1, 1)]
    assert maps.classes(4) == [(1, 1), (2, 2), (3, 3), (4, 4)]
    assert maps.classes(100) == [(1, 25), (26, 50), (51, 75), (76, 100)]
    drawn = maps.tile_map({"PE": 10, "AR": 1, "ES": 50}, "/practicas/", "es")
    tiles = {tile["code"]: tile for tile in drawn["tiles"]}
    assert len(tiles) == 33 and "ES" not in tiles  # outside the region: table only
    assert tiles["PE"]["fill"] == maps.PALETTE[-1][0] and tiles["AR"]["fill"] == maps.PALETTE[0][0]
    assert tiles["CL"]["fill"] == maps.EMPTY[0] and tiles["CL"]["url"] == "/practicas/?country=CL"
    assert [entry["label"] for entry in drawn["legend"]] == ["0", "1–3", "4–5", "6–8", "9–10"]
    positions = {(tile["x"], tile["y"]) for tile in drawn["tiles"]}
    assert len(positions) == 33 and all(0 <= x < drawn["width"] and 0 <= y < drawn["height"] for x, y in positions)
