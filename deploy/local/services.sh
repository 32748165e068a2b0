#!/usr/bin/env bash
# Start, stop or describe the local test services: Elasticsearch (one node),
# PostgreSQL and Redis, all on loopback, all files under $CACHE.
#   services.sh start    install what is missing, start (or reuse) the three, write $RUN/env
#   services.sh env      print $RUN/env (eval "$(deploy/local/services.sh env)")
#   services.sh status   ask each service
#   services.sh stop     stop everything started from here
# Ports: ENLACE_ES_PORT (9250), ENLACE_PG_PORT (54329), ENLACE_REDIS_PORT (63799).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ENV_FILE="$RUN/env"
ES_PORT="${ENLACE_ES_PORT:-9250}"
PG_PORT="${ENLACE_PG_PORT:-54329}"
REDIS_PORT="${ENLACE_REDIS_PORT:-63799}"

usage() {
    echo "usage: ${0##*/} start|stop|status|env" >&2
    exit 2
}

# Run one service script, keeping its chatter in OUT.err; print a one-line summary
# with the time it took, or its messages if it failed.
run_service() {
    local name="$1" out="$2" t0 rc=0 how=started
    shift 2
    t0="$(now)"
    # 8>&-: the daemons must not inherit the lock, or it would outlive this run.
    "$@" >"$out" 2>"$out.err" 8>&- || rc=$?
    if ((rc != 0)); then
        echo "$name: FAILED (exit $rc)" >&2
        cat "$out.err" >&2
        return "$rc"
    fi
    grep -q reused "$out.err" && how=reused
    printf '%-14s %-42s %5s s (%s)\n' "$name" "$(cut -d= -f2- "$out" | head -n 1)" "$(elapsed "$t0")" "$how"
}

start() {
    local es_pid rc=0 t0
    t0="$(now)"
    ensure_cache
    # One start at a time (parallel CI jobs or test workers calling this).
    exec 8>"$RUN/.services.lock"
    flock 8
    "$LOCAL_DIR/deps.sh" 8>&-
    # Global, not local: the EXIT trap runs after this function has returned.
    tmp="$(mktemp -d "$RUN/.start.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT

    # Elasticsearch takes ~10 s: start it in the background while the others come up.
    run_service elasticsearch "$tmp/es" "$LOCAL_DIR/elasticsearch.sh" start --port "$ES_PORT" &
    es_pid=$!
    run_service postgresql "$tmp/pg" "$LOCAL_DIR/postgres.sh" start --port "$PG_PORT" || rc=1
    run_service redis "$tmp/redis" "$LOCAL_DIR/redis.sh" start --port "$REDIS_PORT" || rc=1
    wait "$es_pid" || rc=1
    ((rc == 0)) || die "some services failed to start (the others are left running: ${0##*/} stop)"

    # KEY=value lines from the three, plus Celery's two URLs on the same Redis.
    local redis_url
    redis_url="$(sed -n 's/^REDIS_URL=//p' "$tmp/redis")"
    {
        echo "# Written by deploy/local/services.sh start; load with: eval \"\$(deploy/local/services.sh env)\""
        cat "$tmp/es" "$tmp/pg" "$tmp/redis" | grep -E '^[A-Z_]+=' | sed 's/^/export /'
        echo "export CELERY_BROKER_URL=$redis_url"
        echo "export CELERY_RESULT_BACKEND=$redis_url"
    } >"$tmp/env"
    mv "$tmp/env" "$ENV_FILE"
    echo "services ready in $(elapsed "$t0") s; environment in $ENV_FILE" >&2
}

stop() {
    local rc=0
    "$LOCAL_DIR/elasticsearch.sh" stop || rc=1
    "$LOCAL_DIR/postgres.sh" stop || rc=1
    "$LOCAL_DIR/redis.sh" stop || rc=1
    rm -f "$ENV_FILE"
    return "$rc"
}

status() {
    local rc=0
    "$LOCAL_DIR/elasticsearch.sh" status || rc=1
    "$LOCAL_DIR/postgres.sh" status || rc=1
    "$LOCAL_DIR/redis.sh" status || rc=1
    return "$rc"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
env) [[ -r "$ENV_FILE" ]] || die "no $ENV_FILE: run ${0##*/} start first"; cat "$ENV_FILE" ;;
*) usage ;;
esac
