"""404, 403 and 500 with debug off (issue 21): in the site's frame (header, language links,
footer, the stylesheet) and in the language of the address, never a bare English "Not Found";
the 500 page reads nothing from the database."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client, override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.frontend.error_urls")]

LANGUAGES = {"es": "", "en": "/en", "pt": "/pt", "fr": "/fr"}
HEADINGS = {
    404: {"es": "Página no encontrada", "en": "Page not found", "pt": "Página não encontrada", "fr": "Page introuvable"},
    403: {"es": "Acceso denegado", "en": "Access denied", "pt": "Acesso negado", "fr": "Accès refusé"},
    500: {"es": "Algo salió mal", "en": "Something went wrong", "pt": "Algo deu errado", "fr": "Une erreur s’est produite"},
}
PATHS = {404: "/no-existe-esta-pagina/", 403: "/prueba-prohibida/", 500: "/prueba-fallo/"}


def assert_framed(response, status: int, language: str) -> BeautifulSoup:
    assert response.status_code == status
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.select_one("meta[name=viewport]") is not None
    assert soup.select_one("link[rel=stylesheet][href*='site']") is not None
    assert soup.select_one("header.site-header a.brand") is not None
    assert soup.select_one("footer.site-footer") is not None
    assert {a["hreflang"] for a in soup.select("nav.lang a")} == set(LANGUAGES)
    assert soup.select_one("nav.lang a[aria-current]")["hreflang"] == language
    assert soup.h1.get_text(strip=True) == HEADINGS[status][language]
    assert soup.select_one(f"[data-error='{status}']") is not None
    home = soup.select_one(f"[data-error='{status}'] a[href='{LANGUAGES[language] or ''}/']")
    assert home is not None  # back to the home page in the same language
    return soup


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("status", [404, 403])
@override_settings(DEBUG=False)
def test_not_found_and_forbidden_in_the_frame_and_language(client, status, language):
    soup = assert_framed(client.get(LANGUAGES[language] + PATHS[status]), status, language)
    assert soup.select("header nav a[href]")  # the site's navigation


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(DEBUG=False)
def test_server_error_in_the_frame_and_language_without_the_database(language, django_assert_num_queries):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get(LANGUAGES[language] + PATHS[500])
    assert_framed(response, 500, language)
    assert "a bug" not in response.content.decode()  # no detail of the error leaks


@override_settings(DEBUG=False)
def test_a_missing_page_whatever_the_browser_asks_is_in_the_address_language(client):
    response = client.get("/en/no-such-page/", HTTP_ACCEPT_LANGUAGE="fr")
    assert_framed(response, 404, "en")
    assert "Not Found" not in response.content.decode()


def test_favicon(client):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")
    assert "frontend/favicon" in response["Location"]
    assert finders.find("frontend/favicon.svg")
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert "favicon" in soup.select_one("link[rel=icon][type='image/svg+xml']")["href"]
