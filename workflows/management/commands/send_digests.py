"""``send_digests [--now]``: the digest pass that beat runs (``workflows.send_digests``)."""

from django.core.management.base import BaseCommand

from workflows.digests import send_due


class Command(BaseCommand):
    help = "E-mail each person the digest of notifications whose daily or weekly period has passed."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Every period counts as passed: send all that waits.")

    def handle(self, *args, now=False, **options):
        sent = send_due(force=now)
        self.stdout.write(f"{sent} digest(s) sent")
