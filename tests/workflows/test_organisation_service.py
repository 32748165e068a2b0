"""An organisation's profile is edited by its members through one service, whichever door they
use: the workspace's "My organisation" or PATCH /api/v1/organisations/{id}/. The people are made
here (``tests/factories.py``), never the demo world's accounts."""

import pytest
from rest_framework.test import APIClient
from wagtail.models import ModelLogEntry

from cms.models import Organisation
from tests import factories
from workflows.errors import NotAllowed, WorkflowError
from workflows.organisations import can_edit_organisation, organisation_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    return factories.user("member", organisation=factories.organisation(tables=["1"]))


@pytest.fixture
def own(member):
    return member.organisations.get()


def test_a_member_edits_the_profile_and_it_is_recorded(own, member):
    organisation_update(
        organisation=own,
        user=member,
        description="Acompañamos a personas migrantes.",
        website="https://cruz-andina.example.org",
        country="PE",
        stakeholder_group="migrants",
        acronym="CA",
    )
    own.refresh_from_db()
    assert (own.description, own.website, own.country, own.stakeholder_group, own.acronym) == (
        "Acompañamos a personas migrantes.",
        "https://cruz-andina.example.org",
        "PE",
        "migrants",
        "CA",
    )
    entry = ModelLogEntry.objects.filter(object_id=str(own.pk), action="wagtail.edit").latest("pk")
    assert entry.user == member and entry.data["fields"] == ["acronym", "country", "description", "stakeholder_group", "website"]


@pytest.mark.parametrize("role, table", [("delegate", "1"), ("secretariat", "1"), ("liaison", None), ("network", None)])
def test_people_of_other_organisations_may_not(own, role, table):
    user = factories.user(role, table=table)
    assert not can_edit_organisation(user, own)
    with pytest.raises(NotAllowed):
        organisation_update(organisation=own, user=user, description="Intruso")
    assert Organisation.objects.get(pk=own.pk).description != "Intruso"


@pytest.mark.parametrize(
    "data, field",
    [
        ({"country": "XX"}, "country"),
        ({"stakeholder_group": "lobbyists"}, "stakeholder_group"),
        ({"website": "no es una dirección"}, "website"),
        ({"description": "x" * 5001}, "description"),
        ({"tables": ["1", "2"]}, "tables"),  # the tables are the secretariat's to manage
        ({"name": "Otro nombre"}, "name"),
    ],
)
def test_a_bad_value_is_a_field_error_and_nothing_is_saved(own, member, data, field):
    before = Organisation.objects.filter(pk=own.pk).values().get()
    with pytest.raises(WorkflowError) as refused:
        organisation_update(organisation=own, user=member, **{"acronym": "NUEVO", **data})
    assert (refused.value.field, refused.value.status_code) == (field, 400)
    assert Organisation.objects.filter(pk=own.pk).values().get() == before


def test_the_api_calls_the_same_service(own, member):
    client = APIClient()
    token = client.post("/api/v1/auth/token/", {"username": member.username, "password": factories.PASSWORD}).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    url = f"/api/v1/organisations/{own.pk}/"
    body = client.patch(url, {"country": "EC", "stakeholder_group": "academia", "acronym": "CAN"}, format="json").json()
    assert (body["country"], body["stakeholder_group"], body["acronym"]) == ("EC", "academia", "CAN")
    assert ModelLogEntry.objects.filter(object_id=str(own.pk), action="wagtail.edit", user=member).exists()
    refused = client.patch(url, {"country": "XX"}, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"country"}
    assert client.patch(url, {"tables": ["2"]}, format="json").json()["tables"] == own.tables  # read-only here
    delegate = APIClient()
    delegate.force_authenticate(factories.user("delegate", table="1"))
    assert delegate.patch(url, {"country": "XX"}, format="json").status_code == 403  # refused before the body is read
    assert Organisation.objects.get(pk=own.pk).country == "EC"
