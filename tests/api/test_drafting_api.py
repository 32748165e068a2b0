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
def as_peer(people):
    """``people["peer"]``: a second delegate of table 1 (not the author of ``item_at``'s items)."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(people["peer"])
    return client


def amendments_url(item):
    return f"/api/v1/recommendations/{item.pk}/amendments/"


def test_an_amendment_from_proposal_to_acceptance(as_user, api, item_at, people, as_peer, django_capture_on_commit_callbacks):
    item = item_at("draft")
    peer_client = as_peer
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        created = post(peer_client, amendments_url(item), {"text": "Texto mejorado por la mesa.", "justification": "Más claro."})
    assert created.status_code == 201 and created.json()["state"] == "pending"
    assert [m.to for m in mail.outbox] == [[people["delegate1"].email]]  # the author is told
    # Outsiders neither see nor propose (404); a reader who is not an author cannot decide (403).
    delegate1, delegate2 = as_user(people["delegate1"]), as_user(people["delegate2"])
    assert delegate2.get(amendments_url(item)).status_code == 404
    assert post(delegate2, amendments_url(item), {"text": "x", "justification": "y"}).status_code == 404
    assert api.get(amendments_url(item)).status_code == 404
    amendment = created.json()["id"]
    assert post(as_user(people["secretariat1"]), f"/api/v1/amendments/{amendment}/accept/").status_code == 403
    assert post(delegate2, f"/api/v1/amendments/{amendment}/accept/").status_code == 404
    listed = delegate1.get(amendments_url(item)).json()["results"][0]
    assert listed["proposer"] == people["peer"].username and listed["title"] is None and listed["rationale"] is None
    assert {"op": "delete", "text": "Texto."} in listed["diff"]["text"] and {
        "op": "insert",
        "text": "Texto mejorado por la mesa.",
    } in listed["diff"]["text"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = post(delegate1, f"/api/v1/amendments/{amendment}/accept/", {"reason": "Gracias."})
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    assert [m.to for m in mail.outbox] == [[people["peer"].email]]  # the proposer is told
    detail = delegate1.get(f"/api/v1/recommendations/{item.pk}/").json()
    assert detail["text"] == "Texto mejorado por la mesa."
    assert [h["action"] for h in detail["history"]][-2:] == ["amendment_proposed", "amendment_accepted"]
    # The new version is the proposer's.
    item.refresh_from_db()
    assert item.get_latest_revision().user == people["peer"]
    assert post(delegate1, f"/api/v1/amendments/{amendment}/reject/").status_code == 409  # decided


def test_an_accepted_amendment_after_an_approval_sends_the_item_back_and_resets_votes(as_user, item_at, people):
    item = recommendations.recommendation_approve(item=item_at("liaison"), user=people["liaison1"])  # one vote
    assert recommendations.approvals_at_current_stage(item)
    created = post(
        as_user(people["liaison2"]), amendments_url(item), {"title": "Título más preciso", "justification": "Precisión."}
    )
    assert created.status_code == 201  # a reviewer at the current stage proposes
    assert post(as_user(people["delegate1"]), f"/api/v1/amendments/{created.json()['id']}/accept/").status_code == 200
    item.refresh_from_db()
    assert (item.status, item.stage) == ("in_review", "table")
    assert recommendations.approvals_at_current_stage(item) == []


def test_an_outdated_amendment_is_only_rejected_or_proposed_again(as_user, item_at, people):
    item = item_at("draft")
    secretariat, delegate1 = as_user(people["secretariat1"]), as_user(people["delegate1"])
    first = post(secretariat, amendments_url(item), {"text": "Primera propuesta.", "justification": "A."}).json()
    recommendations.recommendation_update(item=item, user=people["delegate1"], rationale="Otro fundamento.")
    listed = delegate1.get(amendments_url(item)).json()["results"]
    assert listed[0]["state"] == "outdated"
    assert post(delegate1, f"/api/v1/amendments/{first['id']}/accept/").status_code == 409
    assert post(delegate1, f"/api/v1/amendments/{first['id']}/reject/", {"reason": "Ya no aplica."}).json()["state"] == "rejected"
    again = post(secretariat, amendments_url(item), {"text": "Primera propuesta.", "justification": "A, otra vez."})
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
def test_bad_amendments_are_field_errors_and_nothing_is_saved(as_user, item_at, people, body, field):
    item = item_at("draft")
    response = post(as_user(people["secretariat1"]), amendments_url(item), body)
    assert response.status_code == 400 and field in response.json()
    assert item.amendments.count() == 0


def test_published_items_are_not_amended(as_user, item_at, people):
    item = item_at("published")
    assert (
        post(as_user(people["secretariat1"]), amendments_url(item), {"text": "Otro.", "justification": "J."}).status_code == 409
    )


def test_co_authors_by_invitation(as_user, item_at, people, django_capture_on_commit_callbacks):
    item = item_at("draft")
    url = f"/api/v1/recommendations/{item.pk}/"
    invitee = people["delegate3"]  # a delegate of another table
    delegate3 = as_user(invitee)
    assert delegate3.get(url).status_code == 404
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invited = post(as_user(people["delegate1"]), url + "invitations/", {"username": invitee.username})
    assert invited.status_code == 201 and invited.json()["state"] == "pending"
    assert [m.to for m in mail.outbox] == [[invitee.email]]
    assert as_user(people["delegate1"]).get(url).json()["invitations"][0]["invitee"] == invitee.username
    # No rights before accepting: neither sees nor edits.
    assert delegate3.get(url).status_code == 404
    assert delegate3.patch(url, {"text": "Cambio."}, format="json").status_code == 404
    assert post(delegate3, f"/api/v1/invitations/{invited.json()['id']}/accept/").json()["state"] == "accepted"
    detail = delegate3.get(url).json()
    assert invitee.username in detail["co_authors"] and "edit" in detail["actions"]
    assert delegate3.patch(url, {"text": "Texto de la coautora de la mesa 3."}, format="json").status_code == 200
    recommendations.recommendation_submit(item=item, user=people["delegate1"])
    assert post(delegate3, url + "approve/").status_code == 403  # co-authors never approve
    # Removal revokes the rights.
    drafting.remove_co_author(item=item, user=people["delegate1"], co_author=invitee)
    assert delegate3.get(url).status_code == 404


def test_a_declined_invitee_has_no_rights(as_user, item_at, people):
    item = item_at("draft")
    delegate4 = as_user(people["delegate4"])
    invitation = post(
        as_user(people["delegate1"]),
        f"/api/v1/recommendations/{item.pk}/invitations/",
        {"username": people["delegate4"].username},
    ).json()
    assert post(as_user(people["delegate2"]), f"/api/v1/invitations/{invitation['id']}/accept/").status_code == 404
    assert post(delegate4, f"/api/v1/invitations/{invitation['id']}/decline/").json()["state"] == "declined"
    assert delegate4.get(f"/api/v1/recommendations/{item.pk}/").status_code == 404
    assert post(delegate4, f"/api/v1/invitations/{invitation['id']}/accept/").status_code == 409


@pytest.mark.parametrize(
    "invitee, status",
    [
        (None, 400),  # no such account
        ("admin", 400),
        ("delegate1", 400),  # the author
        ("secretariat1", 201),
    ],
)
def test_who_may_be_invited(as_user, item_at, people, invitee, status):
    item = item_at("draft")
    username = people[invitee].username if invitee else "nobody-here"
    response = post(as_user(people["delegate1"]), f"/api/v1/recommendations/{item.pk}/invitations/", {"username": username})
    assert response.status_code == status
    if status == 400:
        assert set(response.json()) == {"username"} and item.invitations.count() == 0


def test_only_authors_invite_and_nobody_twice(as_user, item_at, people):
    item = item_at("draft", co_authors=["delegate2"])
    url = f"/api/v1/recommendations/{item.pk}/invitations/"
    delegate1, delegate2, delegate3 = as_user(people["delegate1"]), people["delegate2"].username, people["delegate3"].username
    assert post(as_user(people["secretariat1"]), url, {"username": delegate3}).status_code == 403
    assert post(delegate1, url, {"username": delegate2}).status_code == 400  # already a co-author
    assert post(delegate1, url, {"username": delegate3}).status_code == 201
    assert post(delegate1, url, {"username": delegate3}).status_code == 400  # already invited
    new = {"title": "x", "text": "y", "table": "1", "co_authors": [delegate3]}
    assert post(delegate1, "/api/v1/recommendations/", new).status_code == 400


def test_hidden_comments(as_user, item_at, people, as_peer, api):
    item = item_at("table")
    url = f"/api/v1/recommendations/{item.pk}/comments/"
    comment = post(as_peer, url, {"body": "Comentario fuera de lugar."}).json()
    delegate1 = as_user(people["delegate1"])
    reply = post(delegate1, url, {"body": "Respuesta.", "parent": comment["id"]}).json()
    assert reply["parent"] == comment["id"]
    assert post(delegate1, url, {"body": "x", "parent": 999999}).status_code == 400
    assert post(as_peer, f"/api/v1/comments/{comment['id']}/hide/").status_code == 403  # not an author
    assert post(as_user(people["secretariat1"]), f"/api/v1/comments/{comment['id']}/hide/").json()["hidden"] is True
    for role, sees in (("peer", True), ("secretariat1", True), ("member", False)):  # member: of an organisation of table 1
        client = as_peer if role == "peer" else as_user(people[role])
        listed = {c["id"]: c for c in client.get(url).json()["results"]}
        assert (comment["id"] in listed) == sees, role
        if sees:
            assert listed[comment["id"]]["hidden"] is True
    assert as_user(people["delegate2"]).get(url).status_code == 404 and api.get(url).status_code == 404


def test_nothing_of_it_is_public(as_user, api, item_at, people, client):
    item = item_at("published")
    found_before = api.get("/api/v1/recommendations/?q=zafiro").json()["count"]
    post(as_user(people["delegate1"]), f"/api/v1/recommendations/{item.pk}/comments/", {"body": "Zafiro comentario interno"})
    detail = api.get(f"/api/v1/recommendations/{item.pk}/")
    assert detail.status_code == 200 and detail.json()["invitations"] == [] and "Zafiro" not in detail.content.decode()
    for suffix in ("amendments/", "comments/", "invitations/"):
        assert api.get(f"/api/v1/recommendations/{item.pk}/{suffix}").status_code == 404
    assert "Zafiro" not in client.get(item.url).content.decode()
    assert api.get("/api/v1/recommendations/?q=zafiro").json()["count"] == found_before  # the comment adds no hit
    export = api.get("/api/v1/recommendations/?format=csv")
    body = b"".join(export.streaming_content) if export.streaming else export.content
    assert export.status_code == 200 and b"Zafiro" not in body
