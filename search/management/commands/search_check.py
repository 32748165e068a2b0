"""Report (and with ``--repair`` fix) drift between the published content and the indexes:
items *missing* from an index, *stale* ones (their document changed: compared by
fingerprint) and *extra* ones (no longer published, or gone)."""

from django.core.management.base import BaseCommand, CommandError

from search import reconcile

SHOWN = 20


class Command(BaseCommand):
    help = "Compare the published content with the search indexes; --repair fixes the differences."

    def add_arguments(self, parser):
        parser.add_argument("--backend", choices=["configured", "database", "elasticsearch"], default="configured")
        parser.add_argument("--repair", action="store_true", help="Index the missing and stale items, delete the extra ones.")
        parser.add_argument("--fail-on-drift", action="store_true", help="Exit with an error when drift is found (and not repaired).")

    def handle(self, *args, backend, repair, fail_on_drift, **options):
        expected = reconcile.expected_fingerprints()
        drifted = []
        for target in reconcile.backends(backend):
            try:
                found = reconcile.drift(target, expected)
            except Exception as exc:
                raise CommandError(f"{target.name}: cannot read the index: {exc}") from exc
            self.stdout.write(f"{found} (of {len(expected)} published)")
            for label in ("missing", "stale", "extra"):
                keys = getattr(found, label)
                if keys:
                    shown = ", ".join(f"{kind}:{pk}" for kind, pk in keys[:SHOWN])
                    self.stdout.write(f"  {label}: {shown}" + (" …" if len(keys) > SHOWN else ""))
            if found.clean:
                continue
            if repair:
                reconcile.repair(target, found)
                after = reconcile.drift(target, expected)
                self.stdout.write(f"  repaired: {after}")
                if not after.clean:
                    drifted.append(target.name)
            else:
                drifted.append(target.name)
        if drifted and fail_on_drift:
            raise CommandError("drift in: " + ", ".join(drifted))
