"""What the API gained for the workspace (issue #16): versions and their word-level diff, the
withdrawal's reason, and /me/."""

import pytest
from django.core import mail

from workflows import recommendations

pytestmark = pytest.mark.django_db


def test_versions_and_the_diff_between_them(as_user, api, make_item, user_named):
    item = make_item("liaison")  # approved by the table
    recommendations.recommendation_update(item=item, user=user_named("delegate1"), text="Texto corregido por la mesa.")
    url = f"/api/v1/recommendations/{item.pk}/"
    versions = as_user("delegate1").get(url).json()["versions"]
    assert [v["stage"] for v in versions if v["label"].startswith("Aprobada")] == ["table"]
    diff = as_user("delegate1").get(url + "diff/")
    assert diff.status_code == 200
    body = diff.json()
    assert body["to"] == versions[-1]["id"] and body["from"] != body["to"]
    assert {"op": "delete", "text": "Texto."} in body["text"] and {
        "op": "insert",
        "text": "Texto corregido por la mesa.",
    } in body["text"]
    assert all(segment["op"] == "equal" for segment in body["title"])
    chosen = as_user("delegate1").get(url + f"diff/?from={versions[0]['id']}&to={versions[0]['id']}").json()
    assert all(segment["op"] == "equal" for segment in chosen["text"])
    # Bad input: 400 on the parameter; outsiders: 404 (as for the history).
    assert set(as_user("delegate1").get(url + "diff/?from=999999").json()) == {"from"}
    assert set(as_user("delegate1").get(url + "diff/?to=abc").json()) == {"to"}
    assert as_user("delegate2").get(url + "diff/").status_code == 404
    assert api.get(url + "diff/").status_code == 404


def test_the_public_sees_no_versions(api, as_user, make_item):
    item = make_item("published")
    url = f"/api/v1/recommendations/{item.pk}/"
    assert api.get(url).json()["versions"] == []
    assert as_user("delegate1").get(url).json()["versions"]


def test_withdrawing_through_the_api_records_the_reason(as_user, make_item, django_capture_on_commit_callbacks):
    item = make_item("table")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user("delegate1").post(
            f"/api/v1/recommendations/{item.pk}/withdraw/", {"reason": "Duplicada."}, format="json"
        )
    assert response.json()["status"] == "withdrawn" and response.json()["history"][-1]["comment"] == "Duplicada."
    assert any("Duplicada." in message.body for message in mail.outbox)


def test_me(as_user, api):
    assert api.get("/api/v1/me/").status_code in (401, 403)
    me = as_user("secretariat1").get("/api/v1/me/").json()
    assert me["roles"] == [{"role": "secretariat", "table": "1"}]
    assert me["tables"] == {"reads": ["1"], "drafts": ["1"]} and me["organisation"] is None
    assert me["waiting"] >= 1  # the demo item waiting at table 1's stage
    member = as_user("member").get("/api/v1/me/").json()
    assert member["tables"] == {"reads": ["1"], "drafts": []} and member["organisation"]["name"]
    assert as_user("delegate2").get("/api/v1/me/").json()["waiting"] == 0
