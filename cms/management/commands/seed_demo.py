from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.demo.loader import DEMO_ACCOUNTS, DemoLoader


class Command(BaseCommand):
    help = (
        "Load the demo world of the Conversatorio 2023 report: the event and its themes, the four "
        "working tables, organisations, practices, the 21 recommendations and one account per role. "
        "Idempotent: what exists is left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", help="password of the demo accounts (default: $DEMO_PASSWORD)")

    def handle(self, *args, password=None, **options):
        password = password or settings.DEMO_PASSWORD
        if not password:
            raise CommandError("give the demo accounts' password with --password or the DEMO_PASSWORD variable")
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError("password rejected: " + " ".join(error.messages)) from None
        report = DemoLoader(password).run()
        self.stdout.write(self.style.SUCCESS(str(report)))
        if report.created.get("demo accounts"):
            names = ", ".join(username for username, _role, _table in DEMO_ACCOUNTS)
            self.stdout.write(f"demo accounts: {names}")
