# shellcheck shell=bash
# Shared paths and helpers for the deploy/local scripts. Sourced, never run.

# Services started from here must be readable by other users (enlace-es, postgres):
# a restrictive umask would create folders they cannot traverse.
umask 022

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
CACHE="${ENLACE_CACHE:-$ROOT/.cache}"
# Absolute, since some scripts change folder before using it.
[[ "$CACHE" == /* ]] || CACHE="$PWD/$CACHE"
RUN="$CACHE/run"
ES_VERSION="${ES_VERSION:-8.19.9}"
ES_HOME="$CACHE/elasticsearch-$ES_VERSION"
export ROOT CACHE RUN ES_VERSION ES_HOME

die() {
    echo "${0##*/}: $*" >&2
    exit 1
}

# Create the cache folder with a .gitignore of its own, so it stays out of git
# wherever ENLACE_CACHE points, without touching the repository's .gitignore.
ensure_cache() {
    mkdir -p "$CACHE" "$RUN"
    [[ -f "$CACHE/.gitignore" ]] || printf '*\n' >"$CACHE/.gitignore"
}

is_root() {
    [[ "$(id -u)" -eq 0 ]]
}

# Run a command as USER when we are root (ES and PostgreSQL refuse root);
# a normal user simply runs it as themself.
run_as() {
    local user="$1"
    shift
    if is_root; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

# chown only makes sense (and only works) as root.
own_by() {
    local user="$1"
    shift
    if is_root; then
        chown -R "$user:" "$@"
    fi
}

# Check that USER can reach PATH: every parent folder must be traversable.
check_reachable() {
    local user="$1" path="$2"
    run_as "$user" test -r "$path" ||
        die "user $user cannot read $path: make every parent folder traversable (chmod o+x) or set ENLACE_CACHE to a folder outside /root"
}

now() {
    date +%s.%N
}

# Seconds elapsed since a now() value, one decimal.
elapsed() {
    awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'
}

# Validate an option value: require_int OPTION VALUE.
require_int() {
    if ! [[ "$2" =~ ^[0-9]+$ ]] || ((10#$2 == 0)); then
        die "$1 needs a positive integer, got '$2'"
    fi
}

# True if PID is alive and its command line contains PATTERN (guards against pid reuse).
pid_matches() {
    local pid="$1" pattern="$2"
    [[ -n "$pid" ]] && alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pattern"
}

# True while PID runs. A daemon that exited stays a zombie until its parent (init)
# reaps it, and kill -0 still succeeds on a zombie, so look at its state instead.
alive() {
    local state
    # The state follows the command name in parentheses, which may contain spaces.
    state="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
    [[ -n "$state" && "$state" != Z ]]
}

# Send TERM, wait up to TIMEOUT seconds, then KILL.
stop_pid() {
    local pid="$1" timeout="${2:-30}" i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < timeout * 10; i++)); do
        alive "$pid" || return 0
        sleep 0.1
    done
    echo "${0##*/}: pid $pid still alive after ${timeout}s, sending KILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

# Print the home of the first JDK whose major version is >= MIN, preferring
# ES_JAVA_HOME, then Debian's Java 17 (the one checked with ES 8), then any other.
find_java() {
    local min="$1" home major
    for home in "${ES_JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/*/; do
        home="${home%/}"
        [[ -n "$home" && -x "$home/bin/java" && -r "$home/release" ]] || continue
        major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
        if [[ -n "$major" && "$major" -ge "$min" ]]; then
            echo "$home"
            return 0
        fi
    done
    return 1
}

# ES 8 runs on Java 17+, ES 9 needs 21+.
es_min_java() {
    if [[ "${ES_VERSION%%.*}" -ge 9 ]]; then echo 21; else echo 17; fi
}
