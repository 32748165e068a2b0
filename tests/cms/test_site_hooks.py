"""Routable pages reach the site's views through Wagtail hooks (cms/site_hooks.py), never by
importing the site."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from cms import site_hooks
from frontend.members import table_members_area
from frontend.progress import board_csv, board_view
from frontend.search import practice_search


def test_the_site_registers_its_views():
    assert site_hooks.site_view(site_hooks.PRACTICE_SEARCH) is practice_search
    assert site_hooks.site_view(site_hooks.TABLE_MEMBERS_AREA) is table_members_area
    assert site_hooks.site_view(site_hooks.PROGRESS_BOARD) is board_view
    assert site_hooks.site_view(site_hooks.PROGRESS_BOARD_CSV) is board_csv


def test_a_hook_nobody_registered_says_so():
    with pytest.raises(ImproperlyConfigured, match="enlace_nothing"):
        site_hooks.site_view("enlace_nothing")


@pytest.mark.django_db
def test_the_last_registration_wins(client):
    def closed(request, page):
        from django.http import HttpResponse

        return HttpResponse("closed for the test", status=503)

    with hooks.register_temporarily(site_hooks.PROGRESS_BOARD, closed):
        response = client.get("/seguimiento/")
    assert response.status_code == 503 and response.content == b"closed for the test"
    assert client.get("/seguimiento/").status_code == 200
