"""The three-stage approval of SPEC §3, driven through the service layer. The people and items
are made here (``tests/factories.py``, the ``people`` and ``item_at`` fixtures), never the demo
world's."""

import pytest
from django.core import mail
from django.db import transaction

from cms.models import RecommendationPage
from workflows import recommendations
from workflows.errors import CommentRequired, InvalidTransition, NotAllowed
from workflows.models import LiaisonVote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The services' messages are translated; these tests read them in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


def actions(item):
    return [(h["stage"], h["action"], h["actor"]) for h in recommendations.history_of(item)]


def test_the_full_path_to_publication_and_its_history(item_at, people, client):
    item = item_at("draft")
    assert (item.status, item.stage, item.live) == ("draft", "", False)
    assert client.get(item.url or f"/mesas/mesa-1/{item.slug}/").status_code == 404

    item = recommendations.recommendation_submit(item=item, user=people["delegate1"])
    assert (item.status, item.stage) == ("in_review", "table")
    item = recommendations.recommendation_approve(item=item, user=people["secretariat1"], comment="Respaldo de la mesa")
    assert (item.status, item.stage) == ("in_review", "liaison")
    item = recommendations.recommendation_approve(item=item, user=people["liaison1"])
    assert (item.status, item.stage) == ("in_review", "liaison")  # one vote of two
    assert [a["user"] for a in recommendations.approvals_at_current_stage(item)] == [people["liaison1"].username]
    item = recommendations.recommendation_approve(item=item, user=people["liaison2"])
    assert (item.status, item.stage) == ("in_review", "network")
    item = recommendations.recommendation_approve(item=item, user=people["network"], comment="Validada")
    assert (item.status, item.stage, item.live) == ("published", "", True)
    assert client.get(item.url).status_code == 200

    assert actions(item) == [
        (None, "create", people["delegate1"].username),
        ("table", "submit", people["delegate1"].username),
        ("table", "approve", people["secretariat1"].username),
        ("liaison", "vote", people["liaison1"].username),
        ("liaison", "vote", people["liaison2"].username),
        ("liaison", "approve", people["liaison2"].username),
        ("network", "approve", people["network"].username),
        ("network", "publish", people["network"].username),
    ]
    comments = [h["comment"] for h in recommendations.history_of(item)]
    assert "Respaldo de la mesa" in comments and "Validada" in comments
    assert all(h["at"] for h in recommendations.history_of(item))


def test_nobody_approves_what_they_authored_or_co_authored_at_any_stage(item_at, people):
    item = item_at("draft", co_authors=["liaison1", "network"])
    item = recommendations.recommendation_submit(item=item, user=people["delegate1"])
    with pytest.raises(NotAllowed, match="wrote or co-wrote"):
        recommendations.recommendation_approve(item=item, user=people["delegate1"])  # author, table stage
    item = recommendations.recommendation_approve(item=item, user=people["peer"])  # another delegate of table 1
    with pytest.raises(NotAllowed):
        recommendations.recommendation_approve(item=item, user=people["liaison1"])  # co-author, liaison
    with pytest.raises(NotAllowed):
        recommendations.recommendation_request_changes(item=item, user=people["liaison1"], comment="no")
    admin = people["admin"]
    item = recommendations.recommendation_approve(item=item, user=people["liaison2"])
    item = recommendations.recommendation_approve(item=item, user=admin)  # quorum: two distinct approvers
    assert item.stage == "network"
    with pytest.raises(NotAllowed):
        recommendations.recommendation_approve(item=item, user=people["network"])  # co-author, network
    assert RecommendationPage.objects.originals().get(pk=item.pk).status == "in_review"


def test_the_quorum_is_not_reached_by_the_same_person_twice(item_at, people):
    item = item_at("liaison")  # liaison stage, no vote yet
    recommendations.recommendation_approve(item=item, user=people["liaison1"])
    with pytest.raises(InvalidTransition, match="already approved"):
        recommendations.recommendation_approve(item=item, user=people["liaison1"])
    item.refresh_from_db()
    assert (item.status, item.stage) == ("in_review", "liaison")
    assert LiaisonVote.objects.filter(task_state__workflow_state__object_id=str(item.pk)).count() == 1


def test_one_request_for_changes_sends_it_back_and_needs_a_comment(item_at, people):
    item = item_at("liaison")
    recommendations.recommendation_approve(item=item, user=people["liaison1"])
    for empty in ("", "   "):
        with pytest.raises(CommentRequired):
            recommendations.recommendation_request_changes(item=item, user=people["liaison2"], comment=empty)
    item = recommendations.recommendation_request_changes(item=item, user=people["liaison2"], comment="Falta evidencia")
    assert (item.status, item.stage) == ("changes_requested", "")
    assert recommendations.tasks_for(people["liaison2"]) == [] or item not in recommendations.tasks_for(people["liaison2"])
    # Resubmitted, it starts again at the table, with no votes carried over.
    item = recommendations.recommendation_submit(item=item, user=people["delegate1"])
    assert (item.status, item.stage) == ("in_review", "table")
    assert recommendations.approvals_at_current_stage(item) == []
    assert ("liaison", "request_changes", people["liaison2"].username) in actions(item)


def test_editing_after_an_approval_sends_the_item_back(item_at, people):
    item = item_at("liaison")
    recommendations.recommendation_approve(item=item, user=people["liaison1"])
    item = recommendations.recommendation_update(item=item, user=people["delegate1"], text="Texto corregido.")
    assert (item.status, item.stage) == ("in_review", "table")
    assert recommendations.approvals_at_current_stage(item) == []
    assert ("table", "sent_back", people["delegate1"].username) in actions(item)
    # Going through again publishes the edited text, not an older revision.
    for username in ("secretariat1", "liaison1", "liaison2", "network"):
        item = recommendations.recommendation_approve(item=item, user=people[username])
    assert item.live and RecommendationPage.objects.originals().get(pk=item.pk).text == "Texto corregido."


def test_editing_before_any_approval_keeps_the_stage(item_at, people):
    item = item_at("table")
    item = recommendations.recommendation_update(item=item, user=people["delegate1"], text="Otra redacción.")
    assert (item.status, item.stage) == ("in_review", "table")
    assert "sent_back" not in [a for _s, a, _u in actions(item)]


def test_withdraw_by_authors_only_and_never_once_published(item_at, people):
    item = item_at("liaison", co_authors=["delegate3"])
    with pytest.raises(NotAllowed):
        recommendations.recommendation_withdraw(item=item, user=people["secretariat1"])
    item = recommendations.recommendation_withdraw(item=item, user=people["delegate3"])  # a co-author
    assert (item.status, item.stage) == ("withdrawn", "")
    assert recommendations.tasks_for(people["liaison1"]) == [] or item not in recommendations.tasks_for(people["liaison1"])
    with pytest.raises(InvalidTransition):
        recommendations.recommendation_withdraw(item=item, user=people["delegate1"])
    published = item_at("published")
    with pytest.raises(InvalidTransition, match="published recommendation cannot be withdrawn"):
        recommendations.recommendation_withdraw(item=published, user=people["delegate1"])


def test_tasks_of_each_user(item_at, people):
    at_table, at_liaison, at_network = item_at("table"), item_at("liaison"), item_at("network")
    assert at_table in recommendations.tasks_for(people["secretariat1"])
    assert at_table not in recommendations.tasks_for(people["delegate1"])  # its author
    assert at_table not in recommendations.tasks_for(people["delegate2"])  # another table
    assert at_liaison in recommendations.tasks_for(people["liaison1"])
    recommendations.recommendation_approve(item=at_liaison, user=people["liaison1"])
    assert at_liaison not in recommendations.tasks_for(people["liaison1"])  # already voted
    assert at_liaison in recommendations.tasks_for(people["liaison2"])
    assert at_network in recommendations.tasks_for(people["network"])
    assert recommendations.tasks_for(people["member"]) == []


def test_notifications_are_sent_after_commit_in_the_recipients_language(item_at, people, django_capture_on_commit_callbacks):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(people["liaison2"])
    profile.preferred_language = "en"
    profile.save()
    item = item_at("table")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        recommendations.recommendation_approve(item=item, user=people["secretariat1"])
    assert callbacks, "notifications are enqueued on commit"
    by_recipient = {message.to[0]: message for message in mail.outbox}
    # The next stage's approvers, each in their language, with a link to the item.
    assert "Waiting for your review" in by_recipient[people["liaison2"].email].subject
    assert "Pendiente de su revisión" in by_recipient[people["liaison1"].email].subject
    # The link opens the item in the workspace, in the recipient's language (not the admin,
    # which the liaison group does not use).
    assert f"/espacio/recomendaciones/{item.pk}/" in by_recipient[people["liaison1"].email].body
    assert f"/en/espacio/recomendaciones/{item.pk}/" in by_recipient[people["liaison2"].email].body
    # The author, on the decision.
    assert people["delegate1"].email in by_recipient


def test_nothing_is_sent_when_the_transaction_rolls_back(item_at, people, django_capture_on_commit_callbacks):
    item = item_at("table")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                recommendations.recommendation_approve(item=item, user=people["secretariat1"])
                raise RuntimeError("something failed after the approval")
    assert callbacks == [] and mail.outbox == []
    item.refresh_from_db()
    assert (item.status, item.stage) == ("in_review", "table")


def test_daily_reminders_for_items_waiting_too_long(item_at, people, settings, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone
    from wagtail.models import TaskState

    from workflows.tasks import send_reminders

    item = item_at("table")
    settings.REVIEW_REMINDER_DAYS = 3
    state = recommendations.current_task(item)[0]
    TaskState.objects.filter(pk=state.pk).update(started_at=timezone.now() - datetime.timedelta(days=5))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() >= 1
    assert any(item.title in m.subject and people["secretariat1"].email in m.to for m in mail.outbox)
    assert send_reminders() == 0  # once a day


def test_co_authors_hold_an_object_permission_that_follows_the_co_author_list(item_at, people):
    delegate3 = people["delegate3"]  # of another table: rights come from co-authorship only
    item = item_at("draft", co_authors=["delegate3"])
    assert recommendations.can_edit(delegate3, item)
    item = recommendations.recommendation_update(item=item, user=delegate3, text="Aporte de la coautora.")
    item = recommendations.recommendation_update(item=item, user=people["delegate1"], co_authors=[])
    delegate3 = people["delegate3"]  # fresh permission cache
    assert not recommendations.can_edit(delegate3, item)
    with pytest.raises(NotAllowed):
        recommendations.recommendation_update(item=item, user=delegate3, text="Ya no.")
    assert recommendations.can_edit(people["delegate1"], item)  # the owner keeps it


def test_one_decision_one_e_mail_for_every_action(item_at, people, client, django_capture_on_commit_callbacks):
    """Each action e-mails each person concerned once: Wagtail's own workflow e-mails are off,
    whatever door the action came through (the services, or the admin's action menu)."""
    from collections import Counter

    item = item_at("draft")

    def act(step):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            step()
        return Counter(recipient for message in mail.outbox for recipient in message.to)

    steps = [
        lambda: recommendations.recommendation_submit(item=item, user=people["delegate1"]),
        lambda: recommendations.recommendation_approve(item=item, user=people["secretariat1"]),
        lambda: recommendations.recommendation_request_changes(item=item, user=people["liaison2"], comment="Precisar."),
        lambda: recommendations.recommendation_submit(item=item, user=people["delegate1"]),
    ]
    for number, step in enumerate(steps):
        sent = act(step)
        assert sent and max(sent.values()) == 1, (number, sent)
    # The admin's action menu (Wagtail's workflow action view): the same single e-mail.
    task_state = recommendations.current_task(item)[0]
    client.force_login(people["secretariat1"])
    sent = act(lambda: client.post(f"/admin/pages/workflow/action/{item.pk}/approve/{task_state.pk}/", {"comment": ""}))
    item.refresh_from_db()
    # The author, and the liaison stage's approvers: every liaison member and every administrator
    # (the demo world's among them; ours are the two liaisons named here).
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from workflows.roles import group_name

    approvers = get_user_model().objects.filter(Q(groups__name=group_name("liaison")) | Q(is_superuser=True), is_active=True)
    assert {people["liaison1"].email, people["liaison2"].email} <= set(approvers.values_list("email", flat=True))
    assert item.stage == "liaison" and sent == Counter(
        {email: 1 for email in [people["delegate1"].email, *approvers.values_list("email", flat=True)]}
    )
    # A liaison vote short of the quorum decides nothing yet: nobody is e-mailed until the stage is.
    assert act(lambda: recommendations.recommendation_approve(item=item, user=people["liaison1"])) == Counter()
    sent = act(lambda: recommendations.recommendation_approve(item=item, user=people["liaison2"]))
    assert max(sent.values()) == 1 and people["network"].email in sent
    sent = act(lambda: recommendations.recommendation_withdraw(item=item, user=people["delegate1"], reason="Pausa."))
    assert max(sent.values()) == 1 and people["delegate1"].email not in sent
