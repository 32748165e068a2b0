"""The practice search page works without JavaScript: the URL holds the whole state."""

import pytest

from cms.selectors import published_practices

pytestmark = pytest.mark.django_db


def test_facets_chips_and_counts(client):
    page = client.get("/practicas/?country=PE&objective=7").content.decode()
    peru_and_7 = [p for p in published_practices() if "PE" in p.countries and "7" in p.objectives]
    assert f"{len(peru_and_7)} prácticas" in page
    for practice in peru_and_7:
        assert practice.title in page
    # Selected values are checked, and shown as removable chips whose links keep the other filter.
    assert 'name="country" value="PE" checked' in page
    assert 'href="?objective=7"' in page  # removing Perú keeps objective 7
    assert "/api/v1/practices/?country=PE&amp;objective=7&amp;format=csv" in page


def test_text_search_highlights_and_accents(client):
    page = client.get("/practicas/?q=ninos+no+acompanados").content.decode()
    assert "<mark>" in page and "acompañados" in page.lower()


def test_empty_results_help(client):
    page = client.get("/practicas/?q=zzzzqqqq").content.decode()
    assert "0 prácticas" in page and "Elimine algunos filtros." in page


def test_pagination_links_keep_the_state(client):
    first = client.get("/practicas/?sort=title").content.decode()
    assert 'href="?sort=title&amp;page=2" rel="next"' in first
    pages = -(-published_practices().count() // 20)
    assert 'rel="next"' in first and f"Página 1 de {pages}" in first


def test_bad_parameters_are_explained_not_crashed(client):
    response = client.get("/practicas/?country=ZZ&page=0")
    assert response.status_code == 400
    assert "country" in response.content.decode() and 'role="alert"' in response.content.decode()
