"""Drafting together through the API (issue #17): amendments, co-authors by invitation, comments
on drafts; never public."""

from __future__ import annotations

import pytest
from django.core import mail

from workflows import drafting, recommendations

pytestmark = pytest.mark.django_db


def post(client, url, data=None):
    return client.post(url, data or {}, format="json")


@pytest.fixture
def as_peer(peer):
    """peer1 (a second delegate of table 1, made by the fixture with its own password)."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(peer)
    return client


def amendments_url(item):
    return f"/api/v1/recommendations/{item.pk}/amendments/"


def test_an_amendment_from_proposal_to_acceptance(as_user, api, make_item, as_peer, django_capture_on_commit_callbacks):
    item = make_item("draft")
    peer_client = as_peer
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        created = post(peer_client, amendments_url(item), {"text": "Texto mejorado por la mesa.", "justification": "Más claro."})
    assert created.status_code == 201 and created.json()["state"] == "pending"
    assert [m.to for m in mail.outbox] == [["delegate1@enlace.example"]]  # the author is told
    # Outsiders neither see nor propose (404); a reader who is not an author cannot decide (403).
    assert as_user("delegate2").get(amendments_url(item)).status_code == 404
    assert post(as_user("delegate2"), amendments_url(item), {"text": "x", "justification": "y"}).status_code == 404
    assert api.get(amendments_url(item)).status_code == 404
    amendment = created.json()["id"]
    assert post(as_user("secretariat1"), f"/api/v1/amendments/{amendment}/accept/").status_code == 403
    assert post(as_user("delegate2"), f"/api/v1/amendments/{amendment}/accept/").status_code == 404
    listed = as_user("delegate1").get(amendments_url(item)).json()["results"][0]
    assert listed["proposer"] == "peer1" and listed["title"] is None and listed["rationale"] is None
    assert {"op": "delete", "text": "Texto."} in listed["diff"]["text"] and {
        "op": "insert",
        "text": "Texto mejorado por la mesa.",
    } in listed["diff"]["text"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = post(as_user("delegate1"), f"/api/v1/amendments/{amendment}/accept/", {"reason": "Gracias."})
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    assert [m.to for m in mail.outbox] == [["peer1@enlace.example"]]  # the proposer is told
    detail = as_user("delegate1").get(f"/api/v1/recommendations/{item.pk}/").json()
    assert detail["text"] == "Texto mejorado por la mesa."
    assert [h["action"] for h in detail["history"]][-2:] == ["amendment_proposed", "amendment_accepted"]
    # The new version is the proposer's.
    item.refresh_from_db()
    assert item.get_latest_revision().user.username == "peer1"
    assert post(as_user("delegate1"), f"/api/v1/amendments/{amendment}/reject/").status_code == 409  # decided


def test_an_accepted_amendment_after_an_approval_sends_the_item_back_and_resets_votes(as_user, make_item, user_named):
    item = recommendations.recommendation_approve(item=make_item("liaison"), user=user_named("liaison1"))  # one vote
    assert recommendations.approvals_at_current_stage(item)
    created = post(as_user("liaison2"), amendments_url(item), {"title": "Título más preciso", "justification": "Precisión."})
    assert created.status_code == 201  # a reviewer at the current stage proposes
    assert post(as_user("delegate1"), f"/api/v1/amendments/{created.json()['id']}/accept/").status_code == 200
    item.refresh_from_db()
    assert (item.status, item.stage) == ("in_review", "table")
    assert recommendations.approvals_at_current_stage(item) == []


def test_an_outdated_amendment_is_only_rejected_or_proposed_again(as_user, make_item, user_named):
    item = make_item("draft")
    first = post(as_user("secretariat1"), amendments_url(item), {"text": "Primera propuesta.", "justification": "A."}).json()
    recommendations.recommendation_update(item=item, user=user_named("delegate1"), rationale="Otro fundamento.")
    listed = as_user("delegate1").get(amendments_url(item)).json()["results"]
    assert listed[0]["state"] == "outdated"
    assert post(as_user("delegate1"), f"/api/v1/amendments/{first['id']}/accept/").status_code == 409
    assert (
        post(as_user("delegate1"), f"/api/v1/amendments/{first['id']}/reject/", {"reason": "Ya no aplica."}).json()["state"]
        == "rejected"
    )
    again = post(as_user("secretariat1"), amendments_url(item), {"text": "Primera propuesta.", "justification": "A, otra vez."})
    assert again.status_code == 201


@pytest.mark.parametrize(
    "body, field",
    [
        ({"justification": "Nada cambia."}, "non_field_errors"),
        ({"text": "Texto.", "justification": "El mismo texto."}, "non_field_errors"),
        ({"text": "Nuevo."}, "justification"),
        ({"text": "Nuevo.", "justification": "   "}, "justification"),
        ({"title": "", "justification": "Sin título."}, "title"),
    ],
)
def test_bad_amendments_are_field_errors_and_nothing_is_saved(as_user, make_item, body, field):
    item = make_item("draft")
    response = post(as_user("secretariat1"), amendments_url(item), body)
    assert response.status_code == 400 and field in response.json()
    assert item.amendments.count() == 0


def test_published_items_are_not_amended(as_user, make_item):
    item = make_item("published")
    assert post(as_user("secretariat1"), amendments_url(item), {"text": "Otro.", "justification": "J."}).status_code == 409


def test_co_authors_by_invitation(as_user, make_item, user_named, django_capture_on_commit_callbacks):
    item = make_item("draft")
    url = f"/api/v1/recommendations/{item.pk}/"
    delegate3 = as_user("delegate3")
    assert delegate3.get(url).status_code == 404
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invited = post(as_user("delegate1"), url + "invitations/", {"username": "delegate3"})
    assert invited.status_code == 201 and invited.json()["state"] == "pending"
    assert [m.to for m in mail.outbox] == [["delegate3@enlace.example"]]
    assert as_user("delegate1").get(url).json()["invitations"][0]["invitee"] == "delegate3"
    # No rights before accepting: neither sees nor edits.
    assert delegate3.get(url).status_code == 404
    assert delegate3.patch(url, {"text": "Cambio."}, format="json").status_code == 404
    assert post(delegate3, f"/api/v1/invitations/{invited.json()['id']}/accept/").json()["state"] == "accepted"
    detail = delegate3.get(url).json()
    assert "delegate3" in detail["co_authors"] and "edit" in detail["actions"]
    assert delegate3.patch(url, {"text": "Texto de la coautora de la mesa 3."}, format="json").status_code == 200
    recommendations.recommendation_submit(item=item, user=user_named("delegate1"))
    assert post(delegate3, url + "approve/").status_code == 403  # co-authors never approve
    # Removal revokes the rights.
    drafting.remove_co_author(item=item, user=user_named("delegate1"), co_author=user_named("delegate3"))
    assert delegate3.get(url).status_code == 404


def test_a_declined_invitee_has_no_rights(as_user, make_item):
    item = make_item("draft")
    invitation = post(as_user("delegate1"), f"/api/v1/recommendations/{item.pk}/invitations/", {"username": "delegate4"}).json()
    assert post(as_user("delegate2"), f"/api/v1/invitations/{invitation['id']}/accept/").status_code == 404
    assert post(as_user("delegate4"), f"/api/v1/invitations/{invitation['id']}/decline/").json()["state"] == "declined"
    assert as_user("delegate4").get(f"/api/v1/recommendations/{item.pk}/").status_code == 404
    assert post(as_user("delegate4"), f"/api/v1/invitations/{invitation['id']}/accept/").status_code == 409


@pytest.mark.parametrize(
    "username, status",
    [
        ("nobody-here", 400),
        ("admin", 400),
        ("delegate1", 400),
        ("secretariat1", 201),
    ],
)
def test_who_may_be_invited(as_user, make_item, username, status):
    item = make_item("draft")
    response = post(as_user("delegate1"), f"/api/v1/recommendations/{item.pk}/invitations/", {"username": username})
    assert response.status_code == status
    if status == 400:
        assert set(response.json()) == {"username"} and item.invitations.count() == 0


def test_only_authors_invite_and_nobody_twice(as_user, make_item):
    item = make_item("draft", co_authors=["delegate2"])
    url = f"/api/v1/recommendations/{item.pk}/invitations/"
    assert post(as_user("secretariat1"), url, {"username": "delegate3"}).status_code == 403
    assert post(as_user("delegate1"), url, {"username": "delegate2"}).status_code == 400  # already a co-author
    assert post(as_user("delegate1"), url, {"username": "delegate3"}).status_code == 201
    assert post(as_user("delegate1"), url, {"username": "delegate3"}).status_code == 400  # already invited
    assert (
        post(
            as_user("delegate1"),
            "/api/v1/recommendations/",
            {"title": "x", "text": "y", "table": "1", "co_authors": ["delegate3"]},
        ).status_code
        == 400
    )


def test_hidden_comments(as_user, make_item, as_peer, api):
    item = make_item("table")
    url = f"/api/v1/recommendations/{item.pk}/comments/"
    comment = post(as_peer, url, {"body": "Comentario fuera de lugar."}).json()
    reply = post(as_user("delegate1"), url, {"body": "Respuesta.", "parent": comment["id"]}).json()
    assert reply["parent"] == comment["id"]
    assert post(as_user("delegate1"), url, {"body": "x", "parent": 999999}).status_code == 400
    assert post(as_peer, f"/api/v1/comments/{comment['id']}/hide/").status_code == 403  # not an author
    assert post(as_user("secretariat1"), f"/api/v1/comments/{comment['id']}/hide/").json()["hidden"] is True
    for username, sees in (("peer1", True), ("secretariat1", True), ("member", False)):
        client = as_peer if username == "peer1" else as_user(username)
        listed = {c["id"]: c for c in client.get(url).json()["results"]}
        assert (comment["id"] in listed) == sees, username
        if sees:
            assert listed[comment["id"]]["hidden"] is True
    assert as_user("delegate2").get(url).status_code == 404 and api.get(url).status_code == 404


def test_nothing_of_it_is_public(as_user, api, make_item, client):
    item = make_item("published")
    post(as_user("delegate1"), f"/api/v1/recommendations/{item.pk}/comments/", {"body": "Zafiro comentario interno"})
    detail = api.get(f"/api/v1/recommendations/{item.pk}/")
    assert detail.status_code == 200 and detail.json()["invitations"] == [] and "Zafiro" not in detail.content.decode()
    for suffix in ("amendments/", "comments/", "invitations/"):
        assert api.get(f"/api/v1/recommendations/{item.pk}/{suffix}").status_code == 404
    assert "Zafiro" not in client.get(item.url).content.decode()
    assert api.get("/api/v1/recommendations/?q=zafiro").json()["count"] == 0
    export = api.get("/api/v1/recommendations/?format=csv")
    body = b"".join(export.streaming_content) if export.streaming else export.content
    assert export.status_code == 200 and b"Zafiro" not in body
