"""Roles as groups, Wagtail page permissions and guardian object permissions (SPEC §1)."""

import pytest
from django.contrib.auth import get_user_model

from cms.models import Organisation, PracticeIndexPage, RecommendationPage, TableSpacePage
from workflows.roles import RoleError, grant_role, revoke_role, roles_of, tables_of

pytestmark = pytest.mark.django_db


def space(table):
    return TableSpacePage.objects.originals().get(table=table)


def test_a_delegate_drafts_in_their_own_table_only(user_named):
    delegate = user_named("delegate1")
    assert space("1").permissions_for_user(delegate).can_add_subpage()
    assert not space("2").permissions_for_user(delegate).can_add_subpage()
    own = RecommendationPage.objects.originals().descendant_of(space("1")).first()
    other = RecommendationPage.objects.originals().descendant_of(space("2")).first()
    assert own.permissions_for_user(delegate).can_edit()
    assert not other.permissions_for_user(delegate).can_edit()
    # Nobody publishes a recommendation by hand: that is the workflow's last stage.
    assert not own.permissions_for_user(delegate).can_publish()
    assert not own.permissions_for_user(user_named("secretariat1")).can_publish()
    assert tables_of(delegate) == ["1"]


def test_curators_and_network_curate_the_repository_but_not_tables(user_named):
    repository = PracticeIndexPage.objects.originals().get()
    for username in ("curator", "network"):
        user = user_named(username)
        assert repository.permissions_for_user(user).can_publish_subpage()
        assert not space("1").permissions_for_user(user).can_add_subpage()
    assert not repository.permissions_for_user(user_named("delegate1")).can_add_subpage()


def test_admin_access_by_role(user_named):
    for username in ("delegate1", "secretariat1", "liaison1", "network", "curator", "admin"):
        assert user_named(username).has_perm("wagtailadmin.access_admin"), username
    assert not user_named("member").has_perm("wagtailadmin.access_admin")


def test_members_edit_their_own_organisation_only(user_named):
    member = user_named("member")
    own = member.organisations.get()
    other = Organisation.objects.exclude(pk=own.pk).first()
    assert member.has_perm("cms.change_organisation", own)
    assert not member.has_perm("cms.change_organisation", other)
    assert not member.has_perm("cms.change_organisation")  # no model-wide right


def test_membership_and_object_permission_come_and_go_together(user_named):
    user = get_user_model().objects.create_user("newmember", "n@enlace.example", "a-long-pass-phrase")
    first, second = Organisation.objects.all()[:2]
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
def test_impossible_grants_are_refused(user_named, role, kwargs, message):
    with pytest.raises(RoleError, match=message):
        grant_role(user_named("liaison2"), role, **kwargs)
    assert roles_of(user_named("liaison2")) == [("liaison", None)]


def test_secretariat_of_one_table_is_not_delegate_of_another(user_named):
    user = user_named("secretariat1")
    grant_role(user, "delegate", table="3")
    assert set(roles_of(user)) == {("secretariat", "1"), ("delegate", "3")}
    assert space("3").permissions_for_user(user).can_add_subpage()
    assert not space("2").permissions_for_user(user).can_add_subpage()
