"""Reviewing follow-up reports in Wagtail's admin: the same rules as the API (the service). The
people and reports are made here (the ``people`` fixture, ``tests/factories.py``), never the
demo world's."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests import factories

pytestmark = pytest.mark.django_db


def inspect_url(report):
    return reverse("wagtailsnippets_cms_followupreport:inspect", args=[report.pk])


@pytest.fixture
def waiting(db):
    """A report waiting for review."""
    return factories.follow_up_report("pending")


def test_a_curator_reviews_in_the_admin(client, people, waiting):
    client.force_login(people["curator"])
    listing = client.get(reverse("wagtailsnippets_cms_followupreport:list"), {"review_status": "submitted"})
    assert listing.status_code == 200 and escape(str(waiting)) in listing.content.decode()
    page = client.get(inspect_url(waiting))
    assert page.status_code == 200 and 'value="publish"' in page.content.decode()
    refused = client.post(inspect_url(waiting), {"action": "send_back", "comment": " "})
    assert refused.status_code == 400 and 'role="alert"' in refused.content.decode()
    waiting.refresh_from_db()
    assert waiting.review_status == "submitted"
    done = client.post(inspect_url(waiting), {"action": "publish", "comment": "Verificado."})
    assert done.status_code == 302
    waiting.refresh_from_db()
    assert waiting.review_status == "published" and waiting.reviewed_by == people["curator"]


@pytest.mark.parametrize("username", ["delegate1", "liaison1"])
def test_others_cannot_review_in_the_admin(client, people, waiting, username):
    client.force_login(people[username])
    response = client.post(inspect_url(waiting), {"action": "publish"})
    assert response.status_code in (302, 403, 404)  # no access to the reports' admin
    waiting.refresh_from_db()
    assert waiting.review_status == "submitted"


def test_reviewers_cannot_review_their_own_report_in_the_admin(client, people):
    from workflows import followups

    curator = people["curator"]
    report = followups.submit(
        recommendation=factories.recommendation("published"),
        user=curator,
        data={
            "country": "PA",
            "status": "planned",
            "actor": "Gobierno de Panamá",
            "date": __import__("datetime").date(2024, 1, 1),
            "description": "Anuncio.",
        },
    )
    client.force_login(curator)
    assert 'value="publish"' not in client.get(inspect_url(report)).content.decode()
    response = client.post(inspect_url(report), {"action": "publish"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.review_status == "submitted"


def test_the_dashboard_lists_reports_waiting_for_the_reviewer(client, people, waiting):
    client.force_login(people["curator"])
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert inspect_url(waiting) in page
    client.force_login(people["delegate1"])
    assert inspect_url(waiting) not in client.get(reverse("wagtailadmin_home")).content.decode()
