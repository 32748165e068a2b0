import pytest

pytestmark = pytest.mark.django_db


def test_public_submissions_are_rate_limited(api):
    body = {"title": "t", "summary": "s", "objectives": ["7"], "submitter_email": "a@example.org"}
    codes = [
        api.post("/api/v1/practices/submissions/", {**body, "title": f"Práctica {n}"}, format="json").status_code
        for n in range(11)
    ]
    assert codes[:10] == [201] * 10 and codes[10] == 429
    assert api.get("/api/v1/practices/").status_code == 200  # reading is not limited by that scope
