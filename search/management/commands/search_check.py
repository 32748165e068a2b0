"""Report (and with ``--repair`` fix) drift between the published content and the indexes:
items *missing* from an index, *stale* ones (their document changed: compared by
fingerprint) and *extra* ones (no longer published, or gone). Beat runs it with ``--repair``
every ``SEARCH_REPAIR_SECONDS`` (``search.repair_drift``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError

from search import reconcile

SHOWN = 20


class IndexUnreadable(Exception):
    pass


@dataclass
class Checked:
    backend: str
    found: object  # reconcile's Drift before any repair
    after: object | None  # after the repair (None: not repaired, or nothing to repair)

    @property
    def drifted(self) -> bool:
        """Drift remains (found and not repaired, or still there after the repair)."""
        remaining = self.after if self.after is not None else self.found
        return not remaining.clean


def check(backend: str = "configured", repair: bool = False, write: Callable[[str], None] = lambda line: None) -> list[Checked]:
    """Compare every configured index with the published content; repair when asked. Each
    report line goes to ``write``."""
    expected = reconcile.expected_fingerprints()
    results = []
    for target in reconcile.backends(backend):
        try:
            found = reconcile.drift(target, expected)
        except Exception as exc:
            raise IndexUnreadable(f"{target.name}: cannot read the index: {exc}") from exc
        write(f"{found} (of {len(expected)} published)")
        for label in ("missing", "stale", "extra"):
            keys = getattr(found, label)
            if keys:
                shown = ", ".join(f"{kind}:{pk}" for kind, pk in keys[:SHOWN])
                write(f"  {label}: {shown}" + (" …" if len(keys) > SHOWN else ""))
        after = None
        if repair and not found.clean:
            reconcile.repair(target, found)
            after = reconcile.drift(target, expected)
            write(f"  repaired: {after}")
        results.append(Checked(target.name, found, after))
    return results


class Command(BaseCommand):
    help = "Compare the published content with the search indexes; --repair fixes the differences."

    def add_arguments(self, parser):
        parser.add_argument("--backend", choices=["configured", "database", "elasticsearch"], default="configured")
        parser.add_argument("--repair", action="store_true", help="Index the missing and stale items, delete the extra ones.")
        parser.add_argument(
            "--fail-on-drift", action="store_true", help="Exit with an error when drift is found (and not repaired)."
        )

    def handle(self, *args, backend, repair, fail_on_drift, **options):
        try:
            results = check(backend, repair, self.stdout.write)
        except IndexUnreadable as exc:
            raise CommandError(str(exc)) from exc
        drifted = [result.backend for result in results if result.drifted]
        if drifted and fail_on_drift:
            raise CommandError("drift in: " + ", ".join(drifted))
