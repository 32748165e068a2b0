"""Roles as groups, Wagtail page permissions and guardian object permissions (SPEC §1). The
people and items are made here (``tests/factories.py``), never the demo world's."""

import pytest
from django.contrib.auth import get_user_model

from cms.models import PracticeIndexPage, TableSpacePage
from tests import factories
from workflows.roles import RoleError, grant_role, revoke_role, roles_of, tables_of

pytestmark = pytest.mark.django_db


def space(table):
    return TableSpacePage.objects.originals().get(table=table)


def test_a_delegate_drafts_in_their_own_table_only():
    delegate = factories.user("delegate", table="1")
    assert space("1").permissions_for_user(delegate).can_add_subpage()
    assert not space("2").permissions_for_user(delegate).can_add_subpage()
    own = factories.recommendation("published", table="1")  # by another delegate of the table
    other = factories.recommendation("published", table="2")
    assert own.permissions_for_user(delegate).can_edit()
    assert not other.permissions_for_user(delegate).can_edit()
    # Nobody publishes a recommendation by hand: that is the workflow's last stage.
    assert not own.permissions_for_user(delegate).can_publish()
    assert not own.permissions_for_user(factories.user("secretariat", table="1")).can_publish()
    assert tables_of(delegate) == ["1"]


def test_curators_and_network_curate_the_repository_but_not_tables():
    repository = PracticeIndexPage.objects.originals().get()
    for role in ("curator", "network"):
        user = factories.user(role)
        assert repository.permissions_for_user(user).can_publish_subpage()
        assert not space("1").permissions_for_user(user).can_add_subpage()
    assert not repository.permissions_for_user(factories.user("delegate", table="1")).can_add_subpage()


def test_admin_access_by_role():
    for role, table in (
        ("delegate", "1"),
        ("secretariat", "1"),
        ("liaison", None),
        ("network", None),
        ("curator", None),
        ("admin", None),
    ):
        assert factories.user(role, table=table).has_perm("wagtailadmin.access_admin"), role
    assert not factories.user("member").has_perm("wagtailadmin.access_admin")


def test_members_edit_their_own_organisation_only():
    member = factories.user("member")
    own = member.organisations.get()
    other = factories.organisation()
    assert member.has_perm("cms.change_organisation", own)
    assert not member.has_perm("cms.change_organisation", other)
    assert not member.has_perm("cms.change_organisation")  # no model-wide right


def test_membership_and_object_permission_come_and_go_together():
    user = factories.user()
    first, second = factories.organisation(), factories.organisation()
    grant_role(user, "member", organisation=first)
    grant_role(user, "member", organisation=second)
    grant_role(user, "member", organisation=second)  # idempotent
    user = get_user_model().objects.get(pk=user.pk)  # fresh permission cache
    assert user.has_perm("cms.change_organisation", first) and user.has_perm("cms.change_organisation", second)
    revoke_role(user, "member", organisation=first)
    user = get_user_model().objects.get(pk=user.pk)
    assert not user.has_perm("cms.change_organisation", first)
    assert user.has_perm("cms.change_organisation", second)
    assert ("member", None) in roles_of(user)  # still a member through the second one
    revoke_role(user, "member", organisation=second)
    assert ("member", None) not in roles_of(get_user_model().objects.get(pk=user.pk))


@pytest.mark.parametrize(
    "role, kwargs, message",
    [
        ("delegate", {}, "needs a table"),
        ("delegate", {"table": "9"}, "unknown table"),
        ("liaison", {"table": "1"}, "applies only to the roles"),
        ("member", {}, "needs an organisation"),
        ("emperor", {}, "unknown role"),
    ],
)
def test_impossible_grants_are_refused(role, kwargs, message):
    liaison = factories.user("liaison")
    with pytest.raises(RoleError, match=message):
        grant_role(liaison, role, **kwargs)
    assert roles_of(get_user_model().objects.get(pk=liaison.pk)) == [("liaison", None)]


def test_secretariat_of_one_table_is_not_delegate_of_another():
    user = factories.user("secretariat", table="1")
    grant_role(user, "delegate", table="3")
    assert set(roles_of(user)) == {("secretariat", "1"), ("delegate", "3")}
    assert space("3").permissions_for_user(user).can_add_subpage()
    assert not space("2").permissions_for_user(user).can_add_subpage()
