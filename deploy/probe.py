"""Container health probes.

* `python deploy/probe.py [/healthz|/readyz] [port]`: asks the local gunicorn for the path with
  the first host of DJANGO_ALLOWED_HOSTS as Host header (Django answers 400 to any other host).
* `python deploy/probe.py --beat SCHEDULE_FILE [MAX_AGE]`: Celery beat is alive and ticking.
  Beat has no port; while it sends tasks (the outbox relay is due every few seconds) it writes
  its schedule file at least every 3 minutes. The probe fails when the file (any of the names
  the dbm module makes from it) is older than MAX_AGE seconds (default BEAT_HEALTH_MAX_AGE or
  600).

Exit 0 when healthy, 1 otherwise.
"""

import glob
import os
import sys
import time
import urllib.request


def probe_http(path: str, port: str) -> int:
    host = (os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")[0].strip() or "localhost").lstrip(".")
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return 0 if response.status == 200 else 1
    except Exception as exc:  # noqa: BLE001 - any failure is "unhealthy"
        print(f"{path}: {exc}", file=sys.stderr)
        return 1


def probe_beat(schedule: str, max_age: float) -> int:
    # dbm may store the shelf as SCHEDULE, SCHEDULE.db, or SCHEDULE.dat/.dir/.bak.
    files = [f for f in glob.glob(glob.escape(schedule) + "*") if os.path.isfile(f)]
    if not files:
        print(f"beat: no schedule file {schedule}", file=sys.stderr)
        return 1
    age = time.time() - max(os.path.getmtime(f) for f in files)
    if age > max_age:
        print(f"beat: schedule file {schedule} not written for {age:.0f} s (limit {max_age:.0f} s)", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--beat":
        if len(argv) < 2:
            print("usage: probe.py --beat SCHEDULE_FILE [MAX_AGE]", file=sys.stderr)
            return 1
        max_age = float(argv[2]) if len(argv) > 2 else float(os.environ.get("BEAT_HEALTH_MAX_AGE", "600"))
        return probe_beat(argv[1], max_age)
    return probe_http(argv[0] if argv else "/healthz", argv[1] if len(argv) > 1 else "8000")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
