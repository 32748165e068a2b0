"""Digests (issue #18): for each person whose daily or weekly period has passed, one e-mail with
every notification of theirs not yet sent in those categories, grouped by table and item, newest
first, in their language (plain text and HTML), with links and a one-click unsubscribe.

Exactly once: a person's digest is built while their ``NotificationSettings`` row is locked
(``SELECT … FOR UPDATE SKIP LOCKED``: a second run at the same time skips them) and its
notifications are marked sent in the transaction that sends it, so a run that is killed and run
again sends what the first did not, and nothing twice. (The one window left is between the mail
server accepting the message and that transaction committing: a crash exactly there resends
that digest; SMTP offers nothing to close it.)
"""

from __future__ import annotations

import datetime
from collections import OrderedDict

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cms.taxonomies import TABLES, table_name

from .models import Frequency, Notification, NotificationCategory, NotificationSettings
from .notifications import effective_frequency
from .tasks import context_of, language_of, send, template_of, unsubscribe_link

PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}
LAST = {Frequency.DAILY: "last_daily_digest", Frequency.WEEKLY: "last_weekly_digest"}


def due(settings: NotificationSettings, now, force: bool) -> set[str]:
    """The digest frequencies whose period has passed for this person."""
    frequencies = set()
    for frequency, period in PERIODS.items():
        last = getattr(settings, LAST[frequency])
        if force or last is None or now - last >= period:
            frequencies.add(frequency)
    return frequencies


def _settings_row(user_id: int) -> NotificationSettings | None:
    """The person's settings row, locked; None if another run holds it."""
    try:
        with transaction.atomic():
            NotificationSettings.objects.get_or_create(user_id=user_id)
    except IntegrityError:
        pass  # created by a concurrent run
    return (
        NotificationSettings.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(user_id=user_id)
        .select_related("user")
        .first()
    )


def send_due(*, now=None, force: bool = False) -> int:
    """One digest for each person with something due; returns how many digests were sent.
    ``force`` (``send_digests --now``): every period counts as passed."""
    now = now or timezone.now()
    waiting = Notification.objects.filter(sent_at=None, recipient__isnull=False)
    sent = 0
    for user_id in waiting.values_list("recipient_id", flat=True).distinct().order_by("recipient_id"):
        with transaction.atomic():
            settings = _settings_row(user_id)
            if settings is None:
                continue  # another digest run is on this person now
            frequencies = due(settings, now, force)
            if not frequencies:
                continue
            pending = list(
                Notification.objects.select_for_update(of=("self",))
                .filter(recipient_id=user_id, sent_at=None)
                .select_related("page", "recipient")
                .order_by("-created_at", "-pk")
            )
            included = [n for n in pending if effective_frequency(n, settings) in frequencies]
            if not included:
                continue
            send_digest(settings.user, included)
            Notification.objects.filter(pk__in=[n.pk for n in included]).update(sent_at=now)
            for frequency in {effective_frequency(n, settings) for n in included}:
                setattr(settings, LAST[frequency], now)
            settings.save(update_fields=list(LAST.values()))
            sent += 1
    return sent


def digest_groups(user, notifications) -> list[dict]:
    """``[{"table", "items": [{"title", "link", "entries": [{"summary", "at", "comment", "link"}]}]}]``,
    tables in their order (then what belongs to none), items and entries newest first."""
    tables: OrderedDict = OrderedDict()
    for notification in notifications:  # newest first already
        context = context_of(notification, user)
        summary = " ".join(
            render_to_string(f"workflows/email/{template_of(notification)}_subject.txt", {**context, "user": user}).split()
        )
        key = notification.page_id or f"{notification.event}:{notification.params.get('contribution', notification.pk)}"
        table = tables.setdefault(notification.table or "", OrderedDict())
        item = table.setdefault(key, {"title": context["title"] or summary, "link": context["link"], "entries": []})
        what = summary.replace(f": {context['title']}", "") if context["title"] else summary  # the item is the heading
        if notification.event == "follow_up_changed":
            what += f": {context['status']}"
        if context.get("country") and context["country"] not in what:
            what += f" ({context['country']})"
        item["entries"].append(
            {"summary": what, "at": notification.created_at, "comment": context["comment"], "link": context["link"]}
        )
    order = [code for code in TABLES.codes if code in tables] + [code for code in tables if code not in TABLES]
    return [{"table": table_name(code) if code else "", "items": list(tables[code].values())} for code in order]


def send_digest(user, notifications) -> None:
    with translation.override(language_of(user)):
        groups = digest_groups(user, notifications)
        categories = sorted({n.category for n in notifications})
        unsubscribe = [{"category": NotificationCategory(c).label, "link": unsubscribe_link(user, c)} for c in categories]
        language = translation.get_language()
    send(
        user,
        "digest",
        {
            "groups": groups,
            "count": len(notifications),
            "unsubscribe_links": unsubscribe,
            "language": language,
            "unsubscribe": unsubscribe[0]["link"] if len(unsubscribe) == 1 else "",
        },
    )
