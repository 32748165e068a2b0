#!/usr/bin/env bash
# Start, stop or inspect a throwaway Elasticsearch cluster on loopback for the tests.
#   elasticsearch.sh start [--nodes N] [--port P] [--fresh]
#   elasticsearch.sh stop [--port P]        (no --port: every cluster started from here)
#   elasticsearch.sh status [--port P]
# Node K listens on http P+K-1 and transport P+100+K-1 (P defaults to 9250), so clusters
# with different base ports never meet. Files live in $RUN/es/P/nodeK.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ES_USER=enlace-es
START_TIMEOUT="${ES_START_TIMEOUT:-120}"
# Transport ports sit this far above the http ports.
TRANSPORT_OFFSET=100

usage() {
    echo "usage: ${0##*/} start [--nodes N] [--port P] [--fresh] | stop [--port P] | status [--port P]" >&2
    exit 2
}

cmd="${1:-}"
[[ -n "$cmd" ]] || usage
shift
nodes=1
port=""
fresh=0
while (($#)); do
    case "$1" in
    --nodes) nodes="${2:-}"; require_int --nodes "$nodes"; shift 2 ;;
    --port) port="${2:-}"; require_int --port "$port"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    *) usage ;;
    esac
done

# Elasticsearch refuses root: as root we run it as a dedicated system user,
# otherwise as whoever calls us.
is_root || ES_USER="$(id -un)"

node_dir() { echo "$RUN/es/$1/node$2"; }

# The cluster's health as seen on one port: "STATUS NODES", or nothing if it does not answer.
# (GET / answers 405 on the integ-test-zip, so the health API is the readiness probe.)
health() {
    local body
    body="$(curl -s -m 5 "http://127.0.0.1:$1/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null)" || return 0
    local status count
    status="$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$body")"
    count="$(sed -n 's/.*"number_of_nodes":\([0-9]*\).*/\1/p' <<<"$body")"
    [[ -n "$status" ]] && echo "$status ${count:-0}"
    return 0
}

# True if the cluster on PORT is green or yellow with exactly N nodes.
healthy() {
    local h
    h="$(health "$1")"
    [[ "$h" == "green $2" || "$h" == "yellow $2" ]]
}

urls() {
    local base="$1" n="$2" k out=""
    for ((k = 1; k <= n; k++)); do
        out+="${out:+,}http://127.0.0.1:$((base + k - 1))"
    done
    echo "$out"
}

# Pid of node K of the cluster at BASE if that node is running, else nothing.
node_pid() {
    local f pid
    f="$(node_dir "$1" "$2")/pid"
    [[ -r "$f" ]] || return 0
    pid="$(cat "$f")"
    if pid_matches "$pid" org.elasticsearch; then echo "$pid"; fi
    return 0
}

ensure_user() {
    is_root || return 0
    id -u "$ES_USER" >/dev/null 2>&1 && return 0
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$ES_USER"
}

log_tail() {
    local dir="$1" f
    echo "---- $dir: end of the launcher output and of the node log (stack frames left out) ----" >&2
    for f in "$dir/logs/startup.out" "$dir/logs/enlace-test.log"; do
        [[ -r "$f" ]] || continue
        echo "-- ${f##*/}" >&2
        grep -vE '^[[:space:]]+(at |\.\.\.)' "$f" | tail -n 20 >&2 || true
    done
}

# True if something accepts connections on the loopback PORT.
port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Write node K's private config folder (ES writes its keystore there, so it must be
# the node user's) with elasticsearch.yml and the hunspell dictionaries.
prepare_node() {
    local base="$1" k="$2" n="$3" dir i lang seeds="" masters=""
    dir="$(node_dir "$base" "$k")"
    mkdir -p "$dir/config" "$dir/data" "$dir/logs" "$dir/tmp"
    cp -R "$ES_HOME/config/." "$dir/config/"
    for lang in es_ES pt_BR; do
        if [[ -r "/usr/share/hunspell/$lang.aff" && -r "/usr/share/hunspell/$lang.dic" ]]; then
            mkdir -p "$dir/config/hunspell/$lang"
            cp "/usr/share/hunspell/$lang.aff" "/usr/share/hunspell/$lang.dic" "$dir/config/hunspell/$lang/"
        fi
    done
    {
        echo "# Written by deploy/local/elasticsearch.sh: a loopback test node."
        echo "cluster.name: enlace-test"
        echo "node.name: node$k"
        echo "network.host: 127.0.0.1"
        echo "http.port: $((base + k - 1))"
        echo "transport.port: $((base + TRANSPORT_OFFSET + k - 1))"
        echo "path.data: $dir/data"
        echo "path.logs: $dir/logs"
        echo "xpack.security.enabled: false"
        echo "cluster.routing.allocation.disk.threshold_enabled: false"
        # Lets test teardown delete indices by wildcard (DELETE /test_*).
        echo "action.destructive_requires_name: false"
        if ((n == 1)); then
            echo "discovery.type: single-node"
        else
            for ((i = 1; i <= n; i++)); do
                seeds+="${seeds:+, }\"127.0.0.1:$((base + TRANSPORT_OFFSET + i - 1))\""
                masters+="${masters:+, }\"node$i\""
            done
            echo "discovery.seed_hosts: [$seeds]"
            echo "cluster.initial_master_nodes: [$masters]"
        fi
    } >"$dir/config/elasticsearch.yml"
    own_by "$ES_USER" "$dir"
}

# Stop every running node of the cluster at BASE: TERM them all, then wait.
stop_cluster() {
    local base="$1" dir pid
    local -a pids=()
    for dir in "$RUN/es/$base"/node*; do
        [[ -d "$dir" ]] || continue
        pid="$(node_pid "$base" "${dir##*/node}")"
        [[ -n "$pid" ]] && pids+=("$pid")
    done
    if ((${#pids[@]})); then
        for pid in "${pids[@]}"; do stop_pid "$pid" 30 & done
        wait
    fi
    rm -f "$RUN/es/$base"/node*/pid
}

# Pids of a process and everything below it (a launcher: subshell, runuser, CLI, server).
tree_pids() {
    local pid="$1" child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
        tree_pids "$child"
    done
    echo "$pid"
}

# Give up a start: end the launchers still running and every node of the cluster,
# and leave only once they are all gone.
abort_start() {
    local base="$1" entry pid
    local -a pids=()
    shift
    for entry in "$@"; do
        mapfile -t -O "${#pids[@]}" pids < <(tree_pids "${entry%%:*}")
    done
    for pid in "${pids[@]}"; do stop_pid "$pid" 30 & done
    stop_cluster "$base"
    wait 2>/dev/null || true
    exit 1
}

clusters() {
    local d
    if [[ -n "$port" ]]; then
        echo "$port"
        return
    fi
    for d in "$RUN/es"/*/; do
        [[ -d "$d" ]] && basename "$d"
    done
    return 0
}

start() {
    local base="${port:-9250}" k p dir t0 java rc failed=0
    local -a launchers=()
    t0="$(now)"

    # Reuse a healthy cluster of the right size already answering on these ports.
    if healthy "$base" "$nodes"; then
        echo "${0##*/}: $nodes node(s) on port $base reused in $(elapsed "$t0") s" >&2
        echo "ELASTICSEARCH_URL=$(urls "$base" "$nodes")"
        return 0
    fi
    local h
    h="$(health "$base")"
    if [[ -n "$h" && -z "$(node_pid "$base" 1)" ]]; then
        die "port $base answers as an Elasticsearch cluster ($h nodes) not started here; pick another --port"
    fi

    [[ -x "$ES_HOME/bin/elasticsearch" ]] || die "no Elasticsearch at $ES_HOME: run deploy/local/deps.sh"
    java="$(find_java "$(es_min_java)")" || die "no JDK >= $(es_min_java) found (set ES_JAVA_HOME)"
    ensure_user
    check_reachable "$ES_USER" "$ES_HOME/lib"
    check_reachable "$ES_USER" "$java/bin/java"

    # Data from another topology or version would not form a cluster: start it afresh.
    mkdir -p "$RUN/es/$base"
    local stamp="$RUN/es/$base/topology"
    if ((fresh)) || [[ "$(cat "$stamp" 2>/dev/null)" != "$ES_VERSION $nodes" ]]; then
        stop_cluster "$base"
        rm -rf "$RUN/es/$base"/node*
        echo "$ES_VERSION $nodes" >"$stamp"
    fi

    # Fail fast and clearly if another program holds one of the ports.
    for ((k = 1; k <= nodes; k++)); do
        [[ -n "$(node_pid "$base" "$k")" ]] && continue
        for p in $((base + k - 1)) $((base + TRANSPORT_OFFSET + k - 1)); do
            if port_busy "$p"; then die "port $p is already in use: pick another --port"; fi
        done
    done

    # Launch every node at once: with several nodes, each waits for the others to
    # elect a master before it reports ready.
    for ((k = 1; k <= nodes; k++)); do
        [[ -n "$(node_pid "$base" "$k")" ]] && continue
        prepare_node "$base" "$k" "$nodes"
        dir="$(node_dir "$base" "$k")"
        rm -f "$dir/pid"
        # Keep the previous run's log aside, so a failure shows only this run's lines.
        if [[ -f "$dir/logs/enlace-test.log" ]]; then
            mv -f "$dir/logs/enlace-test.log" "$dir/logs/enlace-test.log.prev"
        fi
        # cd: the caller's folder (often /root) may not be readable by the node user.
        (
            cd "$dir"
            run_as "$ES_USER" env \
                ES_HOME="$ES_HOME" \
                ES_PATH_CONF="$dir/config" \
                ES_JAVA_HOME="$java" \
                ES_TMPDIR="$dir/tmp" \
                ES_JAVA_OPTS="-Xms${ES_HEAP:-512m} -Xmx${ES_HEAP:-512m}" \
                "$ES_HOME/bin/elasticsearch" -d -p "$dir/pid" \
                >"$dir/logs/startup.out" 2>&1
        ) &
        launchers+=("$!:$k")
    done
    # Wait, within one deadline, for the launchers to return (with -d the CLI returns
    # once its node has started, non-zero if it could not) and then for the cluster to
    # be complete and usable on every node's port.
    local deadline=$((SECONDS + START_TIMEOUT)) entry ok
    local -a pending=("${launchers[@]}") still
    while :; do
        still=()
        for entry in "${pending[@]}"; do
            if alive "${entry%%:*}"; then
                still+=("$entry")
                continue
            fi
            rc=0
            wait "${entry%%:*}" || rc=$?
            if ((rc != 0)); then
                echo "${0##*/}: node${entry##*:} failed to start (exit $rc)" >&2
                log_tail "$(node_dir "$base" "${entry##*:}")"
                failed=1
            fi
        done
        pending=("${still[@]}")
        if ((failed)); then
            abort_start "$base" "${pending[@]}"
        fi
        if ((${#pending[@]} == 0)); then
            ok=1
            for ((k = 1; k <= nodes; k++)); do
                if [[ -z "$(node_pid "$base" "$k")" ]]; then
                    echo "${0##*/}: node$k exited during startup" >&2
                    log_tail "$(node_dir "$base" "$k")"
                    abort_start "$base"
                fi
                healthy "$((base + k - 1))" "$nodes" || ok=0
            done
            ((ok)) && break
        fi
        if ((SECONDS >= deadline)); then
            echo "${0##*/}: cluster on port $base not healthy after ${START_TIMEOUT}s (health: $(health "$base"))" >&2
            for ((k = 1; k <= nodes; k++)); do log_tail "$(node_dir "$base" "$k")"; done
            abort_start "$base" "${pending[@]}"
        fi
        sleep 0.5
    done
    echo "${0##*/}: $nodes node(s) on port $base up in $(elapsed "$t0") s" >&2
    echo "ELASTICSEARCH_URL=$(urls "$base" "$nodes")"
}

stop() {
    local base
    for base in $(clusters); do
        [[ -d "$RUN/es/$base" ]] && stop_cluster "$base"
    done
    return 0
}

status() {
    local base dir k pid h up line bad rc=0 any=0
    local -a lines
    for base in $(clusters); do
        up=0
        bad=0
        lines=()
        for dir in "$RUN/es/$base"/node*; do
            [[ -d "$dir" ]] || continue
            k="${dir##*/node}"
            pid="$(node_pid "$base" "$k")"
            h="$(health "$((base + k - 1))")"
            lines+=("cluster $base node$k http://127.0.0.1:$((base + k - 1)) pid ${pid:-none} health ${h:-down}")
            if [[ -n "$pid" ]]; then up=1; fi
            [[ -n "$pid" && -n "$h" ]] || bad=1
        done
        # A cluster stopped on purpose is not a failure; a half-running one is.
        if ((up)); then
            any=1
            ((bad == 0)) || rc=1
            for line in "${lines[@]}"; do echo "$line"; done
        elif ((${#lines[@]})); then
            echo "cluster $base stopped"
        fi
    done
    ((any)) || { echo "no Elasticsearch node running"; return 1; }
    return "$rc"
}

case "$cmd" in
start) ensure_cache; start ;;
stop) stop ;;
status) status ;;
*) usage ;;
esac
