"""The members-only part of a table's space on the public site."""

import pytest

from cms.models import TableSpacePage
from workflows.contributions import contribution_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def contribution(user_named):
    return contribution_create(
        user=user_named("delegate1"), table="1", title="Aporte sobre vías regulares", text="Propuesta de la mesa."
    )


def url(table):
    return TableSpacePage.objects.originals().get(table=table).url + "espacio/"


def test_anonymous_visitors_are_sent_to_log_in(client, contribution):
    response = client.get(url("1"))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_tables_people_see_drafts_and_contributions_and_comment(client, contribution, demo_password):
    client.login(username="member", password=demo_password)  # member organisation sits in table 1
    page = client.get(url("1")).content.decode()
    assert "Aporte sobre vías regulares" in page
    assert "Reconocer documentos de identidad" in page  # the demo draft waiting at the table stage
    response = client.post(url("1"), {"contribution": contribution.pk, "text": "Apoyamos la propuesta."})
    assert response.status_code == 302
    assert contribution.comments.get().text == "Apoyamos la propuesta."


def test_other_tables_see_nothing(client, contribution, demo_password):
    client.login(username="delegate2", password=demo_password)
    response = client.get(url("1"))
    assert response.status_code == 403
    assert "Aporte sobre vías regulares" not in response.content.decode()
    assert client.post(url("1"), {"contribution": contribution.pk, "text": "Intruso"}).status_code == 403
    assert contribution.comments.count() == 0
    assert "Aporte sobre vías regulares" not in client.get(url("2")).content.decode()


def test_site_login(client, demo_password):
    response = client.post("/login/", {"username": "member", "password": demo_password, "next": "/mesas/"})
    assert response.status_code == 302 and response["Location"] == "/mesas/"
    assert client.post("/login/", {"username": "member", "password": "nope"}).status_code == 200
