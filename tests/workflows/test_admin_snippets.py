"""The permission matrix through Wagtail's admin views, for the snippets: contributions, follow-up
reports and organisations (issue #15). Each role tries each action with real requests; the
effect is judged in the database (and what a page shows), and each attempt is rolled back.

Expectations are written out by hand from SPEC §1 (who reads and writes a table's material;
who reviews follow-up; who keeps the directory), not computed from the code under test. The
people and the material are made here (the ``people`` fixture, ``tests/factories.py``), never
the demo world's: ``member``'s organisation sits in table 1, ``peer`` is another delegate of
table 1.
"""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.utils.html import escape

from cms.models import Contribution, FollowUpReport, Organisation
from tests import factories
from workflows.contributions import contribution_create

pytestmark = pytest.mark.django_db

ROLES = ["member", "author", "peer", "secretariat", "delegate2", "liaison", "network", "curator", "admin"]
USERS = {"author": "delegate1", "secretariat": "secretariat1", "liaison": "liaison1"}
TABLE1 = {"author", "peer", "secretariat", "admin"}


class Rollback(Exception):
    pass


def attempt(client, action) -> bool:
    """Whether ``action(client)`` took effect (it reports so), rolled back afterwards."""
    outcome = {}
    try:
        with transaction.atomic():
            outcome["done"] = action(client)
            raise Rollback
    except Rollback:
        pass
    return outcome["done"]


def shows(client, url, text) -> bool:
    response = client.get(url)
    return response.status_code == 200 and escape(text) in response.content.decode()


# --- Contributions -------------------------------------------------------------------------

CONTRIBUTION_EXPECTED = {
    "list": TABLE1,
    "inspect": TABLE1,
    "history": TABLE1,
    "add_in_table_1": TABLE1,
    "edit": {"author", "admin"},
    "delete": {"admin"},
}


def contribution_actions(item):
    base = "/admin/snippets/cms/contribution"
    form = {"title": "Aporte cambiado", "table": "1", "text": "Texto cambiado.", "objectives": ["7"]}
    return {
        "list": lambda c: shows(c, f"{base}/", item.title),
        "inspect": lambda c: shows(c, f"{base}/inspect/{item.pk}/", item.title),
        "history": lambda c: shows(c, f"{base}/history/{item.pk}/", item.title),
        "add_in_table_1": lambda c: (
            c.post(f"{base}/add/", {**form, "title": "Aporte nuevo de la mesa 1"}) is not None
            and Contribution.objects.filter(title="Aporte nuevo de la mesa 1", table="1").exists()
        ),
        "edit": lambda c: (
            c.post(f"{base}/edit/{item.pk}/", form) is not None
            and Contribution.objects.get(pk=item.pk).title == "Aporte cambiado"
        ),
        "delete": lambda c: (
            c.post(f"{base}/delete/{item.pk}/") is not None and not Contribution.objects.filter(pk=item.pk).exists()
        ),
    }


def login(client, people, role):
    client.force_login(people[USERS.get(role, role)])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_contributions_in_the_admin(role, client, people):
    item = contribution_create(user=people["delegate1"], table="1", title="Aporte reservado de la mesa 1", text="Texto.")
    login(client, people, role)
    wrong = []
    for action, call in contribution_actions(item).items():
        done = attempt(client, call)
        if done != (role in CONTRIBUTION_EXPECTED[action]):
            wrong.append(f"{role} {'may' if done else 'may not'} {action}")
    assert wrong == []


def test_the_add_form_offers_only_the_tables_one_drafts_in_and_refuses_the_others(client, people):
    """Findings: the admin's "add contribution" form offered tables 1-4 and saved in any of them
    (the API refused the same with 403)."""
    client.force_login(people["delegate1"])
    form = client.get("/admin/snippets/cms/contribution/add/").content.decode()
    offered = set(re.findall(r'<option value="(\d)"', form.split('name="table"')[1].split("</select>")[0]))
    assert offered == {"1"}
    response = client.post(
        "/admin/snippets/cms/contribution/add/", {"title": "Aporte colado en la mesa 2", "table": "2", "text": "Texto."}
    )
    assert response.status_code == 200 and 'name="table"' in response.content.decode()  # the form again, with its error
    assert not Contribution.objects.filter(title="Aporte colado en la mesa 2").exists()


def test_only_the_author_saves_a_new_revision(client, people):
    """Finding: secretariat1 could save a new revision of delegate1's contribution in the admin
    (the API allowed only its author)."""
    item = contribution_create(user=people["delegate1"], table="1", title="Aporte del autor", text="Texto.")
    revisions = item.revisions.count()
    client.force_login(people["secretariat1"])
    client.post(f"/admin/snippets/cms/contribution/edit/{item.pk}/", {"title": "Cambio ajeno", "table": "1", "text": "X"})
    item.refresh_from_db()
    assert (item.title, item.revisions.count()) == ("Aporte del autor", revisions)


# --- Follow-up reports -----------------------------------------------------------------------

REPORT_EXPECTED = {
    "list": {"network", "curator", "admin"},
    "inspect": {"network", "curator", "admin"},
    "publish": {"network", "curator", "admin"},
    "delete": {"admin"},
}


@pytest.mark.parametrize("role", ROLES)
def test_follow_up_reports_in_the_admin(role, client, people):
    item = factories.follow_up_report("pending")
    base = "/admin/snippets/cms/followupreport"
    actions = {
        "list": lambda c: shows(c, f"{base}/?review_status=submitted", str(item)),
        "inspect": lambda c: shows(c, f"{base}/inspect/{item.pk}/", item.description[:40]),
        "publish": lambda c: (
            c.post(f"{base}/inspect/{item.pk}/", {"action": "publish"}) is not None
            and FollowUpReport.objects.get(pk=item.pk).review_status == "published"
        ),
        "delete": lambda c: c.post(f"{base}/delete/{item.pk}/") is not None
        and not FollowUpReport.objects.filter(pk=item.pk).exists(),
    }
    login(client, people, role)
    wrong = [f"{role} {action}" for action, call in actions.items() if attempt(client, call) != (role in REPORT_EXPECTED[action])]
    assert wrong == []


# --- Organisations ---------------------------------------------------------------------------

ORGANISATION_EXPECTED = {
    "list": {"curator", "admin"},
    "edit": {"curator", "admin"},
    "add": {"curator", "admin"},
    "delete": {"admin"},
}


@pytest.mark.parametrize("role", ROLES)
def test_organisations_in_the_admin(role, client, people):
    item = people["member"].organisations.get()  # the member's own organisation
    item.name = "AAA Organización del miembro"  # first in the listing (20 a page, by name)
    item.save()
    base = "/admin/snippets/cms/organisation"
    form = {"name": "Nombre cambiado", "slug": item.slug, "kind": item.kind, "tables": item.tables}
    actions = {
        "list": lambda c: shows(c, f"{base}/", item.name),
        "edit": lambda c: c.post(f"{base}/edit/{item.pk}/", form) is not None
        and Organisation.objects.get(pk=item.pk).name == "Nombre cambiado",
        "add": lambda c: (
            c.post(f"{base}/add/", {**form, "name": "Organización nueva", "slug": "organizacion-nueva"}) is not None
            and Organisation.objects.filter(slug="organizacion-nueva").exists()
        ),
        "delete": lambda c: c.post(f"{base}/delete/{item.pk}/") is not None
        and not Organisation.objects.filter(pk=item.pk).exists(),
    }
    login(client, people, role)
    wrong = [
        f"{role} {action}" for action, call in actions.items() if attempt(client, call) != (role in ORGANISATION_EXPECTED[action])
    ]
    assert wrong == []
