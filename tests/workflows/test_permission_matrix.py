"""Every role × every action × every state of a recommendation, asserting allowed or refused.

The expectations are written out by hand from SPEC §1 and §3 (not computed from the code under
test). The item is a table-1 recommendation authored by delegate1; ``peer`` is another
delegate of table 1; the liaison member is liaison1, who voted on the way to the network stage
and requested the changes in ``changes_requested``. ``member`` belongs to an organisation of
table 1, so they read the table's working material (SPEC §2: the table space's members-only
area has its drafts) but draft nothing; ``outsider`` belongs to an organisation of no table.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

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


@pytest.mark.parametrize("state", list(EXPECTED))
def test_permission_matrix(state, make_item, user_named, peer, outsider):
    users = {
        "anonymous": AnonymousUser(),
        "member": user_named("member"),
        "outsider": outsider,
        "author": user_named("delegate1"),
        "peer": peer,
        "secretariat": user_named("secretariat1"),
        "other_delegate": user_named("delegate2"),
        "liaison": user_named("liaison1"),
        "network": user_named("network"),
        "curator": user_named("curator"),
    }
    item = make_item(state)
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
