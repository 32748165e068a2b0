"""The members-only part of a table's space on the public site. The people and items are made
here (``people``, ``item_at``: ``tests/factories.py``), never the demo world's."""

import pytest
from django.utils.html import escape

from cms.models import TableSpacePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def contribution(people):
    return factories.contribution(
        table="1", author=people["delegate1"], title="Aporte sobre vías regulares", text="Propuesta de la mesa."
    )


def url(table):
    return TableSpacePage.objects.originals().get(table=table).url + "espacio/"


def test_anonymous_visitors_are_sent_to_log_in(client, contribution):
    response = client.get(url("1"))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_tables_people_see_drafts_and_contributions_and_comment(client, contribution, people, item_at):
    draft = item_at("table")  # a draft waiting at the table stage
    client.force_login(people["member"])  # a member of an organisation sitting in table 1
    page = client.get(url("1")).content.decode()
    assert "Aporte sobre vías regulares" in page
    assert escape(draft.draft_title) in page
    response = client.post(url("1"), {"contribution": contribution.pk, "text": "Apoyamos la propuesta."})
    assert response.status_code == 302
    assert contribution.comments.get().text == "Apoyamos la propuesta."


def test_other_tables_see_nothing(client, contribution, people):
    client.force_login(people["delegate2"])
    response = client.get(url("1"))
    assert response.status_code == 403
    assert "Aporte sobre vías regulares" not in response.content.decode()
    assert client.post(url("1"), {"contribution": contribution.pk, "text": "Intruso"}).status_code == 403
    assert contribution.comments.count() == 0
    assert "Aporte sobre vías regulares" not in client.get(url("2")).content.decode()


def test_site_login(client, people):
    member = people["member"]
    response = client.post("/login/", {"username": member.username, "password": factories.PASSWORD, "next": "/mesas/"})
    assert response.status_code == 302 and response["Location"] == "/mesas/"
    assert client.post("/login/", {"username": member.username, "password": "nope"}).status_code == 200
