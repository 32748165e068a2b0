"""API parity (issue #21): practice moderation through the API (the same services as the admin's
workflow actions, so the same rules), an event with what came out of it, and OPTIONS on practice
submissions describing what the endpoint really requires."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail

from cms.models import EventPage, PracticePage
from cms.selectors import published_practices, published_recommendations
from tests import factories
from workflows import practices
from workflows.recommendations import current_task

pytestmark = pytest.mark.django_db

DATA = {
    "title": "Ferias móviles de documentación",
    "summary": "Jornadas itinerantes de documentación para personas migrantes.",
    "countries": ["PE"],
    "objectives": ["4"],
}
EVERY_ROLE = ["member", "delegate1", "secretariat1", "liaison1", "curator", "network", "admin"]
REVIEWERS = {"curator", "network", "admin"}


@pytest.fixture
def submitted(db):
    return practices.practice_submit(user=AnonymousUser(), submitter_email="ana@example.org", data=DATA)


def _client(api, as_user, people, who):
    return api if who == "anonymous" else as_user(people[who])


@pytest.mark.parametrize("who", ["anonymous", *EVERY_ROLE])
def test_only_reviewers_list_the_practices_waiting_for_moderation(api, as_user, people, submitted, who):
    response = _client(api, as_user, people, who).get("/api/v1/practices/submitted/")
    if who not in REVIEWERS:
        assert response.status_code in (401, 403)
        assert DATA["title"] not in response.content.decode()
        return
    assert response.status_code == 200
    rows = {row["id"]: row for row in response.json()["results"]}
    assert submitted.pk in rows
    row = rows[submitted.pk]
    assert row["status"] == "in_review" and row["actions"] == ["publish", "send_back"]
    assert row["practice"]["title"] == DATA["title"] and row["submitted_by"] is None
    assert not set(rows) & set(published_practices().values_list("pk", flat=True))  # only what waits


def test_the_list_searches_and_does_not_offer_a_reviewer_their_own_submission(as_user, people, submitted):
    own = practices.practice_submit(user=people["curator"], data={**DATA, "title": "Propia de curaduría"})
    curator = as_user(people["curator"])
    rows = {row["id"]: row for row in curator.get("/api/v1/practices/submitted/").json()["results"]}
    assert rows[own.pk]["actions"] == [] and rows[own.pk]["submitted_by"] == people["curator"].username
    found = curator.get("/api/v1/practices/submitted/?q=propia curaduria").json()["results"]
    assert [row["id"] for row in found] == [own.pk]
    assert curator.get("/api/v1/practices/submitted/?q=" + "x" * 501).status_code == 400
    response = curator.post(f"/api/v1/practices/{own.pk}/publish/", {}, format="json")
    assert response.status_code == 403 and not PracticePage.objects.get(pk=own.pk).live
    network = as_user(people["network"])
    assert network.post(f"/api/v1/practices/{own.pk}/publish/", {}, format="json").status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "member", "delegate1", "secretariat1", "liaison1"])
def test_nobody_else_publishes_or_sends_back_nor_learns_it_exists(api, as_user, people, submitted, who):
    client = _client(api, as_user, people, who)
    for path, body in (("publish/", {}), ("send-back/", {"comment": "No."})):
        response = client.post(f"/api/v1/practices/{submitted.pk}/{path}", body, format="json")
        # A practice in moderation is not theirs to see: exactly like an id that does not exist.
        missing = client.post(f"/api/v1/practices/999999/{path}", body, format="json")
        assert response.status_code == missing.status_code and response.status_code in (401, 403, 404), (who, path)
    practice = PracticePage.objects.get(pk=submitted.pk)
    assert not practice.live and current_task(practice)[0] is not None  # still waiting
    published = factories.practice("published")
    response = client.post(f"/api/v1/practices/{published.pk}/send-back/", {"comment": "No."}, format="json")
    assert response.status_code in (401, 403)  # seen, but not theirs to decide
    assert PracticePage.objects.get(pk=published.pk).live


@pytest.mark.parametrize("who", sorted(REVIEWERS))
def test_a_reviewer_publishes_and_the_practice_goes_public(api, as_user, people, submitted, who):
    response = as_user(people[who]).post(
        f"/api/v1/practices/{submitted.pk}/publish/", {"comment": "Bien documentada."}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published" and response.json()["actions"] == []
    assert submitted.pk in set(published_practices().values_list("pk", flat=True))
    assert api.get(f"/api/v1/practices/{submitted.pk}/").status_code == 200
    again = as_user(people[who]).post(f"/api/v1/practices/{submitted.pk}/publish/", {}, format="json")
    assert again.status_code == 409


def test_sending_back_needs_a_comment_and_tells_the_submitter(as_user, people, submitted, django_capture_on_commit_callbacks):
    curator = as_user(people["curator"])
    for body in ({}, {"comment": ""}, {"comment": "x" * 5001}):
        response = curator.post(f"/api/v1/practices/{submitted.pk}/send-back/", body, format="json")
        assert response.status_code == 400 and "comment" in response.json(), body
    assert current_task(PracticePage.objects.get(pk=submitted.pk))[0] is not None  # nothing changed
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = curator.post(f"/api/v1/practices/{submitted.pk}/send-back/", {"comment": "Añadir fuentes."}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "sent_back"
    assert [m.to for m in mail.outbox] == [["ana@example.org"]] and "Añadir fuentes." in mail.outbox[0].body
    assert submitted.pk not in {row["id"] for row in curator.get("/api/v1/practices/submitted/").json()["results"]}
    # Sent back, it is no longer waiting: a decision on it is a 404 (it left the moderation).
    assert curator.post(f"/api/v1/practices/{submitted.pk}/publish/", {}, format="json").status_code == 404
    assert not PracticePage.objects.get(pk=submitted.pk).live


def test_the_api_and_the_admin_share_the_record(as_user, people, submitted):
    as_user(people["network"]).post(f"/api/v1/practices/{submitted.pk}/publish/", {"comment": "Publicada."}, format="json")
    from wagtail.models import PageLogEntry

    actions = list(PageLogEntry.objects.filter(page_id=submitted.pk).values_list("action", flat=True))
    assert "wagtail.publish" in actions  # the workflow finished, as when the admin approves


# --- Events ---------------------------------------------------------------------------------


def test_an_event_carries_its_themes_recommendations_practices_and_report(api, item_at):
    event = EventPage.objects.originals().live().get(slug="conversatorio-2023")
    draft = item_at("draft")
    draft.event = event
    draft.save()
    data = api.get(f"/api/v1/events/{event.pk}/").json()
    expected = {
        theme.key: [r.pk for r in published_recommendations().filter(event=event, theme=theme).order_by("number", "pk")]
        for theme in event.themes.all()
    }
    assert {theme["key"]: [r["id"] for r in theme["recommendations"]] for theme in data["themes"]} == expected
    assert sum(len(ids) for ids in expected.values()) == 21
    assert draft.pk not in {r["id"] for theme in data["themes"] for r in theme["recommendations"]}
    assert {p["id"] for p in data["practices"]} == set(published_practices().filter(event=event).values_list("pk", flat=True))
    report = data["report"]
    assert report["title"] == event.report_title and report["content_type"] == "text/plain"
    document = api.get(report["url"].removeprefix("http://testserver"))
    body = b"".join(document.streaming_content) if document.streaming else document.content
    assert document.status_code == 200 and len(body) == report["file_size"] > 10_000
    text = body.decode("utf-8")
    assert text.startswith(event.report_title) and "Pacto Mundial para la Migración" in text
    # The list stays light: no recommendations or practices per event there.
    listed = api.get("/api/v1/events/").json()["results"][0]
    assert "practices" not in listed and "recommendations" not in listed["themes"][0]


# --- OPTIONS --------------------------------------------------------------------------------


def test_options_on_submissions_describes_the_submission_and_its_real_requirements(api, as_user, people):
    response = api.options("/api/v1/practices/submissions/")
    assert response.status_code == 200
    post = response.json()["actions"]["POST"]
    required = {name for name, field in post.items() if field["required"]}
    assert required == {"title", "summary", "objectives", "submitter_email"}
    assert not {"id", "slug", "url", "labels", "sources", "first_published_at"} & set(post)
    # What OPTIONS says is required is what a POST without it is refused for.
    refused = api.post("/api/v1/practices/submissions/", {}, format="json")
    assert refused.status_code == 400 and set(refused.json()) == required
    member = as_user(people["member"]).options("/api/v1/practices/submissions/").json()["actions"]["POST"]
    assert member["submitter_email"]["required"] is False
    send_back = as_user(people["curator"]).options(f"/api/v1/practices/{factories.practice('published').pk}/send-back/").json()
    assert send_back["actions"]["POST"]["comment"]["required"] is True
