"""Enlace's middleware: the language of a request, and database outages.

**Language.** The public site's language is in its URL: Spanish unprefixed, ``/en/``, ``/pt/``,
``/fr/`` (``i18n_patterns`` in ``enlace/urls.py``), so every page has one address per
language. Paths outside those patterns (the API, the admin, documents, health checks) keep
negotiating: the language cookie, then ``Accept-Language`` (the API's ``?lang=`` wins over
both, see ``enlace.api``). Django's own middleware would answer every unprefixed path in
Spanish once ``i18n_patterns`` drops the default prefix.

**Outages.** A database that cannot be reached is an outage, not a bug: answer 503 with ``Retry-After``
instead of a 500 (JSON under ``/api/``, a small HTML page elsewhere; never a traceback).

Django turns a database that is down into ``django.db.OperationalError`` (cannot connect,
connection lost) or ``InterfaceError`` (a connection already closed). When a view raises one,
:meth:`DatabaseUnavailableMiddleware.process_exception` answers 503 and logs one warning line
with the cause. When another middleware raises it (e.g. saving the session), Django has
already made a 500 of it: the ``got_request_exception`` receiver marks the request and the
middleware replaces that 500 with the same 503.

Nothing has to be restarted when the database is back: Django opens a new connection for the
next request (``CONN_HEALTH_CHECKS`` drops a persistent connection that died meanwhile).
"""

from __future__ import annotations

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
API_PREFIX = "/api/"
API_DETAIL = "Service temporarily unavailable, try again later."
MARK = "_enlace_database_unavailable"
FALLBACK_HTML = (
    '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>503</title></head>'
    "<body><h1>Servicio no disponible</h1><p>Vuelva a intentarlo en unos minutos.</p></body></html>"
)


def database_unavailable(exc: BaseException | None) -> BaseException | None:
    """The database error behind ``exc`` (itself, or its cause or context), if any."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, (OperationalError, InterfaceError)):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def unavailable_response(request) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        response = JsonResponse({"detail": API_DETAIL}, status=503)
    else:
        # No request context: context processors (the user, settings) would query the database.
        language = translation.get_language_from_request(request)
        try:
            with translation.override(language):
                body = render_to_string("503.html", {"LANGUAGE_CODE": language, "retry_after": RETRY_AFTER_SECONDS})
        except Exception:  # the page must never fail: a fixed one instead
            logger.exception("could not render 503.html")
            body = FALLBACK_HTML
        response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Logged once above by the middleware (warning with the cause): spare Django's error line.
    response._has_been_logged = True
    return response


def mark_request(sender, request=None, **kwargs) -> None:
    """``got_request_exception``: remember that the request failed on the database."""
    if request is not None:
        error = database_unavailable(sys.exc_info()[1])
        if error is not None:
            setattr(request, MARK, error)


got_request_exception.connect(mark_request, dispatch_uid="enlace.middleware.mark_request")


class DatabaseUnavailableMiddleware:
    """Near the top of ``MIDDLEWARE`` (after the request id, so the warning carries it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, MARK, None)
        if error is not None and response.status_code == 500:
            return unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        error = database_unavailable(exception)
        if error is None:
            return None
        logger.warning(
            "database unavailable, answered 503 for %s %s: %s: %s",
            request.method,
            request.path,
            type(error).__name__,
            str(error).strip().splitlines()[0] if str(error).strip() else "",
        )
        return unavailable_response(request)


# --- the language of a request --------------------------------------------------------------

NEGOTIATED_PREFIXES = ("/api/", "/admin/", "/documents/", "/healthz", "/readyz")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_request(self, request):
        if not request.path_info.startswith(NEGOTIATED_PREFIXES):
            return super().process_request(request)
        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
