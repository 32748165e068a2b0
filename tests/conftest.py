"""Fixtures shared by the whole suite.

* The test database is migrated once per run (per xdist worker) and loaded with the demo
  world, so most tests read the same data the README's first command shows.
  Transactional tests (``transactional_db``, ``live_server``) flush the database and run
  last (pytest-django orders them so); they must build their own data.
* Real services come from ``tests/services.py``: Elasticsearch, Redis with a Celery worker,
  Chromium through Playwright, and a real server process for end-to-end tests.
* With ``CI=true`` a skipped test fails the run: nothing may be skipped in CI.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.services import IN_CI, chromium_path, service_url

ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "enlace-demo-test"


def pytest_configure(config):
    """The second factor is compulsory for privileged roles wherever debug is off, which the
    suite's PostgreSQL pass is; tests that log privileged accounts in with a password only (most
    of them) run without that rule, and the tests of the rule turn it on with the ``settings``
    fixture (tests/platform/test_accounts.py)."""
    from django.conf import settings

    settings.ENLACE_REQUIRE_2FA = False


# --- CI: a skip is a failure ----------------------------------------------------------


_skipped: list[str] = []


def pytest_runtest_logreport(report):
    # Under xdist this runs in the controller too, with every worker's reports.
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if IN_CI and _skipped and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if IN_CI and _skipped:
        terminalreporter.write_line(
            f"CI=true: {len(_skipped)} skipped test(s) fail the run: " + ", ".join(_skipped[:10]), red=True
        )


# --- Database with the demo world -----------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def session_media_root(tmp_path_factory):
    """Uploaded files (the demo's attachments among them) and the open-data download go to
    folders of the test session, never to the developer's var/."""
    from django.test import override_settings

    override = override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")), OPENDATA_DIR=str(tmp_path_factory.mktemp("opendata"))
    )
    override.enable()
    yield
    override.disable()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cms.demo.loader import DemoLoader

    with django_db_blocker.unblock():
        DemoLoader(DEMO_PASSWORD).run()


@pytest.fixture
def demo_password() -> str:
    return DEMO_PASSWORD


# --- people and items made by the factories (tests/factories.py), not the demo world's -------


class People(dict):
    """Factory-made accounts under the demo world's role names, each made on first use:
    ``delegate1``..``delegate4`` and ``secretariat1``..``secretariat4`` (of that table),
    ``liaison1``/``liaison2``, ``network``, ``curator``, ``admin``, ``member`` (of a new
    organisation that sits in table 1) and ``peer`` (another delegate of table 1). Only the role is the demo's; the account is new."""

    def __missing__(self, name):
        from tests import factories

        role, table = name.rstrip("1234"), name[len(name.rstrip("1234")) :] or None
        if name == "peer":  # another delegate of table 1
            account = factories.user("delegate", table="1")
        elif role == "member":
            account = factories.user("member", organisation=factories.organisation(tables=["1"]))
        elif role in ("delegate", "secretariat", "liaison", "network", "curator", "admin"):
            account = factories.user(role, table=table if role in ("delegate", "secretariat") else None)
        else:
            raise KeyError(name)
        self[name] = account
        return account


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def item_at(people):
    """``item_at(state)``: a table-1 recommendation by ``people["delegate1"]`` brought to a state
    by the services (``tests/factories.py``), reviewed by ``people``'s secretariat1, liaison1,
    liaison2 and network: draft, table, liaison (approved by the table, no liaison vote yet),
    network, changes_requested (sent back by liaison1), published, withdrawn."""
    from tests import factories
    from workflows import recommendations

    def make(state="draft", *, author="delegate1", co_authors=()):
        reviewers = factories.Reviewers(
            "1",
            secretariat=people["secretariat1"],
            liaisons=[people["liaison1"], people["liaison2"]],
            network=people["network"],
            curator=people["curator"],
        )
        options = {"table": "1", "author": people[author], "co_authors": [people[n] for n in co_authors], "reviewers": reviewers}
        if state == "liaison":
            item = factories.recommendation("table", **options)
            recommendations.recommendation_approve(item=item, user=reviewers.secretariat)
            return type(item).objects.get(pk=item.pk)
        return factories.recommendation(state, **options)

    return make


# --- Elasticsearch --------------------------------------------------------------------


@pytest.fixture(scope="session")
def elasticsearch_url() -> str:
    return service_url("ENLACE_TEST_ELASTICSEARCH_URL", "Elasticsearch")


@pytest.fixture(scope="session")
def es_client(elasticsearch_url):
    from search.client import get_client, is_ready

    client = get_client(elasticsearch_url)
    if not is_ready(client, timeout="30s"):
        pytest.fail(f"Elasticsearch at {elasticsearch_url} is not ready", pytrace=False)
    return client


@pytest.fixture
def es_index(es_client):
    """A fresh, uniquely named index, deleted afterwards: ``es_index(mappings=...)``."""
    created: list[str] = []

    def make(**body) -> str:
        name = f"test-{uuid.uuid4().hex[:12]}"
        es_client.indices.create(index=name, **body)
        created.append(name)
        return name

    yield make
    for name in created:
        es_client.indices.delete(index=name, ignore_unavailable=True)


# --- Redis and a real Celery worker ---------------------------------------------------


@pytest.fixture(scope="session")
def redis_url() -> str:
    return service_url("ENLACE_TEST_REDIS_URL", "Redis")


@pytest.fixture
def celery_worker_process(redis_url, tmp_path):
    """A Celery worker of the project's app in its own process, configured by environment
    variables like a deployment's, on the real Redis broker."""
    env = {
        **os.environ,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    env.pop("DATABASE_URL", None)  # the worker of this fixture needs no database
    with open(tmp_path / "worker.log", "w") as out:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "enlace",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=INFO",
                f"--hostname=test-{uuid.uuid4().hex[:6]}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


@pytest.fixture
def celery_client(redis_url):
    """A producer on the same broker, separate from the in-process app (which runs eagerly in
    tests), so nothing it caches can point elsewhere."""
    from celery import Celery

    client = Celery("enlace-test-client", broker=redis_url, backend=redis_url)
    yield client
    client.close()


# --- A real server process, and a real browser ----------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def serve_site(home: Path, **extra_env):
    """The product as a deployment runs it, in ``home``: its own SQLite database migrated and
    seeded by the management commands, static files collected, gunicorn serving on a loopback
    port. A generator: yields the site's URL, stops the server when closed."""
    env = {
        **os.environ,
        "ENLACE_VAR_DIR": str(home),
        "STATIC_ROOT": str(home / "static"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "live-site-test-key-" + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_COOKIES": "0",  # plain http on loopback
        "DEMO_PASSWORD": DEMO_PASSWORD,
        # The demo accounts log in with their password (tests of the second factor set it to 1).
        "ENLACE_REQUIRE_2FA": "0",
        **extra_env,
    }
    for key in ("DATABASE_URL", "ELASTICSEARCH_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(key, None)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["seed_demo"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    log = home / "server.log"  # a file, not a pipe: a pipe nobody reads would block the server
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "enlace.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/healthz", server, log)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The demo site as deployed, shared by the tests that only read it."""
    yield from serve_site(tmp_path_factory.mktemp("live-site"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="es-ES")
    tab = context.new_page()
    yield tab
    context.close()
