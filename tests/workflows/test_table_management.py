"""A table's secretariat manages its organisations and delegates (SPEC §1); nobody else but
administrators. Every change is in Wagtail's audit log. The people are made here (the
``people`` fixture, ``tests/factories.py``), never the demo world's."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from cms.models import Organisation
from tests import factories
from workflows.contributions import can_view_contribution, contribution_create
from workflows.errors import NotAllowed, WorkflowError
from workflows.roles import drafts_in_table, reads_table, roles_of
from workflows.tables import (
    LOG_ACTION,
    can_manage_table,
    find_people,
    organisations_in,
    people_of,
    table_add_delegate,
    table_add_organisation,
    table_remove_delegate,
    table_remove_organisation,
)

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def newcomer(db):
    """A member of an organisation that takes part in no table yet."""
    from workflows.roles import grant_role

    user = User.objects.create_user("rosa", "rosa@enlace.example", "a-long-pass-phrase", first_name="Rosa", last_name="Quispe")
    organisation = factories.organisation(kind="civil_society")
    grant_role(user, "member", organisation=organisation)
    return user, organisation


def entries(instance):
    return [
        (e.user.username, e.data["table"], e.data["change"])
        for e in ModelLogEntry.objects.filter(
            action=LOG_ACTION, object_id=str(instance.pk), content_type__model=instance._meta.model_name
        ).order_by("pk")
    ]


def test_who_manages_which_table(people):
    assert can_manage_table(people["secretariat1"], "1") and can_manage_table(people["admin"], "3")
    for username in ("delegate1", "delegate2", "member", "liaison1", "network", "curator"):
        assert not can_manage_table(people[username], "1"), username
    assert not can_manage_table(people["secretariat1"], "2")


def test_the_secretariat_adds_and_removes_an_organisation_and_its_members_follow(people, newcomer):
    secretariat = people["secretariat1"]
    person, organisation = newcomer
    contribution = contribution_create(user=people["delegate1"], table="1", title="Aporte", text="Texto")
    assert not reads_table(person, "1") and not can_view_contribution(person, contribution)
    table_add_organisation(table="1", organisation=organisation, user=secretariat)
    person = User.objects.get(pk=person.pk)
    assert organisation in organisations_in("1") and Organisation.objects.get(pk=organisation.pk).tables == ["1"]
    assert reads_table(person, "1") and can_view_contribution(person, contribution) and not drafts_in_table(person, "1")
    assert person in people_of("1")["members"]
    with pytest.raises(WorkflowError) as twice:
        table_add_organisation(table="1", organisation=organisation, user=secretariat)
    assert twice.value.field == "organisation"
    table_remove_organisation(table="1", organisation=organisation, user=secretariat)
    person = User.objects.get(pk=person.pk)
    assert not reads_table(person, "1") and not can_view_contribution(person, contribution)
    assert entries(organisation) == [
        (secretariat.username, "1", "organisation_added"),
        (secretariat.username, "1", "organisation_removed"),
    ]


def test_the_secretariat_names_and_removes_delegates(people, newcomer):
    secretariat = people["secretariat1"]
    person, _organisation = newcomer
    table_add_delegate(table="1", person=person, user=secretariat)
    person = User.objects.get(pk=person.pk)
    assert ("delegate", "1") in roles_of(person) and drafts_in_table(person, "1")
    assert person in people_of("1")["delegates"]
    with pytest.raises(WorkflowError) as twice:
        table_add_delegate(table="1", person=person, user=secretariat)
    assert twice.value.field == "person"
    table_remove_delegate(table="1", person=person, user=secretariat)
    person = User.objects.get(pk=person.pk)
    assert not drafts_in_table(person, "1")
    assert entries(person) == [(secretariat.username, "1", "delegate_added"), (secretariat.username, "1", "delegate_removed")]


@pytest.mark.parametrize("username", ["delegate1", "delegate2", "member", "liaison1"])
def test_nobody_else_manages_table_1(people, newcomer, username):
    person, organisation = newcomer
    user = people[username]
    calls = [
        lambda: table_add_organisation(table="1", organisation=organisation, user=user),
        lambda: table_remove_organisation(table="1", organisation=people["member"].organisations.get(), user=user),
        lambda: table_add_delegate(table="1", person=person, user=user),
        lambda: table_remove_delegate(table="1", person=people["delegate1"], user=user),
    ]
    for call in calls:
        with pytest.raises(NotAllowed):
            call()
    assert Organisation.objects.get(pk=organisation.pk).tables == []
    assert ("delegate", "1") in roles_of(User.objects.get(pk=people["delegate1"].pk))
    assert not drafts_in_table(User.objects.get(pk=person.pk), "1")
    assert ModelLogEntry.objects.filter(action=LOG_ACTION).count() == 0


def test_the_secretariat_of_table_1_does_not_manage_table_2(people):
    with pytest.raises(NotAllowed):
        table_remove_delegate(table="2", person=people["delegate2"], user=people["secretariat1"])
    assert ("delegate", "2") in roles_of(User.objects.get(pk=people["delegate2"].pk))


def test_people_are_found_by_name(newcomer):
    assert [u.username for u in find_people("rosa quispe")] == ["rosa"]
    assert [u.username for u in find_people("QUISPE")] == ["rosa"]
    assert find_people("   ") == [] and find_people("nadie-se-llama-asi") == []
