"""A dependency-free progress bar on stderr for the search commands."""

from __future__ import annotations

import time


class ProgressBar:
    def __init__(self, stream, label: str, total: int, width: int = 30):
        self.stream, self.label, self.total, self.width = stream, label, max(total, 0), width
        self.started = time.monotonic()
        self.done = 0

    def __call__(self, done: int) -> None:
        self.done = done
        total = max(self.total, done, 1)
        filled = int(self.width * done / total)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} ({100 * done // total}%, {rate:.0f}/s)",
            ending="",
        )
        self.stream.flush()

    def finish(self) -> None:
        self(self.done)
        self.stream.write("")
