"""The site's error pages (``handler404``, ``handler403``, ``handler500`` in ``enlace.urls``), in
the site's frame and the request's language, with debug off.

404 and 403 render ``404.html`` / ``403.html`` on ``base.html`` (its navigation reads the page
tree: the database is up when a page is missing or forbidden). The 500 page must answer even when
what failed is the database, so it is rendered without the request's context processors, on a
frame that reads nothing from the database (``500.html``); its language comes from the address
(``/en/…``), else the language the request had, else Spanish."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"


def _language(request) -> str:
    from_path = translation.get_language_from_path(request.path_info)
    return from_path or getattr(request, "LANGUAGE_CODE", None) or translation.get_language() or settings.LANGUAGE_CODE


@requires_csrf_token
def page_not_found(request, exception):
    with translation.override(_language(request)):
        return defaults.page_not_found(request, exception)


@requires_csrf_token
def permission_denied(request, exception):
    with translation.override(_language(request)):
        return defaults.permission_denied(request, exception)


@requires_csrf_token
def server_error(request):
    language = _language(request)
    try:
        with translation.override(language):
            links = []
            for code in settings.LANGUAGE_CODES:
                try:
                    url = translate_url(request.path, code)
                except Exception:  # noqa: BLE001 - the error page itself must not fail
                    url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
                links.append(
                    {
                        "code": code,
                        "url": url,
                        "current": code == language,
                        "name": get_language_info(code)["name_local"].capitalize(),
                    }
                )
            home = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
            body = loader.get_template("500.html").render({"LANGUAGE_CODE": language, "languages": links, "home": home})
    except Exception:  # noqa: BLE001
        logger.exception("could not render 500.html")
        body = '<!doctype html><html lang="es"><meta charset="utf-8"><title>500</title><h1>500</h1></html>'
    return HttpResponseServerError(body)


def favicon(request):
    """``/favicon.ico``, asked for by browsers and crawlers whatever the page says: the SVG icon."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("frontend/favicon.svg"))
