#!/usr/bin/env bash
# Install what the local test services need, only when it is missing:
# Debian packages (PostgreSQL, Redis, Chromium, hunspell dictionaries) and the
# Elasticsearch integ-test-zip from Maven, cached under $CACHE. Silent when all is there.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Collect what is missing: dpkg status for packages, command -v for tools.
missing=()
need_pkg() {
    local pkg="$1"
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
}
need_cmd() {
    local cmd="$1" pkg="$2"
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
}

need_pkg postgresql
need_pkg redis-server
need_pkg chromium
need_pkg hunspell-es
need_pkg hunspell-pt-br
# Tools the scripts themselves use; normally present, installed if not.
need_cmd curl curl
need_cmd unzip unzip
need_cmd mvn maven
find_java "$(es_min_java)" >/dev/null || missing+=(openjdk-17-jre-headless)

if ((${#missing[@]})); then
    apt=(apt-get)
    if ! is_root; then
        command -v sudo >/dev/null || die "missing packages (${missing[*]}) and not root: install them first"
        apt=(sudo apt-get)
    fi
    echo "deps: installing ${missing[*]}" >&2
    # Update the package lists once, and only because something must be installed.
    # apt's chatter goes to a log, shown only if it fails.
    apt_log="$(mktemp)"
    if ! { DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq &&
        DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
        cat "$apt_log" >&2
        rm -f "$apt_log"
        die "apt-get could not install ${missing[*]}"
    fi
    rm -f "$apt_log"
fi

ensure_cache
zip="$CACHE/downloads/elasticsearch-$ES_VERSION.zip"
[[ -d "$ES_HOME/bin" ]] && exit 0

# Serialise download and unzip between concurrent runs (parallel CI jobs, xdist hooks).
exec 9>"$CACHE/.deps.lock"
flock 9
[[ -d "$ES_HOME/bin" ]] && exit 0

if [[ ! -s "$zip" ]]; then
    echo "deps: fetching Elasticsearch $ES_VERSION integ-test-zip (~100 MB)" >&2
    # The plugin version is pinned so the fetch does not depend on "latest" metadata;
    # the local repository lives in the cache so the download is kept with the workspace.
    # Maven prints stray ANSI resets even with -q: keep its output for failures only.
    mkdir -p "$CACHE/downloads"
    mvn_log="$CACHE/downloads/mvn.log"
    if ! mvn -q -B "-Dmaven.repo.local=$CACHE/m2" \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
        "-DoutputDirectory=$CACHE/downloads" >"$mvn_log" 2>&1; then
        cat "$mvn_log" >&2
        die "could not fetch the Elasticsearch $ES_VERSION zip with Maven"
    fi
fi

# Unzip beside the target and rename, so a half-extracted tree never looks installed.
tmp="$(mktemp -d "$CACHE/.unzip.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
unzip -q "$zip" -d "$tmp"
src="$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
[[ -x "$src/bin/elasticsearch" ]] || die "unexpected layout in $zip"
# The node runs as another user: the whole tree must be readable by it.
chmod -R a+rX "$src"
mv "$src" "$ES_HOME"
