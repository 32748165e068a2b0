"""`pip install .` (not editable) ships what the product needs at run time: a wheel is built from
a copy of the sources and its file list checked (templates, static files, compiled translations,
migrations); installed into a folder of its own, Django finds them there."""

from __future__ import annotations

import gettext
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ["enlace", "cms", "workflows", "search", "frontend"]


def can_build_wheels_offline() -> bool:
    """setuptools ≥ 70.1 has bdist_wheel itself; older ones need the `wheel` package."""
    import setuptools

    version = tuple(int(part) for part in setuptools.__version__.split(".")[:2] if part.isdigit())
    return version >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ["pyproject.toml", "README.md"]:
        shutil.copy2(ROOT / name, source / name)
    for name in [*PACKAGES, "locale"]:
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    # Without setuptools' own bdist_wheel here, pip builds in an isolated environment with the
    # setuptools pyproject.toml asks for (as `make test`'s install does).
    isolation = ["--no-build-isolation"] if can_build_wheels_offline() else []
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "--wheel-dir", str(work / "dist"), str(source)],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (built,) = (work / "dist").glob("enlace-*.whl")
    return built


def source_files(pattern: str) -> set[str]:
    return {p.relative_to(ROOT).as_posix() for p in ROOT.glob(pattern) if p.is_file() and "__pycache__" not in p.parts}


def test_the_wheel_ships_templates_static_files_translations_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "templates": set().union(*(source_files(f"{app}/templates/**/*") for app in PACKAGES)),
        "static files": set().union(*(source_files(f"{app}/static/**/*") for app in PACKAGES)),
        "translations": source_files("locale/*/LC_MESSAGES/django.mo"),
        "migrations": set().union(*(source_files(f"{app}/migrations/*.py") for app in PACKAGES)),
    }
    for what, files in expected.items():
        assert files, what
        assert files - names == set(), f"{what} missing from the wheel"
    assert {"enlace/templates/503.html", "frontend/static/frontend/site.css", "locale/es/LC_MESSAGES/django.mo"} <= names
    assert "enlace/settings/__init__.py" in names and "cms/management/commands/setup_site.py" in names
    assert not [name for name in names if name.startswith("tests/") or name.endswith((".pyc", ".po"))]


def test_an_installed_copy_finds_its_templates_static_files_and_translations(wheel, tmp_path):
    target = tmp_path / "site-packages"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    catalog = gettext.GNUTranslations(open(ROOT / "locale/es/LC_MESSAGES/django.mo", "rb"))
    msgid, msgstr = next(
        (k, v) for k, v in catalog._catalog.items() if isinstance(k, str) and k and v and k != v and "\x00" not in k
    )
    script = """
import json, sys
import django
django.setup()
import enlace
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.migrations.loader import MigrationLoader
from django.template.loader import get_template
from django.utils import translation
msgid = sys.argv[1]
with translation.override("es"):
    translated = translation.gettext(msgid)
print(json.dumps({
    "package": enlace.__file__,
    "locale": [str(p) for p in settings.LOCALE_PATHS],
    "translated": translated,
    "templates": [get_template(name).origin.name for name in ("503.html", "base.html", "workflows/email/decision_body.txt")],
    "static": finders.find("frontend/site.css"),
    "migrations": sorted(name for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations if app == "cms"),
}))
"""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(target),
        "DJANGO_SETTINGS_MODULE": "enlace.settings",
        "ENLACE_VAR_DIR": str(tmp_path / "var"),
        "PYTHONWARNINGS": "ignore",
    }
    # Run outside the checkout, so that only the installed copy can be imported.
    result = subprocess.run(
        [sys.executable, "-c", script, msgid], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["package"].startswith(str(target)), found
    assert found["locale"] == [str(target / "locale")]
    assert found["translated"] == msgstr
    assert all(path.startswith(str(target)) for path in found["templates"]), found["templates"]
    assert found["static"] and found["static"].startswith(str(target))
    assert found["migrations"] == sorted(p.stem for p in (ROOT / "cms/migrations").glob("0*.py"))
