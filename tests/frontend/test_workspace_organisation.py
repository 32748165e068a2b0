"""My organisation (/espacio/organizacion/): its members edit its profile through the same service
as the API. The people and organisations are made here (``people``: ``tests/factories.py``),
never the demo world's."""

import re

import pytest
from wagtail.models import ModelLogEntry

from cms.models import Organisation
from cms.taxonomies import table_name
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(people):
    """The organisation of ``people["member"]``, sitting in table 1."""
    return people["member"].organisations.get()


def login(client, people, name):
    client.force_login(people[name])
    return client


def test_a_member_reaches_and_edits_the_profile(client, people, own):
    login(client, people, "member")
    response = client.get("/espacio/organizacion/")
    assert response.status_code == 302 and response["Location"] == f"/espacio/organizacion/{own.pk}/"
    page = client.get(f"/en/espacio/organizacion/{own.pk}/").content.decode()
    assert own.name in page and table_name("1", "en") in page  # its tables, read-only
    assert 'name="tables"' not in page
    assert '<optgroup label="Latin America and the Caribbean">' in page
    response = client.post(
        f"/espacio/organizacion/{own.pk}/",
        {
            "acronym": "FMR",
            "description": "Acompañamiento jurídico en Cusco y Lima.",
            "website": "https://fmr.example.org",
            "country": "PE",
            "stakeholder_group": "migrant_diaspora_organisations",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/espacio/organizacion/{own.pk}/"
    own.refresh_from_db()
    assert (own.acronym, own.description, own.website, own.country, own.stakeholder_group) == (
        "FMR",
        "Acompañamiento jurídico en Cusco y Lima.",
        "https://fmr.example.org",
        "PE",
        "migrant_diaspora_organisations",
    )
    assert ModelLogEntry.objects.filter(object_id=str(own.pk), action="wagtail.edit", user=people["member"]).exists()
    assert "FMR" in client.get(f"/espacio/organizacion/{own.pk}/").content.decode()


def test_a_bad_value_is_400_on_its_field_and_nothing_is_saved(client, people, own):
    before = Organisation.objects.filter(pk=own.pk).values().get()
    response = login(client, people, "member").post(
        f"/espacio/organizacion/{own.pk}/",
        {
            "acronym": "NUEVO",
            "description": "x",
            "website": "no es una dirección",
            "country": "XX",
            "stakeholder_group": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    for field in ("website", "country"):
        assert re.search(rf'id="id_{field}-errors"', page), field
    assert "NUEVO" in page  # what was typed is kept
    assert Organisation.objects.filter(pk=own.pk).values().get() == before


def test_others_may_not(client, people, own):
    login(client, people, "delegate1")
    assert client.get("/espacio/organizacion/").status_code == 404  # no organisation of their own
    assert client.get(f"/espacio/organizacion/{own.pk}/").status_code == 403  # public, but not theirs to edit
    assert client.post(f"/espacio/organizacion/{own.pk}/", {"description": "Intruso"}).status_code == 403
    assert client.get("/espacio/organizacion/999999/").status_code == 404
    assert Organisation.objects.get(pk=own.pk).description != "Intruso"
    client.logout()
    assert client.get(f"/espacio/organizacion/{own.pk}/").status_code == 302  # to log in


def test_a_member_of_several_organisations_chooses(client, people, own):
    from workflows.roles import grant_role

    other = factories.organisation(kind="civil_society")
    grant_role(people["member"], "member", organisation=other)
    page = login(client, people, "member").get("/espacio/organizacion/").content.decode()
    assert f'href="/espacio/organizacion/{own.pk}/"' in page and f'href="/espacio/organizacion/{other.pk}/"' in page
