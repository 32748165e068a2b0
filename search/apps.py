from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    label = "enlace_search"
    verbose_name = "Enlace search"

    def ready(self) -> None:
        from . import indexing

        indexing.connect()
        post_migrate.connect(fill_database_index, sender=self, dispatch_uid="search.fill_database_index")


def fill_database_index(sender, using="default", **kwargs) -> None:
    """After ``migrate``: an empty database index over existing published content (a database
    that predates the search tables) is filled, so the embedded search works at once."""
    from django.db import connections

    from .backends.database import DatabaseBackend
    from .documents import count_published, iter_documents
    from .models import SearchEntry

    if using != "default" or connections[using].vendor not in {"sqlite", "postgresql"}:
        return
    if SearchEntry.objects.exists() or not count_published():
        return
    DatabaseBackend().rebuild(iter_documents())
