"""Container health probe: `python deploy/probe.py [/healthz|/readyz] [port]`.

Asks the local gunicorn for the path with the first host of DJANGO_ALLOWED_HOSTS as Host
header (Django answers 400 to any other host). Exit 0 on 200, 1 otherwise.
"""

import os
import sys
import urllib.request

path = sys.argv[1] if len(sys.argv) > 1 else "/healthz"
port = sys.argv[2] if len(sys.argv) > 2 else "8000"
host = (os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")[0].strip() or "localhost").lstrip(".")
request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=10) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception as exc:  # noqa: BLE001 - any failure is "unhealthy"
    print(f"{path}: {exc}", file=sys.stderr)
    sys.exit(1)
