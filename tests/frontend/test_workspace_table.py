"""My table (/espacio/mesa/1/): table 1's secretariat manages its organisations and delegates;
delegate1 reads the table but may not manage it (403); delegate2 does not even see it (404).
The people and organisations are made here (``people``: ``tests/factories.py``), never the demo
world's."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from cms.models import Organisation
from tests import factories
from tests.factories import names
from workflows.roles import roles_of
from workflows.tables import LOG_ACTION

pytestmark = pytest.mark.django_db
User = get_user_model()
PAGE = "/espacio/mesa/1/"


@pytest.fixture
def candidate(db):
    return User.objects.create_user("lucia", "lucia@enlace.example", "a-long-pass-phrase", first_name="Lucía", last_name="Mamani")


@pytest.fixture
def outside(db):
    """An organisation that takes part in no table."""
    return factories.organisation(kind="civil_society")


def login(client, people, name):
    client.force_login(people[name])
    return client


def test_the_secretariat_sees_its_tables_organisations_and_people(client, people):
    # Made before the page is read: a member of an organisation sitting in table 1, two delegates.
    member, delegate1, delegate2 = people["member"], people["delegate1"], people["delegate2"]
    member_org = member.organisations.get()
    login(client, people, "secretariat1")
    response = client.get("/espacio/mesa/")
    assert response.status_code == 302 and response["Location"] == PAGE
    page = client.get(PAGE).content.decode()
    assert member_org.name in page
    for person in (delegate1, people["secretariat1"], member):
        assert names(page, person), person.username
    assert not names(page, delegate2)


def test_people_are_found_by_name_and_made_delegates_then_removed(client, people, candidate):
    login(client, people, "secretariat1")
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
    secretariat = people["secretariat1"].username
    assert changes == [(secretariat, "delegate_added"), (secretariat, "delegate_removed")]
    assert client.post(f"{PAGE}delegados/agregar/", {"person": "abc"}).status_code == 400


def test_organisations_are_added_and_removed_and_their_members_follow(client, people, outside):
    login(client, people, "secretariat1")
    assert f'<option value="{outside.pk}">' in client.get(PAGE).content.decode()
    response = client.post(f"{PAGE}organizaciones/agregar/", {"organisation": outside.pk})
    assert response.status_code == 302
    assert Organisation.objects.get(pk=outside.pk).tables == ["1"]
    member = people["member"]
    member_org = member.organisations.get()
    assert "member-table-1" in set(member.groups.values_list("name", flat=True))
    response = client.post(f"{PAGE}organizaciones/{member_org.pk}/quitar/")
    assert response.status_code == 302 and "1" not in Organisation.objects.get(pk=member_org.pk).tables
    assert "member-table-1" not in set(member.groups.values_list("name", flat=True))
    # An organisation already in the table is not offered; forcing it is a field error.
    response = client.post(f"{PAGE}organizaciones/agregar/", {"organisation": outside.pk})
    assert response.status_code == 400 and 'id="id_organisation-errors"' in response.content.decode()
    assert ModelLogEntry.objects.filter(action=LOG_ACTION, data__change__startswith="organisation_").count() == 2


def test_a_delegate_of_table_1_reads_the_table_but_may_not_manage_it(client, people, candidate, outside):
    login(client, people, "delegate1")
    assert client.get("/espacio/mesa/").status_code == 404
    assert client.get(PAGE).status_code == 403
    member_org = people["member"].organisations.get()
    posts = [
        (f"{PAGE}delegados/agregar/", {"person": candidate.pk}),
        (f"{PAGE}delegados/{people['delegate1'].pk}/quitar/", {}),
        (f"{PAGE}organizaciones/agregar/", {"organisation": outside.pk}),
        (f"{PAGE}organizaciones/{member_org.pk}/quitar/", {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert_nothing_changed(candidate, outside, member_org, people["delegate1"])


def test_a_delegate_of_table_2_does_not_see_table_1s_page(client, people, candidate, outside):
    login(client, people, "delegate2")
    assert client.get(PAGE).status_code == 404
    member_org = people["member"].organisations.get()
    assert client.post(f"{PAGE}delegados/agregar/", {"person": candidate.pk}).status_code == 404
    assert client.post(f"{PAGE}organizaciones/{member_org.pk}/quitar/").status_code == 404
    assert client.get("/espacio/mesa/2/").status_code == 403  # their own table: read, not managed
    assert client.get("/espacio/mesa/9/").status_code == 404
    assert_nothing_changed(candidate, outside, member_org, people["delegate1"])


def assert_nothing_changed(candidate, outside, member_org, delegate):
    assert ("delegate", "1") not in roles_of(User.objects.get(pk=candidate.pk))
    assert ("delegate", "1") in roles_of(User.objects.get(pk=delegate.pk))
    assert Organisation.objects.get(pk=outside.pk).tables == []
    assert "1" in Organisation.objects.get(pk=member_org.pk).tables
    assert ModelLogEntry.objects.filter(action=LOG_ACTION).count() == 0


def test_administrators_choose_among_the_four_tables(client, people):
    page = login(client, people, "admin").get("/espacio/mesa/").content.decode()
    assert all(f'href="/espacio/mesa/{code}/"' in page for code in "1234")
    assert client.get("/espacio/mesa/3/").status_code == 200


def test_the_tables_members_area_links_to_the_workspace(client, people):
    from cms.models import TableSpacePage

    contribution = factories.contribution(table="1", author=people["delegate1"], title="Aporte enlazado")
    area = TableSpacePage.objects.originals().get(table="1").url + "espacio/"
    page = login(client, people, "secretariat1").get(area).content.decode()
    assert f'href="/espacio/aportes/{contribution.pk}/"' in page and 'href="/espacio/aportes/?mesa=1"' in page
    assert f'href="{PAGE}"' in page
    assert f'href="{PAGE}"' not in login(client, people, "member").get(area).content.decode()
