"""Small helpers shared by the harness: percentiles, tables, process memory."""

from __future__ import annotations

import statistics
from pathlib import Path


def percentile(values, q: float) -> float:
    """Nearest-rank percentile (q in 0..1) of a non-empty sequence."""
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, int(round(q * (len(values) - 1)))))]


def summary(values) -> dict:
    values = list(values)
    if not values:
        return {"n": 0, "median": None, "p95": None}
    return {"n": len(values), "median": statistics.median(values), "p95": percentile(values, 0.95)}


def fmt(value, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value:,}{unit}"


def table(title: str, header: list[str], rows: list[list]) -> str:
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [title, "-" * len(title)]
    for n, row in enumerate(cells):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=False))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(str(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def status_kib(pid: int, field: str) -> int | None:
    """A ``/proc/<pid>/status`` field in KiB (VmRSS, VmHWM), or None if the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return None


def children(pid: int) -> list[int]:
    """Direct children of ``pid``."""
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            found += [int(p) for p in text]
    except (FileNotFoundError, ProcessLookupError):
        pass
    return found


def cpu_seconds(pid: int, *, reaped: bool = False) -> float:
    """CPU time (user + system) of ``pid`` from ``/proc/<pid>/stat``, plus that of its children
    already waited for when ``reaped`` (a gunicorn master's recycled workers); 0 if it is gone."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    if reaped:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a server: its master, every worker alive, and the workers it has reaped."""
    return cpu_seconds(pid, reaped=True) + sum(cpu_seconds(child) for child in children(pid))
