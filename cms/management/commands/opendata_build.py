"""``manage.py opendata_build [--output PATH]``: writes the open-data zip now (beat rebuilds it
daily), the same file the site's ``/datos/`` page serves."""

from django.core.management.base import BaseCommand

from cms import opendata


class Command(BaseCommand):
    help = "Builds the open-data bulk download (a zip of CSV and JSON with its data dictionary)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help=f"Where to write the zip (default: OPENDATA_DIR/{opendata.FILENAME}).")

    def handle(self, *args, output=None, **options):
        about = opendata.build(output)
        target = output or opendata.path()
        for file in about["files"]:
            self.stdout.write(f"{file['name']}: {file['rows']} rows")
        self.stdout.write(self.style.SUCCESS(f"written {target}"))
