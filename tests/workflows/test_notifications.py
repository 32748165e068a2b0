"""Notifications (issue #18): each event tells exactly the right people and nobody who may not
see the item; each person's choice per category; digests once; one-click unsubscribe. The people
and items are made here (the ``people`` and ``item_at`` fixtures, ``tests/factories.py``), never
the demo world's; the demo's accounts share the database, so who must be told is written as
roles (everyone holding them), each of ours named among them."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.core import mail
from django.urls import reverse

from workflows import notifications, practices, recommendations
from workflows.contributions import contribution_comment, contribution_create
from workflows.digests import send_due
from workflows.models import Notification, NotificationSettings
from workflows.roles import TABLE_MEMBER_GROUP, group_name

pytestmark = pytest.mark.django_db


def told(event, **filters) -> set[str]:
    return set(Notification.objects.filter(event=event, **filters).values_list("recipient__username", flat=True))


def holding(*groups: str) -> set[str]:
    """Every active account in one of ``groups`` (``"admin"``: the superusers)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    query = Q(groups__name__in=[g for g in groups if g != "admin"])
    if "admin" in groups:
        query |= Q(is_superuser=True)
    return set(get_user_model().objects.filter(query, is_active=True).values_list("username", flat=True))


DRAFTERS_1 = (group_name("delegate", "1"), group_name("secretariat", "1"))
READERS_1 = (*DRAFTERS_1, TABLE_MEMBER_GROUP.format(table="1"))


def test_each_event_tells_exactly_the_right_people(item_at, people, django_capture_on_commit_callbacks):
    """Expected recipients written out from SPEC §1 by role (admin is a superuser, who approves
    at every stage; the member's organisation sits in table 1; peer is another delegate of table
    1), each of our people named among them."""
    names = {
        key: people[key].username for key in ("delegate1", "peer", "secretariat1", "admin", "liaison1", "liaison2", "member")
    }
    names |= {key: people[key].username for key in ("curator", "network")}
    item = item_at("draft")
    recommendations.recommendation_submit(item=item, user=people["delegate1"])
    expected = holding(*DRAFTERS_1, "admin") - {names["delegate1"]}
    assert told("stage_reached", page=item) == expected and {names["secretariat1"], names["peer"], names["admin"]} <= expected
    recommendations.recommendation_approve(item=item, user=people["secretariat1"])
    expected |= holding(group_name("liaison"))
    assert told("stage_reached", page=item) == expected and {names["liaison1"], names["liaison2"]} <= expected
    assert told("decision", page=item) == {names["delegate1"]}
    contribution = contribution_create(user=people["delegate1"], table="1", title="Aporte nuevo", text="Texto")
    expected = holding(*READERS_1) - {names["delegate1"]}
    assert told("contribution_added", params__contribution=contribution.pk) == expected
    assert {names["secretariat1"], names["peer"], names["member"]} <= expected
    contribution_comment(contribution=contribution, user=people["member"], text="De acuerdo.")
    expected = holding(*READERS_1) - {names["member"]}  # the table's readers but the commenter
    assert told("contribution_commented", params__contribution=contribution.pk) == expected
    assert {names["secretariat1"], names["peer"], names["delegate1"]} <= expected
    practice = practices.practice_submit(user=people["member"], data={"title": "Práctica nueva", "summary": "R."})
    expected = holding(group_name("curator"), group_name("network"))
    assert told("practice_submitted", page=practice) == expected and {names["curator"], names["network"]} <= expected


def test_a_delegate_of_table_2_never_hears_of_table_1s_drafts(item_at, people):
    people["delegate2"]  # there before the events
    for state in ("draft", "table", "liaison", "changes_requested", "withdrawn"):
        item_at(state)
    contribution_create(user=people["delegate1"], table="1", title="Aporte de la mesa 1", text="Texto")
    heard = Notification.objects.filter(recipient=people["delegate2"], table="1")
    # (Their own follow-up reports on table 1's published recommendations they do hear of.)
    assert not heard.exclude(event__in=["submission_published", "submission_sent_back"]).exists()
    assert not heard.filter(page__live=False).exists()
    # The guard itself: even an event addressed to them by mistake is dropped.
    draft = item_at("draft")
    notifications.notify("decision", category="workflow", recipients=[people["delegate2"]], page=draft, table="1")
    assert not Notification.objects.filter(recipient=people["delegate2"], page=draft).exists()


def test_nothing_is_recorded_when_the_event_rolls_back(item_at, people):
    from django.db import transaction

    item = item_at("draft")
    before = Notification.objects.count()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            recommendations.recommendation_submit(item=item, user=people["delegate1"])
            raise RuntimeError
    assert Notification.objects.count() == before


def test_immediate_daily_and_off(item_at, people, django_capture_on_commit_callbacks):
    secretariat, admin = people["secretariat1"], people["admin"]
    notifications.update_settings(user=secretariat, workflow="daily")
    notifications.update_settings(user=admin, workflow="off")
    items = [item_at("draft") for _ in range(2)]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for item in items:
            recommendations.recommendation_submit(item=item, user=people["delegate1"])
    # The secretariat (daily) and admin (off: but items waiting for their review come at least daily)
    # get nothing at once; both items are listed in their workspace.
    assert not [m for m in mail.outbox if set(m.to) & {secretariat.email, admin.email}]
    assert notifications.for_user(secretariat).filter(event="stage_reached", page__in=items).count() == 2
    mail.outbox.clear()
    assert send_due(force=True) >= 2
    digests = {m.to[0]: m for m in mail.outbox}
    for user in (secretariat, admin):
        body = digests[user.email].body
        assert all(item.title in body for item in items)  # one e-mail with all of the day's items
        html = digests[user.email].alternatives[0][0]
        assert all(item.title in html for item in items) and "<h2" in html
    # Sent once: a second pass finds nothing.
    mail.outbox.clear()
    assert send_due(force=True) == 0 and mail.outbox == []
    # A period not yet passed waits; once it has, the digest goes.
    import datetime

    contribution_create(user=people["delegate1"], table="1", title="Aporte tardío", text="Texto")  # table_activity: daily
    mail.outbox.clear()
    send_due()  # others may be due (their first digest); the secretariat had one an instant ago
    assert secretariat.email not in {m.to[0] for m in mail.outbox}
    later = NotificationSettings.objects.get(user=secretariat).last_daily_digest + datetime.timedelta(hours=25)
    send_due(now=later)
    assert any(m.to == [secretariat.email] and "Aporte tardío" in m.body for m in mail.outbox)


def test_a_table_activity_notification_switched_off_is_listed_but_never_e_mailed(people):
    member = people["member"]
    notifications.update_settings(user=member, table_activity="off")
    contribution_create(user=people["delegate1"], table="1", title="Aporte silencioso", text="Texto")
    mail.outbox.clear()
    send_due(force=True)
    assert not any(m.to == [member.email] and "Aporte silencioso" in m.body for m in mail.outbox)
    assert notifications.for_user(member).filter(event="contribution_added", params__title="Aporte silencioso").exists()


def test_the_unsubscribe_link_works_without_login_and_cannot_be_forged(
    client, item_at, people, django_capture_on_commit_callbacks
):
    item = item_at("draft")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recommendations.recommendation_submit(item=item, user=people["delegate1"])
    message = next(m for m in mail.outbox if m.to == [people["secretariat1"].email])
    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.search(r"<http://[^/]+(/[^>]+)>", header).group(1)
    assert url in message.body
    assert client.get(url).status_code == 200  # asks; nothing changes on a GET
    assert not NotificationSettings.objects.filter(user=people["secretariat1"], workflow="off").exists()
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = url.replace(token, token.replace(token.split(":")[0], token.split(":")[0][::-1]))
    assert client.post(forged).status_code == 404
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert NotificationSettings.objects.get(user=people["secretariat1"]).workflow == "off"
    # A token of another person's cannot be made from this one.
    from django.core import signing

    other = signing.dumps({"u": people["delegate2"].pk, "c": "workflow"}, salt="another-salt")
    assert client.post(reverse("workspace:unsubscribe", args=[other])).status_code == 404


def test_the_workspace_lists_them_and_marks_them_read(client, item_at, people):
    item = item_at("table")
    client.force_login(people["secretariat1"])
    page = client.get("/espacio/avisos/").content.decode()
    assert item.title in page and "Sin leer" in page
    header = client.get("/espacio/").content.decode()
    unread = notifications.unread_count(people["secretariat1"])
    assert unread >= 1 and f"({unread}" in header
    client.post("/espacio/avisos/", {"all": "1"})
    assert notifications.unread_count(people["secretariat1"]) == 0


def test_the_api(as_user_client, item_at, people):
    item = item_at("table")
    client = as_user_client("secretariat1")
    listed = client.get("/api/v1/me/notifications/?unread=true").json()
    assert listed["count"] >= 1 and any(item.title in row["summary"] for row in listed["results"])
    ids = [row["id"] for row in listed["results"]]
    assert client.post("/api/v1/me/notifications/read/", {"ids": ids[:1]}, format="json").json() == {"read": 1}
    assert client.post("/api/v1/me/notifications/read/", {}, format="json").status_code == 400
    assert client.post("/api/v1/me/notifications/read/", {"all": True}, format="json").json()["read"] == len(ids) - 1
    assert client.get("/api/v1/me/notifications/?unread=true").json()["count"] == 0
    assert client.get("/api/v1/me/notifications/?unread=maybe").status_code == 400
    assert client.get("/api/v1/me/notification-settings/").json() == {
        "workflow": "immediate",
        "table_activity": "daily",
        "moderation": "daily",
        "follow_up": "daily",
    }
    assert (
        client.patch("/api/v1/me/notification-settings/", {"follow_up": "weekly"}, format="json").json()["follow_up"] == "weekly"
    )
    for bad in ({"follow_up": "hourly"}, {"gossip": "daily"}, {}):
        response = client.patch("/api/v1/me/notification-settings/", bad, format="json")
        assert response.status_code == 400, bad
    assert client.get("/api/v1/me/notification-settings/").json()["follow_up"] == "weekly"


@pytest.fixture
def as_user_client(people):
    from rest_framework.test import APIClient

    def make(name):
        client = APIClient()
        client.force_authenticate(people[name])
        return client

    return make


def test_every_workflow_action_is_one_notification_per_person(item_at, people):
    item = item_at("published")
    per_person = Counter(
        (n.recipient_id, n.event, n.params.get("action"), n.params.get("stage")) for n in Notification.objects.filter(page=item)
    )
    assert per_person and max(per_person.values()) == 1
