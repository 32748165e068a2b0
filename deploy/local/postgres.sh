#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster on loopback for the tests.
#   postgres.sh start [--port P] | stop | status
# Data in $RUN/pg/data, socket and log in $RUN/pg; default port 54329. Durability is
# switched off (fsync, synchronous_commit, full_page_writes): the data is disposable.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Run from / : the postgres user may not be allowed into the caller's folder.
cd /

PG_USER=postgres
# Role and database the app connects with. initdb -U makes this role the bootstrap
# superuser, which pytest-django needs to create test_enlace(_gwN) databases.
DB_ROLE=enlace
DB_NAME=enlace
PG_DIR="$RUN/pg"
PGDATA="$PG_DIR/data"

usage() {
    echo "usage: ${0##*/} start [--port P] | stop | status" >&2
    exit 2
}

cmd="${1:-}"
[[ -n "$cmd" ]] || usage
shift
port=54329
while (($#)); do
    case "$1" in
    --port) port="${2:-}"; require_int --port "$port"; shift 2 ;;
    *) usage ;;
    esac
done

# PostgreSQL refuses root: as root the cluster belongs to the postgres user that the
# Debian package creates; a normal user owns their cluster themself.
is_root || PG_USER="$(id -un)"

# The highest installed major version's binaries.
pg_bin() {
    local dir
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$dir" && -x "$dir/pg_ctl" ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql: run deploy/local/deps.sh"
    echo "$dir"
}

# Port of the running server, from line 4 of postmaster.pid, if it is running.
running_port() {
    local bin="$1"
    [[ -f "$PGDATA/PG_VERSION" ]] || return 0
    if run_as "$PG_USER" "$bin/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
        sed -n 4p "$PGDATA/postmaster.pid" 2>/dev/null
    fi
    return 0
}

start() {
    local bin t0 current how="up"
    t0="$(now)"
    bin="$(pg_bin)"
    mkdir -p "$PG_DIR"
    own_by "$PG_USER" "$PG_DIR"
    check_reachable "$PG_USER" "$PG_DIR"

    current="$(running_port "$bin")"
    if [[ -n "$current" && "$current" != "$port" ]]; then
        # Running on another port: restart on the one asked for.
        run_as "$PG_USER" "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
        current=""
    fi

    if [[ -n "$current" ]]; then
        how="reused"
    else
        # A half-made data folder (interrupted initdb) or one from another major version
        # would make the server refuse: the data is disposable, so make it anew.
        local major
        major="$(basename "$(dirname "$bin")")"
        if [[ "$(cat "$PGDATA/PG_VERSION" 2>/dev/null)" != "$major" ]]; then
            rm -rf "$PGDATA"
            run_as "$PG_USER" "$bin/initdb" -D "$PGDATA" -A trust -U "$DB_ROLE" -E UTF8 \
                --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 ||
                { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
        fi
        if ! run_as "$PG_USER" "$bin/pg_ctl" -D "$PGDATA" -l "$PG_DIR/log" -w -t 60 \
            -o "-p $port -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null; then
            tail -n 30 "$PG_DIR/log" >&2 || true
            die "PostgreSQL did not start on port $port"
        fi
    fi

    # Over TCP: trust auth lets root (or anyone local) connect as the enlace role.
    local psql=("$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U "$DB_ROLE" -d postgres -v ON_ERROR_STOP=1 -tA)
    if [[ "$("${psql[@]}" -c "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]]; then
        "${psql[@]}" -c "create database $DB_NAME"
    fi
    echo "${0##*/}: PostgreSQL on port $port $how in $(elapsed "$t0") s" >&2
    echo "DATABASE_URL=postgres://$DB_ROLE@127.0.0.1:$port/$DB_NAME"
}

stop() {
    local bin
    [[ -f "$PGDATA/PG_VERSION" ]] || return 0
    bin="$(pg_bin)"
    [[ -n "$(running_port "$bin")" ]] || return 0
    run_as "$PG_USER" "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
}

status() {
    local bin p
    bin="$(pg_bin)"
    p="$(running_port "$bin")"
    if [[ -n "$p" ]]; then
        echo "PostgreSQL running on port $p (data $PGDATA)"
    else
        echo "PostgreSQL not running"
        return 1
    fi
}

case "$cmd" in
start) ensure_cache; start ;;
stop) stop ;;
status) status ;;
*) usage ;;
esac
