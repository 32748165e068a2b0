#!/usr/bin/env bash
# The whole test suite, from a fresh clone: `make test` runs this.
#  1. installs what is missing (Debian packages, the Elasticsearch test distribution, Python deps);
#     then lints: ruff (rules, import order, format) and import-linter's layer contracts (pyproject.toml); a finding fails the run;
#  2. starts Elasticsearch, PostgreSQL and Redis on loopback (deploy/local/services.sh);
#  3. runs pytest on PostgreSQL (everything, browser tests included), then on SQLite (the
#     database-dependent tests again); services-only tests need no second run;
#  4. stops what it started, whatever happened.
# With CI=true a skipped test fails the run (tests/conftest.py).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
WORKERS="${PYTEST_WORKERS:-2}"
t0=$SECONDS

# --- 1. install ---------------------------------------------------------------------------
bash deploy/local/deps.sh
if [[ ! -x "$VENV/bin/python" ]]; then
    "$PYTHON" -m venv "$VENV"
fi
if [[ ! -f "$VENV/.installed-test" || pyproject.toml -nt "$VENV/.installed-test" ]]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e '.[test]'
    rm -f "$VENV"/.installed-*
    touch "$VENV/.installed-test"
fi
PY="$VENV/bin/python"
echo "install: $((SECONDS - t0)) s"

# --- lint: the code's rules (ruff) and its layers (import-linter), before anything starts -----
status=0
"$VENV/bin/ruff" check . || status=1
"$VENV/bin/ruff" format --check . || status=1
DJANGO_SETTINGS_MODULE=enlace.settings "$VENV/bin/lint-imports" --no-cache || status=1
((status == 0)) || { echo "lint failed: fix the findings above (pyproject.toml configures both)" >&2; exit 1; }

# --- 2. services ----------------------------------------------------------------------------
trap 'bash deploy/local/services.sh stop >/dev/null 2>&1 || true' EXIT
bash deploy/local/services.sh start
# shellcheck disable=SC1090
source <(bash deploy/local/services.sh env)
# The suite gets the services under test-only names; the product's own variables stay unset
# so that each test chooses the mode it exercises.
export ENLACE_TEST_ELASTICSEARCH_URL="$ELASTICSEARCH_URL"
export ENLACE_TEST_REDIS_URL="$CELERY_BROKER_URL"
PG_URL="$DATABASE_URL"
unset ELASTICSEARCH_URL DATABASE_URL CELERY_BROKER_URL CELERY_RESULT_BACKEND

# --- 3. the suite, twice ------------------------------------------------------------------
echo "== pytest on PostgreSQL (whole suite) =="
DJANGO_SECRET_KEY="test-suite-only-$(date +%s%N)"
export DJANGO_SECRET_KEY
DATABASE_URL="$PG_URL" "$PY" manage.py collectstatic --noinput -v0
DATABASE_URL="$PG_URL" "$PY" -m pytest -n "$WORKERS" --dist loadgroup -p no:cacheprovider "$@" || status=$?

echo "== pytest on SQLite (database tests) =="
"$PY" -m pytest -n "$WORKERS" --dist loadgroup -p no:cacheprovider \
    -m "not browser and not elasticsearch and not redis and not postgres and not fuzz" "$@" || status=$?

echo "test suite: $((SECONDS - t0)) s, exit $status"
exit "$status"
