"""`manage.py setup_site`: the site of a production install, without demo content, idempotent."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Site, Workflow

from cms.models import (
    EventPage,
    HomePage,
    Organisation,
    PracticeIndexPage,
    PracticePage,
    RecommendationPage,
    TableIndexPage,
    TableSpacePage,
)
from cms.site_setup import SECTIONS
from workflows.roles import group_name, role_groups
from workflows.setup import practice_moderation_workflow, recommendation_workflow


def state() -> dict:
    return {
        "pages": sorted(Page.objects.values_list("path", "slug", "title", "live")),
        "sites": sorted(Site.objects.values_list("hostname", "port", "root_page_id", "is_default_site")),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group page permissions": GroupPagePermission.objects.count(),
        "workflows": sorted(Workflow.objects.values_list("name", flat=True)),
    }


def fresh_install() -> None:
    """The database as `migrate` leaves it: Wagtail's root, its welcome page and default site."""
    from django.conf import settings
    from wagtail.models import Locale

    call_command("flush", "--noinput")
    Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home", live=True))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


@pytest.mark.django_db(transaction=True)
def test_setup_site_builds_the_tree_roles_and_workflows_without_demo_content(client):
    fresh_install()
    out = StringIO()
    call_command("setup_site", "--hostname", "enlace.example.org", "--port", "443", stdout=out)
    assert "created or updated:" in out.getvalue()

    site = Site.objects.get(is_default_site=True)
    assert Site.objects.count() == 1
    assert (site.hostname, site.port, site.site_name) == ("enlace.example.org", 443, "Enlace")
    assert not Page.objects.filter(slug="home").exists()  # Wagtail's welcome page is replaced
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.live
    children = {type(page.specific): page for page in home.get_children()}
    for model, slug, title, _intro in SECTIONS:
        page = children[model]
        assert (page.slug, page.title, page.live) == (slug, title, True)
    spaces = TableSpacePage.objects.originals().child_of(children[TableIndexPage]).live()
    assert sorted(spaces.values_list("table", flat=True)) == ["1", "2", "3", "4"]
    assert sorted(spaces.values_list("slug", flat=True)) == ["mesa-1", "mesa-2", "mesa-3", "mesa-4"]

    assert set(Group.objects.values_list("name", flat=True)) >= {group_name(role, table) for role, table in role_groups()}
    assert GroupPagePermission.objects.filter(page=children[PracticeIndexPage]).exists()
    assert GroupPagePermission.objects.filter(page__in=spaces).exists()
    assert recommendation_workflow() is not None and practice_moderation_workflow() is not None

    # Nothing of the demo: no accounts, organisations, practices, recommendations or events.
    assert get_user_model().objects.count() == 0
    for model in (Organisation, PracticePage, RecommendationPage, EventPage):
        assert model.objects.count() == 0, model

    # The site serves its sections.
    for page in [home, *children.values()]:
        response = client.get(page.url)  # any host: the default site answers
        assert response.status_code == 200, page.url

    before = state()
    out = StringIO()
    call_command("setup_site", "--hostname", "enlace.example.org", "--port", "443", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert state() == before


@pytest.mark.django_db
def test_setup_site_leaves_an_existing_site_as_it_is():
    """On the demo world (or a site edited in the admin): nothing is added or changed."""
    before = state()
    users = get_user_model().objects.count()
    out = StringIO()
    call_command("setup_site", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert state() == before and get_user_model().objects.count() == users
