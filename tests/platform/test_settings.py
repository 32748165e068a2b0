"""Configuration comes from the environment only; no variable means the embedded mode."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "debug": settings.DEBUG,
    "search": settings.SEARCH_BACKEND, "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL, "email": settings.EMAIL_BACKEND,
    "language": settings.LANGUAGE_CODE, "languages": [code for code, _ in settings.LANGUAGES],
}))
"""


def probe(**env):
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "enlace.settings", "HOME": "/tmp"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=60
    )
    return result


def test_embedded_defaults(tmp_path):
    result = probe(ENLACE_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["engine"] == "django.db.backends.sqlite3"
    assert config["name"] == str(tmp_path / "enlace.sqlite3")
    assert config["search"] == "database"
    assert config["eager"] is True and config["broker"] == ""
    assert config["email"] == "django.core.mail.backends.console.EmailBackend"
    assert config["language"] == "es" and config["languages"] == ["es", "en", "pt", "fr"]


def test_servers_from_environment_variables():
    result = probe(
        DATABASE_URL="postgres://enlace@127.0.0.1:5432/enlace",
        ELASTICSEARCH_URL="http://127.0.0.1:9200",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        DJANGO_SECRET_KEY="x" * 50,
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["engine"] == "django.db.backends.postgresql"
    assert config["search"] == "elasticsearch"
    assert config["eager"] is False
    assert config["debug"] is False  # a server database means a deployment


def test_a_deployment_refuses_to_start_without_a_secret():
    result = probe(DATABASE_URL="postgres://enlace@127.0.0.1:5432/enlace")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_bad_values_are_named():
    result = probe(DJANGO_DEBUG="perhaps")
    assert result.returncode != 0 and "DJANGO_DEBUG must be a boolean" in result.stderr
    result = probe(SEARCH_BACKEND="elasticsearch")
    assert result.returncode != 0 and "needs ELASTICSEARCH_URL" in result.stderr


CACHE_PROBE = """
import django
from django.conf import settings
django.setup()
print(settings.CACHES["default"]["BACKEND"], settings.CACHES["default"].get("LOCATION", ""))
"""


def test_the_cache_is_shared_only_when_configured(tmp_path):
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "enlace.settings", "HOME": "/tmp", "ENLACE_VAR_DIR": str(tmp_path)}

    def run(**env):
        return subprocess.run(
            [sys.executable, "-c", CACHE_PROBE], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=60
        )

    embedded = run()
    assert embedded.returncode == 0, embedded.stderr
    assert embedded.stdout.split()[0] == "django.core.cache.backends.locmem.LocMemCache"
    shared = run(CACHE_URL="redis://127.0.0.1:6379/1")
    assert shared.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/1"]
