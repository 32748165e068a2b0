#!/usr/bin/env bash
# Start or stop a throwaway Redis on loopback for the tests (Celery broker and results).
#   redis.sh start [--port P] | stop | status
# No persistence (save '' and no AOF); pid, log and port in $RUN; default port 63799.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PIDFILE="$RUN/redis.pid"
PORTFILE="$RUN/redis.port"

usage() {
    echo "usage: ${0##*/} start [--port P] | stop | status" >&2
    exit 2
}

cmd="${1:-}"
[[ -n "$cmd" ]] || usage
shift
port=63799
while (($#)); do
    case "$1" in
    --port) port="${2:-}"; require_int --port "$port"; shift 2 ;;
    *) usage ;;
    esac
done

ping() {
    [[ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" == PONG ]]
}

# Pid of the Redis started here, if it still runs.
our_pid() {
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    if pid_matches "$pid" redis-server; then echo "$pid"; fi
    return 0
}

start() {
    local t0 pid i
    t0="$(now)"
    command -v redis-server >/dev/null || die "redis-server not installed: run deploy/local/deps.sh"

    pid="$(our_pid)"
    if [[ -n "$pid" && "$(cat "$PORTFILE" 2>/dev/null)" != "$port" ]]; then
        # Ours, on another port: restart on the one asked for.
        stop
        pid=""
    fi
    if ping "$port"; then
        [[ -n "$pid" ]] || echo "${0##*/}: reusing a Redis on port $port not started here" >&2
        echo "${0##*/}: Redis on port $port reused in $(elapsed "$t0") s" >&2
        echo "REDIS_URL=redis://127.0.0.1:$port/0"
        return 0
    fi

    rm -f "$PIDFILE"
    echo "$port" >"$PORTFILE"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize yes --pidfile "$PIDFILE" --dir "$RUN" --logfile "$RUN/redis.log"
    for ((i = 0; i < 100; i++)); do
        if ping "$port"; then
            echo "${0##*/}: Redis on port $port up in $(elapsed "$t0") s" >&2
            echo "REDIS_URL=redis://127.0.0.1:$port/0"
            return 0
        fi
        sleep 0.1
    done
    tail -n 20 "$RUN/redis.log" >&2 || true
    die "Redis did not answer on port $port within 10 s"
}

stop() {
    local pid port_
    pid="$(our_pid)"
    [[ -n "$pid" ]] || { rm -f "$PIDFILE"; return 0; }
    port_="$(cat "$PORTFILE" 2>/dev/null || true)"
    # A clean shutdown first; the pid (TERM, then KILL) if Redis does not answer.
    if [[ -n "$port_" ]]; then
        redis-cli -h 127.0.0.1 -p "$port_" shutdown nosave >/dev/null 2>&1 || true
    fi
    stop_pid "$pid" 10
    rm -f "$PIDFILE"
}

status() {
    local pid
    pid="$(our_pid)"
    if [[ -n "$pid" ]]; then
        echo "Redis running on port $(cat "$PORTFILE" 2>/dev/null) (pid $pid)"
    else
        echo "Redis not running"
        return 1
    fi
}

case "$cmd" in
start) ensure_cache; start ;;
stop) stop ;;
status) status ;;
*) usage ;;
esac
