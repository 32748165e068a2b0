"""Every role × every action × every state of a recommendation, asserting allowed or refused.

The expectations are written out by hand from SPEC §1 and §3 (not computed from the code under
test). The item is a table-1 recommendation authored by a delegate of table 1; ``peer`` is
another delegate of table 1; the liaison member is the first of the table's reviewers' liaisons,
who voted on the way to the network stage and requested the changes in ``changes_requested``.
``member`` belongs to an organisation of table 1, so they read the table's working material
(SPEC §2: the table space's members-only area has its drafts) but draft nothing; ``outsider``
belongs to an organisation of no table. Everyone is made here (``tests/factories.py``), never
the demo world's accounts.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from tests import factories
from workflows import recommendations
from workflows.errors import WorkflowError

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "outsider", "author", "peer", "secretariat", "other_delegate", "liaison", "network", "curator"]
ACTIONS = ["view", "edit", "submit", "approve", "request_changes", "withdraw"]
TABLE = {"author", "peer", "secretariat"}
READERS = TABLE | {"member"}
EVERYONE = set(ROLES)
NONE: set[str] = set()

EXPECTED = {
    "draft": {"view": READERS, "edit": TABLE, "submit": TABLE, "approve": NONE, "request_changes": NONE, "withdraw": {"author"}},
    "table": {
        "view": READERS,
        "edit": TABLE,
        "submit": NONE,
        "approve": {"peer", "secretariat"},
        "request_changes": {"peer", "secretariat"},
        "withdraw": {"author"},
    },
    "liaison": {
        "view": READERS | {"liaison"},
        "edit": TABLE,
        "submit": NONE,
        "approve": {"liaison"},
        "request_changes": {"liaison"},
        "withdraw": {"author"},
    },
    "network": {
        "view": READERS | {"liaison", "network"},
        "edit": TABLE,
        "submit": NONE,
        "approve": {"network"},
        "request_changes": {"network"},
        "withdraw": {"author"},
    },
    "changes_requested": {
        "view": READERS | {"liaison"},
        "edit": TABLE,
        "submit": TABLE,
        "approve": NONE,
        "request_changes": NONE,
        "withdraw": {"author"},
    },
    "published": {"view": EVERYONE, "edit": TABLE, "submit": NONE, "approve": NONE, "request_changes": NONE, "withdraw": NONE},
    "withdrawn": {"view": READERS, "edit": NONE, "submit": TABLE, "approve": NONE, "request_changes": NONE, "withdraw": NONE},
}


class Rollback(Exception):
    pass


def attempt(action, item, user) -> bool:
    """True if the service lets ``user`` do ``action`` (the effect is rolled back)."""
    if action == "view":
        return recommendations.can_view(user, item)
    call = {
        "edit": lambda: recommendations.recommendation_update(item=item, user=user, text="Texto cambiado."),
        "submit": lambda: recommendations.recommendation_submit(item=item, user=user),
        "approve": lambda: recommendations.recommendation_approve(item=item, user=user),
        "request_changes": lambda: recommendations.recommendation_request_changes(item=item, user=user, comment="Revisar."),
        "withdraw": lambda: recommendations.recommendation_withdraw(item=item, user=user),
    }[action]
    try:
        with transaction.atomic():
            call()
            raise Rollback
    except Rollback:
        return True
    except WorkflowError:
        return False


def item_in(state, author, reviewers):
    """The item at ``state``; at ``liaison`` the table has approved it and no liaison has voted
    yet (the factory's ``liaison`` state has one vote already)."""
    if state == "liaison":
        item = factories.recommendation("table", author=author, reviewers=reviewers)
        recommendations.recommendation_approve(item=item, user=reviewers.secretariat)
        return type(item).objects.get(pk=item.pk)
    return factories.recommendation(state, author=author, reviewers=reviewers)


@pytest.mark.parametrize("state", list(EXPECTED))
def test_permission_matrix(state):
    reviewers = factories.Reviewers("1")
    users = {
        "anonymous": AnonymousUser(),
        "member": factories.user("member", organisation=factories.organisation(tables=["1"])),
        "outsider": factories.user("member"),  # of a new organisation, of no table
        "author": factories.user("delegate", table="1"),
        "peer": factories.user("delegate", table="1"),
        "secretariat": reviewers.secretariat,
        "other_delegate": factories.user("delegate", table="2"),
        "liaison": reviewers.liaisons[0],
        "network": reviewers.network,
        "curator": reviewers.curator,
    }
    item = item_in(state, users["author"], reviewers)
    before = (item.status, item.stage, item.live, len(recommendations.history_of(item)))
    wrong = []
    for role in ROLES:
        for action in ACTIONS:
            allowed = attempt(action, item, users[role])
            if allowed != (role in EXPECTED[state][action]):
                wrong.append(f"{role} {'may' if allowed else 'may not'} {action}")
    assert wrong == [], f"state {state}: " + "; ".join(wrong)
    item.refresh_from_db()
    assert (item.status, item.stage, item.live, len(recommendations.history_of(item))) == before  # all rolled back
