"""The site's views behind the routable pages of the content model (see ``cms/site_hooks.py``)."""

from wagtail import hooks

from cms.site_hooks import PRACTICE_SEARCH, PROGRESS_BOARD, PROGRESS_BOARD_CSV, TABLE_MEMBERS_AREA

from .members import table_members_area
from .progress import board_csv, board_view
from .search import practice_search

hooks.register(PRACTICE_SEARCH, practice_search)
hooks.register(TABLE_MEMBERS_AREA, table_members_area)
hooks.register(PROGRESS_BOARD, board_view)
hooks.register(PROGRESS_BOARD_CSV, board_csv)
