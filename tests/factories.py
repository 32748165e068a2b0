"""Test data built through the services, each call with new objects and unique names: users
with roles, recommendations and practices at each state, contributions, follow-up reports.

Tests that use them depend only on the site's structure (the table spaces, the repository, the
role groups and the workflows: what ``setup_site`` makes), never on the demo world's accounts or
items, so editing ``cms/demo/data.py`` cannot break them. The demo world stays for rendering and
smoke tests.
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from cms.models import FollowUpReport, Organisation, PracticePage, RecommendationPage
from workflows import contributions, followups, practices, recommendations
from workflows.roles import grant_role

PASSWORD = "a-long-pass-phrase"
_numbers = itertools.count(1)


def number() -> int:
    return next(_numbers)


def organisation(**fields) -> Organisation:
    """A new organisation (of no table unless ``tables`` is given)."""
    n = number()
    return Organisation.objects.create(**({"name": f"Organización {n}", "slug": f"organizacion-{n}"} | fields))


def user(role: str | None = None, *, table: str | None = None, organisation: Organisation | None = None, **fields):
    """A new active account, with ``role`` (``admin``, ``curator``, ``network``, ``liaison``,
    ``delegate``/``secretariat`` of ``table``, ``member`` of ``organisation``, a new one when
    not given) or none."""
    username = fields.pop("username", None) or f"{role or 'user'}{table or ''}-{number()}"
    account = get_user_model().objects.create_user(username, f"{username}@enlace.example", PASSWORD, **fields)
    if role == "member" and organisation is None:
        organisation = globals()["organisation"]()
    if role:
        grant_role(account, role, table=table, organisation=organisation)
    return account


@dataclass
class Reviewers:
    """The people of the three stages of one table's review: its secretariat, two liaisons (the
    quorum), the network; and a curator for practices. New accounts unless given."""

    table: str = "1"
    secretariat: object = None
    liaisons: list | None = None
    network: object = None
    curator: object = None

    def __post_init__(self):
        self.secretariat = self.secretariat or user("secretariat", table=self.table)
        self.liaisons = self.liaisons or [user("liaison"), user("liaison")]
        self.network = self.network or user("network")
        self.curator = self.curator or user("curator")


RECOMMENDATION_STATES = ("draft", "table", "liaison", "network", "published", "changes_requested", "withdrawn")


def recommendation(
    state: str = "draft",
    *,
    table: str = "1",
    author=None,
    co_authors=(),
    reviewers: Reviewers | None = None,
    **data,
) -> RecommendationPage:
    """A recommendation of ``table`` by ``author`` (a new delegate when not given) brought to
    ``state`` by the services: draft, table (submitted), liaison (approved by the table, one
    liaison vote), network, published, changes_requested (sent back by a liaison), withdrawn."""
    if state not in RECOMMENDATION_STATES:
        raise ValueError(state)
    author = author or user("delegate", table=table)
    data = {"title": f"Recomendación de prueba {number()}", "text": "Texto.", "objectives": ["7"]} | data
    item = recommendations.recommendation_create(user=author, table=table, co_authors=list(co_authors), **data)
    if state == "withdrawn":
        return recommendations.recommendation_withdraw(item=item, user=author)
    if state == "draft":
        return item
    reviewers = reviewers or Reviewers(table)
    item = recommendations.recommendation_submit(item=item, user=author)
    if state == "table":
        return _fresh(item)
    item = recommendations.recommendation_approve(item=item, user=reviewers.secretariat)
    if state == "changes_requested":
        return _fresh(recommendations.recommendation_request_changes(item=item, user=reviewers.liaisons[0], comment="Precisar."))
    item = recommendations.recommendation_approve(item=item, user=reviewers.liaisons[0])
    if state == "liaison":
        return _fresh(item)
    item = recommendations.recommendation_approve(item=item, user=reviewers.liaisons[1])
    if state == "network":
        return _fresh(item)
    return _fresh(recommendations.recommendation_approve(item=item, user=reviewers.network))


def _fresh(item):
    return type(item).objects.get(pk=item.pk)


PRACTICE_STATES = ("pending", "published", "sent_back")


def practice(state: str = "pending", *, submitter=None, curator=None, **data) -> PracticePage:
    """A practice proposed by ``submitter`` (a new member when not given) and brought to
    ``state``: pending (in moderation), published, sent_back."""
    if state not in PRACTICE_STATES:
        raise ValueError(state)
    submitter = submitter or user("member")
    data = {
        "title": f"Práctica de prueba {number()}",
        "summary": "Resumen.",
        "countries": ["PE"],
        "objectives": ["7"],
    } | data
    page = practices.practice_submit(user=submitter, data=data)
    if state == "published":
        page = practices.practice_publish(item=page, user=curator or user("curator"))
    elif state == "sent_back":
        page = practices.practice_send_back(item=page, user=curator or user("curator"), comment="Completar.")
    return _fresh(page)


def contribution(*, table: str = "1", author=None, **data):
    """A contribution to ``table`` by ``author`` (a new delegate of the table when not given)."""
    author = author or user("delegate", table=table)
    data = {"title": f"Aporte de prueba {number()}", "text": "Texto del aporte."} | data
    return contributions.contribution_create(user=author, table=table, **data)


REPORT_STATES = ("pending", "published", "sent_back")


def follow_up_report(
    state: str = "pending", *, recommendation: RecommendationPage | None = None, reporter=None, reviewer=None, **data
) -> FollowUpReport:
    """A follow-up report on ``recommendation`` (a new published one when not given) by
    ``reporter`` (a new member when not given), brought to ``state`` by a reviewer (a new
    network member when not given)."""
    if state not in REPORT_STATES:
        raise ValueError(state)
    recommendation = recommendation or globals()["recommendation"]("published")
    data = {
        "country": "PE",
        "status": "in_progress",
        "actor": "Ministerio",
        "date": datetime.date(2025, 3, 1),
        "description": "Avances.",
    } | data
    report = followups.submit(recommendation=recommendation, user=reporter or user("member"), data=data)
    if state == "published":
        report = followups.publish(report=report, user=reviewer or user("network"))
    elif state == "sent_back":
        report = followups.send_back(report=report, user=reviewer or user("network"), comment="Falta evidencia.")
    return FollowUpReport.objects.get(pk=report.pk)


def names(page: str, account) -> bool:
    """Whether ``page`` (HTML or text) shows ``account``'s name: its full name, or its username
    as a whole word (``liaison-7`` is not ``liaison-70``)."""
    return re.search(rf"(?<![\w-]){re.escape(account.get_full_name() or account.username)}(?![\w-])", page) is not None
