"""enlace.middleware in-process: a database error is a 503 with Retry-After wherever it is
raised (a view, or another middleware), any other error stays a 500. The same against a real
PostgreSQL stopped under gunicorn: test_faults_postgres.py."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.urls import path


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def connection_closed(request):
    try:
        raise InterfaceError("connection already closed")
    except InterfaceError as error:
        raise RuntimeError("while rendering") from error  # wrapped: the cause is what counts


def bug(request):
    raise ValueError("a bug, not an outage")


def fine(request):
    request.session["touched"] = True  # the session is saved by its middleware on the way out
    return HttpResponse("ok")


urlpatterns = [
    path("page/", database_down),
    path("api/v1/things/", database_down),
    path("wrapped/", connection_closed),
    path("bug/", bug),
    path("session/", fine),
]

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


def test_a_page_gets_a_small_html_503_in_the_visitor_language(client):
    response = client.get("/page/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 503
    assert response["Retry-After"] == "30" and response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert '<html lang="fr">' in body and "Traceback" not in body and "5432" not in body
    assert "no-store" in response["Cache-Control"]


def test_the_api_gets_json(client):
    response = client.get("/api/v1/things/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response.json() == {"detail": "Service temporarily unavailable, try again later."}


def test_a_wrapped_database_error_is_still_an_outage(client):
    assert client.get("/wrapped/").status_code == 503


def test_an_error_in_another_middleware_is_an_outage_too(client, db):
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.save", side_effect=OperationalError("gone")):
        response = client.get("/session/")
    assert response.status_code == 503 and response["Retry-After"] == "30"


def test_other_errors_stay_500(client):
    response = client.get("/bug/")
    assert response.status_code == 500
    assert "Retry-After" not in response
