"""A real Celery worker of the project's app, with a trace around one function its tasks call,
for the fault tests (``python -m tests.platform.fault_worker [celery worker options]``).

Environment:

* ``FAULT_TRACE``: file that gets one line per call, ``start <pid> <args>`` when the call
  begins and ``done <pid> <args> <result>`` when it returned;
* ``FAULT_TARGET``: ``module:function`` to trace (default ``search.indexing:sync_elasticsearch``);
* ``FAULT_DELAY``: seconds the *first* traced call (the first ``start`` line in the trace,
  across all workers) waits before the real call (default 0): the window in which the test
  kills the worker "mid-task". Later calls (the redelivery) run at once.

Nothing else changes: the worker runs the product's tasks, with its settings, on the broker
named by ``CELERY_BROKER_URL``.
"""

from __future__ import annotations

import importlib
import os
import sys
import time


def log(line: str) -> None:
    with open(os.environ["FAULT_TRACE"], "a") as trace:
        trace.write(line + "\n")
        trace.flush()
        os.fsync(trace.fileno())


def read_trace() -> list[str]:
    try:
        with open(os.environ["FAULT_TRACE"]) as trace:
            return trace.read().splitlines()
    except FileNotFoundError:
        return []


def install_trace() -> None:
    module_name, function_name = os.environ.get("FAULT_TARGET", "search.indexing:sync_elasticsearch").split(":")
    delay = float(os.environ.get("FAULT_DELAY", "0"))
    module = importlib.import_module(module_name)
    real = getattr(module, function_name)

    def traced(*args, **kwargs):
        label = " ".join(str(a) for a in args)
        first = not any(line.startswith("start ") for line in read_trace())
        log(f"start {os.getpid()} {label}")
        if first:
            time.sleep(delay)
        result = real(*args, **kwargs)
        log(f"done {os.getpid()} {label} {result}")
        return result

    setattr(module, function_name, traced)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enlace.settings")
    import django

    django.setup()
    install_trace()
    from celery.__main__ import main as celery_main

    sys.argv = ["celery", "-A", "enlace", "worker", *sys.argv[1:]]
    celery_main()


if __name__ == "__main__":
    main()
