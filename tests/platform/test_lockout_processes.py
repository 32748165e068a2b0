"""The lock-out counts across processes (issue 15): two gunicorn servers on one PostgreSQL
database, failed logins spread over both on each of the three doors; after LOGIN_FAILURE_LIMIT
failures the right password is refused by both servers (429), and the administrators' unlock
commands (`axes_reset_username`, `axes_reset_ip`) let it in again on both."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from django.core.management import call_command
from django.db import connection

from tests.conftest import ROOT, free_port, wait_for_http
from tests.services import database_url, unavailable

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("lockout_processes")]

LIMIT = 4
PASSWORD = "a-long-test-password-" + uuid.uuid4().hex[:8]


@pytest.fixture
def two_servers(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        unavailable("PostgreSQL (DATABASE_URL): the two servers share the test database")
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "lockout-test-" + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_COOKIES": "0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "LOGIN_FAILURE_LIMIT": str(LIMIT),
        "ENLACE_REQUIRE_2FA": "0",
    }
    for key in ("ELASTICSEARCH_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(key, None)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    servers, urls = [], []
    try:
        for number in (1, 2):
            port = free_port()
            log = Path(tmp_path / f"server{number}.log")
            with open(log, "w") as out:
                server = subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "enlace.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            servers.append(server)
            urls.append(f"http://127.0.0.1:{port}")
            wait_for_http(urls[-1] + "/healthz", server, log)
        yield urls
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)


def login(url: str, door: str, username: str, password: str) -> requests.Response:
    """One login attempt on one door of one server, as a browser or an API client would."""
    if door == "api":
        return requests.post(f"{url}/api/v1/auth/token/", data={"username": username, "password": password}, timeout=30)
    path = "/login/" if door == "site" else "/admin/login/"
    session = requests.Session()
    session.get(url + path, timeout=30)
    form = {"username": username, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]}
    return session.post(url + path, data=form, allow_redirects=False, timeout=30)


def accepted(response: requests.Response) -> bool:
    if response.headers.get("Content-Type", "").startswith("application/json"):
        return response.status_code == 200 and "token" in response.json()
    return response.status_code == 302


def test_failures_spread_over_two_servers_lock_the_account_on_both(two_servers, django_user_model):
    for door in ("site", "admin", "api"):
        check_door(two_servers, door, django_user_model)


def check_door(two_servers, door, django_user_model):
    username = f"lockout-{door}-{uuid.uuid4().hex[:6]}"
    django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True, is_superuser=door == "admin")
    first, second = two_servers
    assert accepted(login(first, door, username, PASSWORD))  # the account works on both to begin with
    statuses = [login(two_servers[n % 2], door, username, f"wrong-{n}").status_code for n in range(LIMIT)]
    assert statuses[:-1] == [200 if door != "api" else 400] * (LIMIT - 1)  # ordinary failures on both servers
    assert statuses[-1] == 429  # the LIMIT-th, counted over both processes, locks
    for url in two_servers:
        refused = login(url, door, username, PASSWORD)
        assert refused.status_code == 429 and not accepted(refused), url
        assert refused.headers["Retry-After"] == str(15 * 60)
        text = refused.json()["detail"] if door == "api" else refused.text
        assert "Demasiados intentos" in text
    call_command("axes_reset_username", username)
    call_command("axes_reset_ip", "127.0.0.1")  # the same failures locked the test's address too
    assert accepted(login(second, door, username, PASSWORD))
    assert accepted(login(first, door, username, PASSWORD))
