"""My table (/espacio/mesa/1/): table 1's secretariat manages its organisations and delegates;
delegate1 reads the table but may not manage it (403); delegate2 does not even see it (404)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from cms.models import Organisation
from workflows.roles import roles_of
from workflows.tables import LOG_ACTION

pytestmark = pytest.mark.django_db
User = get_user_model()
PAGE = "/espacio/mesa/1/"


@pytest.fixture
def candidate(db):
    return User.objects.create_user("lucia", "lucia@enlace.example", "a-long-pass-phrase", first_name="Lucía", last_name="Mamani")


@pytest.fixture
def outside():
    """An organisation that takes part in no table."""
    return Organisation.objects.filter(kind="civil_society", tables=[]).first()


def login(client, user_named, username):
    client.force_login(user_named(username))
    return client


def test_the_secretariat_sees_its_tables_organisations_and_people(client, user_named):
    login(client, user_named, "secretariat1")
    response = client.get("/espacio/mesa/")
    assert response.status_code == 302 and response["Location"] == PAGE
    page = client.get(PAGE).content.decode()
    member_org = user_named("member").organisations.get()
    for expected in (member_org.name, "Delegate1", "Secretariat1", "Member"):
        assert expected in page, expected
    assert "Delegate2" not in page


def test_people_are_found_by_name_and_made_delegates_then_removed(client, user_named, candidate):
    login(client, user_named, "secretariat1")
    page = client.get(PAGE, {"q": "lucía"}).content.decode()
    assert "Lucía Mamani" in page and f'name="person" value="{candidate.pk}"' in page
    nobody = client.get("/en" + PAGE, {"q": "zzz"}).content.decode()
    assert "Nobody has that name." in nobody and "Lucía Mamani" not in nobody
    response = client.post(f"{PAGE}delegados/agregar/", {"person": candidate.pk})
    assert response.status_code == 302 and response["Location"] == PAGE
    assert ("delegate", "1") in roles_of(User.objects.get(pk=candidate.pk))
    assert "Lucía Mamani" in client.get(PAGE).content.decode()
    # Twice: a refusal on the page, nothing changes.
    assert client.post(f"{PAGE}delegados/agregar/", {"person": candidate.pk}).status_code == 400
    response = client.post(f"{PAGE}delegados/{candidate.pk}/quitar/")
    assert response.status_code == 302
    assert ("delegate", "1") not in roles_of(User.objects.get(pk=candidate.pk))
    changes = list(
        ModelLogEntry.objects.filter(action=LOG_ACTION, object_id=str(candidate.pk))
        .order_by("pk")
        .values_list("user__username", "data__change")
    )
    assert changes == [("secretariat1", "delegate_added"), ("secretariat1", "delegate_removed")]
    assert client.post(f"{PAGE}delegados/agregar/", {"person": "abc"}).status_code == 400


def test_organisations_are_added_and_removed_and_their_members_follow(client, user_named, outside):
    login(client, user_named, "secretariat1")
    assert f'<option value="{outside.pk}">' in client.get(PAGE).content.decode()
    response = client.post(f"{PAGE}organizaciones/agregar/", {"organisation": outside.pk})
    assert response.status_code == 302
    assert Organisation.objects.get(pk=outside.pk).tables == ["1"]
    member_org = user_named("member").organisations.get()
    response = client.post(f"{PAGE}organizaciones/{member_org.pk}/quitar/")
    assert response.status_code == 302 and "1" not in Organisation.objects.get(pk=member_org.pk).tables
    member = User.objects.get(username="member")
    assert "member-table-1" not in set(member.groups.values_list("name", flat=True))
    # An organisation already in the table is not offered; forcing it is a field error.
    response = client.post(f"{PAGE}organizaciones/agregar/", {"organisation": outside.pk})
    assert response.status_code == 400 and 'id="id_organisation-errors"' in response.content.decode()
    assert ModelLogEntry.objects.filter(action=LOG_ACTION, data__change__startswith="organisation_").count() == 2


def test_a_delegate_of_table_1_reads_the_table_but_may_not_manage_it(client, user_named, candidate, outside):
    login(client, user_named, "delegate1")
    assert client.get("/espacio/mesa/").status_code == 404
    assert client.get(PAGE).status_code == 403
    member_org = user_named("member").organisations.get()
    posts = [
        (f"{PAGE}delegados/agregar/", {"person": candidate.pk}),
        (f"{PAGE}delegados/{user_named('delegate1').pk}/quitar/", {}),
        (f"{PAGE}organizaciones/agregar/", {"organisation": outside.pk}),
        (f"{PAGE}organizaciones/{member_org.pk}/quitar/", {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert_nothing_changed(candidate, outside, member_org)


def test_a_delegate_of_table_2_does_not_see_table_1s_page(client, user_named, candidate, outside):
    login(client, user_named, "delegate2")
    assert client.get(PAGE).status_code == 404
    member_org = user_named("member").organisations.get()
    assert client.post(f"{PAGE}delegados/agregar/", {"person": candidate.pk}).status_code == 404
    assert client.post(f"{PAGE}organizaciones/{member_org.pk}/quitar/").status_code == 404
    assert client.get("/espacio/mesa/2/").status_code == 403  # their own table: read, not managed
    assert client.get("/espacio/mesa/9/").status_code == 404
    assert_nothing_changed(candidate, outside, member_org)


def assert_nothing_changed(candidate, outside, member_org):
    assert ("delegate", "1") not in roles_of(User.objects.get(pk=candidate.pk))
    assert ("delegate", "1") in roles_of(User.objects.get(username="delegate1"))
    assert Organisation.objects.get(pk=outside.pk).tables == []
    assert "1" in Organisation.objects.get(pk=member_org.pk).tables
    assert ModelLogEntry.objects.filter(action=LOG_ACTION).count() == 0


def test_administrators_choose_among_the_four_tables(client, user_named):
    page = login(client, user_named, "admin").get("/espacio/mesa/").content.decode()
    assert all(f'href="/espacio/mesa/{code}/"' in page for code in "1234")
    assert client.get("/espacio/mesa/3/").status_code == 200


def test_the_tables_members_area_links_to_the_workspace(client, user_named):
    from cms.models import TableSpacePage
    from workflows.contributions import contribution_create

    contribution = contribution_create(user=user_named("delegate1"), table="1", title="Aporte enlazado", text="Texto")
    area = TableSpacePage.objects.originals().get(table="1").url + "espacio/"
    page = login(client, user_named, "secretariat1").get(area).content.decode()
    assert f'href="/espacio/aportes/{contribution.pk}/"' in page and 'href="/espacio/aportes/?mesa=1"' in page
    assert f'href="{PAGE}"' in page
    assert f'href="{PAGE}"' not in login(client, user_named, "member").get(area).content.decode()
