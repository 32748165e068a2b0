"""Beat's schedule (drift repair daily by default, `SEARCH_REPAIR_SECONDS`), the repair task
itself, and the delivery settings the fault tests rely on, as a deployment's process reads them."""

import json
import subprocess
import sys

import pytest

from cms.models import PracticePage
from search.backends.database import DatabaseBackend
from search.models import SearchEntry
from search.tasks import repair_drift
from tests.conftest import ROOT

PROBE = """
import json, django
from django.conf import settings
django.setup()
from enlace.celery import app
print(json.dumps({
    "schedule": {name: [entry["task"], entry["schedule"]] for name, entry in app.conf.beat_schedule.items()},
    "acks_late": app.conf.task_acks_late, "reject_on_worker_lost": app.conf.task_reject_on_worker_lost,
    "prefetch": app.conf.worker_prefetch_multiplier,
    "visibility": app.conf.broker_transport_options.get("visibility_timeout"),
    "result_visibility": app.conf.result_backend_transport_options.get("visibility_timeout"),
    "conn_health_checks": settings.DATABASES["default"].get("CONN_HEALTH_CHECKS"),
    "middleware": settings.MIDDLEWARE[:2],
}))
"""


def deployment(tmp_path, **env) -> dict:
    base = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "enlace.settings",
        "DATABASE_URL": "postgres://enlace@127.0.0.1:9/enlace",
        "DJANGO_SECRET_KEY": "k" * 50,
        "CELERY_BROKER_URL": "redis://127.0.0.1:9/0",
        "ENLACE_VAR_DIR": str(tmp_path),
        "PYTHONWARNINGS": "ignore",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_beat_repairs_drift_daily_unless_configured_otherwise(tmp_path):
    config = deployment(tmp_path)
    assert config["schedule"]["search-repair"] == ["search.repair_drift", 86400]
    assert config["schedule"]["relay-outbox"] == ["enlace.relay_outbox", 10]
    assert deployment(tmp_path, SEARCH_REPAIR_SECONDS="3600")["schedule"]["search-repair"] == ["search.repair_drift", 3600]
    assert "search-repair" not in deployment(tmp_path, SEARCH_REPAIR_SECONDS="0")["schedule"]


def test_delivery_and_database_settings_of_a_deployment(tmp_path):
    config = deployment(tmp_path, CELERY_VISIBILITY_TIMEOUT="42")
    assert config["acks_late"] is True and config["reject_on_worker_lost"] is True and config["prefetch"] == 1
    assert config["visibility"] == 42 and config["result_visibility"] == 42
    assert config["conn_health_checks"] is True
    assert config["middleware"] == ["enlace.logging.RequestIdMiddleware", "enlace.middleware.DatabaseUnavailableMiddleware"]


@pytest.mark.django_db
def test_the_repair_task_fixes_drift_and_reports_it(settings, caplog):
    settings.ELASTICSEARCH_URL = ""  # the database index only (Elasticsearch: test_es_lifecycle.py)
    practice = PracticePage.objects.originals().live().order_by("pk").first()
    DatabaseBackend().remove([("practice", practice.pk)])  # an index update lost on the way
    assert not SearchEntry.objects.filter(type="practice", object_id=practice.pk).exists()

    with caplog.at_level("INFO", logger="search.tasks"):
        assert repair_drift.run() == {"database": "repaired"}
    assert SearchEntry.objects.filter(type="practice", object_id=practice.pk).exists()
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and f"practice:{practice.pk}" in warnings[0].getMessage()

    assert repair_drift.run() == {"database": "clean"}
