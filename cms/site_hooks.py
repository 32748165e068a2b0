"""The site's views that routable pages render, reached through Wagtail hooks.

The content model never imports the site (the import-linter contract ``content``): a page that
answers with a view of the site (the practice search, a table's members' area, the progress
board and its CSV) asks for the function registered under one of these hook names, and the site
registers its views in ``frontend/wagtail_hooks.py``. The last registration wins, so a project
may override one of them in its own ``wagtail_hooks.py``.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

#: ``fn(request) -> dict``: the context of the practice search page (PracticeIndexPage).
PRACTICE_SEARCH = "enlace_practice_search"
#: ``fn(request, space) -> HttpResponse``: a table's members' area (TableSpacePage, ``espacio/``).
TABLE_MEMBERS_AREA = "enlace_table_members_area"
#: ``fn(request, page) -> HttpResponse``: the progress board (ProgressPage) and its CSV.
PROGRESS_BOARD = "enlace_progress_board"
PROGRESS_BOARD_CSV = "enlace_progress_board_csv"


def site_view(name: str):
    """The function the site registered under ``name`` (the last one registered)."""
    registered = hooks.get_hooks(name)
    if not registered:
        raise ImproperlyConfigured(
            f"nothing is registered for the hook {name!r} (the site registers it in frontend/wagtail_hooks.py)"
        )
    return registered[-1]
