"""Per-table visibility of contributions and comments (guardian object permissions). The
people are made here (``tests/factories.py``), never the demo world's accounts."""

import pytest

from cms.models import Contribution
from tests import factories
from workflows.contributions import (
    can_view_contribution,
    comments_visible_to,
    contribution_comment,
    contribution_create,
    contribution_update,
    contributions_visible_to,
)
from workflows.errors import NotAllowed, WorkflowError
from workflows.roles import grant_role, revoke_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributions(people):
    # The demo's contributions of table 1 aside: these tests name everything each person sees.
    Contribution.objects.all().delete()
    one = contribution_create(user=people["delegate1"], table="1", title="Aporte mesa 1", text="Texto 1")
    two = contribution_create(user=people["delegate2"], table="2", title="Aporte mesa 2", text="Texto 2")
    contribution_comment(contribution=two, user=people["delegate2"], text="Comentario interno de la mesa 2")
    return one, two


def test_a_delegate_of_table_1_cannot_read_table_2s_contributions_or_comments(contributions, people):
    one, two = contributions
    delegate1 = people["delegate1"]
    assert list(contributions_visible_to(delegate1)) == [one]
    assert not can_view_contribution(delegate1, two)
    assert list(comments_visible_to(delegate1, two)) == []
    with pytest.raises(NotAllowed):
        contribution_comment(contribution=two, user=delegate1, text="¿Puedo?")
    assert two.comments.count() == 1


def test_the_tables_people_read_and_comment(contributions, people):
    one, _two = contributions
    for username in ("secretariat1", "member"):  # the member's organisation sits in table 1
        user = people[username]
        assert can_view_contribution(user, one)
        contribution_comment(contribution=one, user=user, text=f"Comentario de {username}")
    assert [c.author.username for c in comments_visible_to(people["delegate1"], one)] == [
        people["secretariat1"].username,
        people["member"].username,
    ]
    for username in ("delegate2", "liaison1", "network", "curator"):
        assert not can_view_contribution(people[username], one), username
    assert list(contributions_visible_to(None)) == []


def test_access_follows_membership_changes(contributions, people):
    one, _two = contributions
    member = people["member"]
    organisation = member.organisations.get()
    revoke_role(member, "member", organisation=organisation)
    assert not can_view_contribution(member, one)
    grant_role(member, "member", organisation=organisation)
    assert can_view_contribution(member, one)
    other = factories.organisation()  # of no table
    newcomer = people["delegate3"]
    grant_role(newcomer, "member", organisation=other)
    assert not can_view_contribution(newcomer, one)


def test_only_the_author_edits_and_moving_table_moves_visibility(contributions, people):
    one, _two = contributions
    with pytest.raises(NotAllowed):
        contribution_update(contribution=one, user=people["secretariat1"], title="Cambiado")
    # The author may move it only to a table they draft in (its thread moves with it).
    with pytest.raises(WorkflowError) as refused:
        contribution_update(contribution=one, user=people["delegate1"], table="3", title="Movido")
    assert (refused.value.field, refused.value.status_code) == ("table", 400)
    assert Contribution.objects.get(pk=one.pk).title == "Aporte mesa 1"  # nothing saved
    grant_role(people["delegate1"], "delegate", table="3")
    contribution_update(contribution=one, user=people["delegate1"], table="3")
    assert can_view_contribution(people["delegate3"], one)
    assert not can_view_contribution(people["secretariat1"], one)
    assert Contribution.objects.get(pk=one.pk).table == "3"


def test_empty_comments_are_refused(contributions, people):
    one, _two = contributions
    with pytest.raises(WorkflowError) as error:
        contribution_comment(contribution=one, user=people["delegate1"], text="   ")
    assert error.value.field == "text"


def test_an_attachment_is_downloaded_by_its_tables_readers_only(client, people, settings, tmp_path):
    """A contribution's attachment is working material: Wagtail serves any document by its
    address to anyone unless told otherwise."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    settings.MEDIA_ROOT = tmp_path
    document = Document.objects.create(title="Acta de la mesa 1", file=ContentFile(b"acta reservada", name="acta.txt"))
    contribution_create(user=people["delegate1"], table="1", title="Aporte con acta", text="Texto", attachment=document)
    url = document.url
    assert client.get(url).status_code == 404
    for username, status in (("delegate2", 404), ("curator", 404), ("member", 200), ("secretariat1", 200)):
        client.force_login(people[username])
        response = client.get(url)
        assert response.status_code == status, username
        if status == 200:
            assert b"".join(response.streaming_content) == b"acta reservada"
