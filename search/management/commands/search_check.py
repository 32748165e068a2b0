"""Report (and with ``--repair`` fix) drift between the published content and the indexes:
items *missing* from an index, *stale* ones (their document changed: compared by
fingerprint) and *extra* ones (no longer published, or gone). Beat runs it with ``--repair``
every ``SEARCH_REPAIR_SECONDS`` (``search.repair_drift``)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from search.reconcile import IndexUnreadable, check


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
