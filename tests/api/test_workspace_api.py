"""What the API gained for the workspace (issue #16): versions and their word-level diff, the
withdrawal's reason, and /me/."""

import pytest
from django.core import mail

from workflows import recommendations

pytestmark = pytest.mark.django_db


def test_versions_and_the_diff_between_them(as_user, api, item_at, people):
    item = item_at("liaison")  # approved by the table
    recommendations.recommendation_update(item=item, user=people["delegate1"], text="Texto corregido por la mesa.")
    url = f"/api/v1/recommendations/{item.pk}/"
    versions = as_user(people["delegate1"]).get(url).json()["versions"]
    assert [v["stage"] for v in versions if v["label"].startswith("Aprobada")] == ["table"]
    diff = as_user(people["delegate1"]).get(url + "diff/")
    assert diff.status_code == 200
    body = diff.json()
    assert body["to"] == versions[-1]["id"] and body["from"] != body["to"]
    assert {"op": "delete", "text": "Texto."} in body["text"] and {
        "op": "insert",
        "text": "Texto corregido por la mesa.",
    } in body["text"]
    assert all(segment["op"] == "equal" for segment in body["title"])
    chosen = as_user(people["delegate1"]).get(url + f"diff/?from={versions[0]['id']}&to={versions[0]['id']}").json()
    assert all(segment["op"] == "equal" for segment in chosen["text"])
    # Bad input: 400 on the parameter; outsiders: 404 (as for the history).
    assert set(as_user(people["delegate1"]).get(url + "diff/?from=999999").json()) == {"from"}
    assert set(as_user(people["delegate1"]).get(url + "diff/?to=abc").json()) == {"to"}
    assert as_user(people["delegate2"]).get(url + "diff/").status_code == 404
    assert api.get(url + "diff/").status_code == 404


def test_the_public_sees_no_versions(api, as_user, item_at, people):
    item = item_at("published")
    url = f"/api/v1/recommendations/{item.pk}/"
    assert api.get(url).json()["versions"] == []
    assert as_user(people["delegate1"]).get(url).json()["versions"]


def test_withdrawing_through_the_api_records_the_reason(as_user, item_at, people, django_capture_on_commit_callbacks):
    item = item_at("table")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(people["delegate1"]).post(
            f"/api/v1/recommendations/{item.pk}/withdraw/", {"reason": "Duplicada."}, format="json"
        )
    assert response.json()["status"] == "withdrawn" and response.json()["history"][-1]["comment"] == "Duplicada."
    assert any("Duplicada." in message.body for message in mail.outbox)


def test_me(as_user, api, item_at, people):
    assert api.get("/api/v1/me/").status_code in (401, 403)
    secretariat, delegate2 = as_user(people["secretariat1"]), as_user(people["delegate2"])
    waiting_before = secretariat.get("/api/v1/me/").json()["waiting"], delegate2.get("/api/v1/me/").json()["waiting"]
    item_at("table")  # a table-1 item waiting at its table's stage
    me = secretariat.get("/api/v1/me/").json()
    assert me["roles"] == [{"role": "secretariat", "table": "1"}]
    assert me["tables"] == {"reads": ["1"], "drafts": ["1"]} and me["organisation"] is None
    assert me["waiting"] == waiting_before[0] + 1  # it waits for table 1's secretariat...
    member = as_user(people["member"]).get("/api/v1/me/").json()
    assert member["tables"] == {"reads": ["1"], "drafts": []} and member["organisation"]["name"]
    assert delegate2.get("/api/v1/me/").json()["waiting"] == waiting_before[1]  # ...not for another table's delegate
