"""The permission matrix of tests/workflows repeated over HTTP: every role × action × state.

Allowed → 200; refused on an item the caller cannot see → 404; refused on an item they can
see → 403 (not theirs to do) or 409 (not possible in this state); anonymous writes are refused
before any lookup (401/403 for every id, so they reveal nothing). Each attempt is rolled back.
Everyone and the item are made by the factories, never the demo world's.
"""

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from tests import factories
from tests.workflows.test_permission_matrix import ACTIONS, EXPECTED, ROLES

pytestmark = pytest.mark.django_db

CALLS = {
    "view": ("get", "", None),
    "edit": ("patch", "", {"text": "Texto cambiado."}),
    "submit": ("post", "submit/", {}),
    "approve": ("post", "approve/", {}),
    "request_changes": ("post", "request-changes/", {"comment": "Revisar."}),
    "withdraw": ("post", "withdraw/", {}),
}


class Rollback(Exception):
    pass


def attempt(client, item, action) -> int:
    method, suffix, body = CALLS[action]
    status = {}
    try:
        with transaction.atomic():
            response = getattr(client, method)(f"/api/v1/recommendations/{item.pk}/{suffix}", body, format="json")
            status["code"] = response.status_code
            raise Rollback
    except Rollback:
        pass
    return status["code"]


@pytest.mark.parametrize("state", list(EXPECTED))
def test_permission_matrix_over_http(state, item_at, people):
    users = {
        "anonymous": None,
        "member": people["member"],  # of an organisation of table 1
        "outsider": factories.user("member"),  # of a new organisation, of no table
        "author": people["delegate1"],
        "peer": people["peer"],
        "secretariat": people["secretariat1"],
        "other_delegate": people["delegate2"],
        "liaison": people["liaison1"],
        "network": people["network"],
        "curator": people["curator"],
    }
    item = item_at(state)
    wrong = []
    for role in ROLES:
        client = APIClient()
        if users[role] is not None:
            client.force_authenticate(users[role])
        visible = role in EXPECTED[state]["view"]
        for action in ACTIONS:
            code = attempt(client, item, action)
            if role in EXPECTED[state][action]:
                ok = code in (200, 201)
            elif role == "anonymous" and action != "view":
                ok = code in (401, 403)
            elif not visible:
                ok = code == 404
            else:
                ok = code in (401, 403, 409)
            if not ok:
                wrong.append(f"{role} {action} -> {code}")
    assert wrong == [], f"state {state}: " + "; ".join(wrong)
