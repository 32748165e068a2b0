"""`manage.py check --deploy` is clean for a production-like configuration.

Two warnings are silenced on purpose (enlace/settings, docs/operations.md "Security checks"):
security.W008 (https redirection is the reverse proxy's job) and security.W021 (HSTS preload
is the domain owner's decision). Nothing else may be silenced.

Note: the full `check --deploy` is not database-free: drf-spectacular's deploy check builds the
OpenAPI schema, which evaluates viewsets' querysets; with an unreachable or unmigrated database
it reports drf_spectacular.W001. Hence the full check runs on a migrated (SQLite) database, and
the security checks alone on a PostgreSQL URL that nothing answers.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **extra):
    (tmp_path / "static").mkdir(exist_ok=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "enlace.settings",
        "DJANGO_SECRET_KEY": "deploy-check-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
        "DJANGO_ALLOWED_HOSTS": "enlace.example.org",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://enlace.example.org",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ENLACE_VAR_DIR": str(tmp_path),
        **extra,
    }


def manage(env, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def test_security_checks_are_clean_with_postgresql_settings(tmp_path):
    env = production_env(tmp_path, DATABASE_URL="postgres://enlace:secret@127.0.0.1:9/enlace")
    result = manage(env, "check", "--deploy", "--tag", "security", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (2 silenced)" in result.stdout


def test_security_checks_catch_a_missing_host_list_and_insecure_cookies(tmp_path):
    env = production_env(tmp_path, DATABASE_URL="postgres://enlace@127.0.0.1:9/enlace", DJANGO_SECURE_COOKIES="0")
    env.pop("DJANGO_ALLOWED_HOSTS")
    result = manage(env, "check", "--deploy", "--tag", "security", "--fail-level", "WARNING")
    assert result.returncode != 0
    for code in ("security.W020", "security.W012", "security.W016"):
        assert code in result.stderr


def test_the_whole_deploy_check_is_clean_on_a_migrated_database(tmp_path):
    env = production_env(tmp_path, DJANGO_DEBUG="0")  # SQLite in tmp_path, everything else production
    migrated = manage(env, "migrate", "--noinput", "-v0")
    assert migrated.returncode == 0, migrated.stderr
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (2 silenced)" in result.stdout
