"""Rebuild the search indexes from the published content.

Elasticsearch: a new concrete index is loaded in bulk while the alias keeps serving the old
one, then the alias is swapped atomically and the old index deleted, so searches never see
an empty or half-built index; changes made during the load are caught up afterwards
(``search.reconcile.after_rebuild``: compared with the database index, which every change
updates at once, then repaired as ``search_check --repair`` does). Database: the tables are rewritten in one
transaction (readers see the old rows until it commits).
"""

from django.core.management.base import BaseCommand, CommandError

from search import reconcile
from search.documents import count_published, iter_documents

from ._progress import ProgressBar


class Command(BaseCommand):
    help = "Rebuild the search indexes (Elasticsearch: new index + atomic alias swap)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["configured", "database", "elasticsearch"],
            default="configured",
            help="Which index to rebuild (default: the database one, and Elasticsearch when configured).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, backend, no_progress, **options):
        total = count_published()
        for target in reconcile.backends(backend):
            bar = None if no_progress else ProgressBar(self.stderr, f"{target.name:>13}", total)
            try:
                written = target.rebuild(iter_documents(), progress=bar)
            except Exception as exc:
                raise CommandError(f"{target.name}: reindex failed: {exc}") from exc
            if bar:
                bar.finish()
            found = reconcile.after_rebuild(target)
            if not found.clean:  # content changed while we were loading
                reconcile.repair(target, found)
            self.stdout.write(f"{target.name}: {written} documents indexed" + ("" if found.clean else f", caught up ({found})"))
