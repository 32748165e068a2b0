"""Follow-up reports through the API, as clients use it (tokens, JSON, CSV): the workflow on a
factory-made recommendation with factory-made people; the filters and the board on the demo
data."""

import csv
import io

import pytest

from cms.models import RecommendationPage
from tests import factories

pytestmark = pytest.mark.django_db

BODY = {
    "country": "GT",
    "status": "implemented",
    "actor": "Instituto Guatemalteco de Migración",
    "date": "2024-05-02",
    "description": "Acuerdo gubernativo que crea el régimen.",
    "evidence_urls": ["https://example.org/acuerdo"],
}


@pytest.fixture
def recommendation(db):
    """A published recommendation of table 2 (``people["delegate2"]`` is a delegate of it)."""
    return factories.recommendation("published", table="2")


def _ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def _follow_up(api, recommendation):
    return {row["country"]: row["status"] for row in api.get(f"/api/v1/recommendations/{recommendation.pk}/").json()["follow_up"]}


def _facet(api, name, **params):
    response = api.get("/api/v1/recommendations/", params)
    return {value["code"]: value["count"] for value in response.json()["facets"][name]}


def _csv_rows(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_whole_path_from_submission_to_the_board(api, as_user, people, recommendation):
    member, curator, network = as_user(people["member"]), as_user(people["curator"]), as_user(people["network"])
    other = as_user(people["delegate2"])  # of the recommendation's table, not the reporter
    url = f"/api/v1/recommendations/{recommendation.pk}/follow-ups/"
    board_before = api.get("/api/v1/progress/").json()
    facet_before = _facet(api, "follow_up_country")
    hits_before = {hit["id"] for hit in api.get("/api/v1/recommendations/", {"follow_up_country": "GT"}).json()["results"]}
    csv_before = [row["id"] for row in _csv_rows(api.get("/api/v1/follow-ups/", {"format": "csv", "country": "GT"}))]

    created = member.post(url, BODY, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["review_status"] == "submitted"
    report = created.json()["id"]

    # Invisible to the public and to other members, everywhere.
    assert api.get(f"/api/v1/follow-ups/{report}/").status_code == 404
    assert other.get(f"/api/v1/follow-ups/{report}/").status_code == 404
    assert report not in _ids(api.get("/api/v1/follow-ups/", {"recommendation": recommendation.pk}))
    assert report not in _ids(other.get(url))
    assert report not in _ids(other.get("/api/v1/follow-ups/", {"review_status": "submitted"}))
    assert "GT" not in _follow_up(api, recommendation)
    assert api.get("/api/v1/progress/").json()["totals"] == board_before["totals"]
    assert _facet(api, "follow_up_country") == facet_before
    assert all(row["id"] != str(report) for row in _csv_rows(api.get("/api/v1/follow-ups/", {"format": "csv"})))
    # The reporter and the reviewers see it.
    assert member.get(f"/api/v1/follow-ups/{report}/").json()["review_status"] == "submitted"
    assert report in _ids(curator.get("/api/v1/follow-ups/", {"review_status": "submitted"}))

    # Send back: without a comment 400, with one 200.
    response = curator.post(f"/api/v1/follow-ups/{report}/send-back/", {}, format="json")
    assert response.status_code == 400 and "comment" in response.json()
    response = curator.post(f"/api/v1/follow-ups/{report}/send-back/", {"comment": "Falta el número del acuerdo."}, format="json")
    assert response.status_code == 200 and response.json()["review_status"] == "sent_back"
    assert member.get(f"/api/v1/follow-ups/{report}/").json()["review_comment"] == "Falta el número del acuerdo."
    assert api.get(f"/api/v1/follow-ups/{report}/").status_code == 404

    # Only the reporter corrects it; the correction resubmits it.
    assert other.patch(f"/api/v1/follow-ups/{report}/", {"description": "x"}, format="json").status_code == 404
    response = member.patch(f"/api/v1/follow-ups/{report}/", {"description": "Acuerdo gubernativo 12-2024."}, format="json")
    assert response.status_code == 200 and response.json()["review_status"] == "submitted"
    assert member.patch(f"/api/v1/follow-ups/{report}/", {"description": "y"}, format="json").status_code == 409

    # The reporter cannot publish their own; the network does.
    assert member.post(f"/api/v1/follow-ups/{report}/publish/", {}, format="json").status_code == 403
    response = network.post(f"/api/v1/follow-ups/{report}/publish/", {}, format="json")
    assert response.status_code == 200 and response.json()["review_status"] == "published"
    assert network.post(f"/api/v1/follow-ups/{report}/publish/", {}, format="json").status_code == 409

    # Now public: detail, lists, the recommendation's follow_up, board, facets, CSV.
    assert api.get(f"/api/v1/follow-ups/{report}/").status_code == 200
    assert report in _ids(api.get(url))
    assert _follow_up(api, recommendation)["GT"] == "implemented"
    hits = {hit["id"]: hit for hit in api.get("/api/v1/recommendations/", {"follow_up_country": "GT"}).json()["results"]}
    assert set(hits) == hits_before | {recommendation.pk} and recommendation.pk not in hits_before
    assert {"country": "GT", "status": "implemented"}.items() <= hits[recommendation.pk]["follow_up"][0].items()
    board_after = api.get("/api/v1/progress/").json()
    assert board_after["totals"]["by_status"]["implemented"] == board_before["totals"]["by_status"]["implemented"] + 1
    assert board_after["totals"]["pairs"] == board_before["totals"]["pairs"] + 1
    assert _facet(api, "follow_up_country")["GT"] == facet_before.get("GT", 0) + 1
    assert _facet(api, "follow_up_status")["implemented"] == _facet(api, "follow_up_status").get("implemented", 0)
    rows = [row for row in _csv_rows(api.get("/api/v1/follow-ups/", {"format": "csv", "country": "GT"}))]
    assert [(row["id"], row["status"], row["evidence"]) for row in rows if row["id"] not in csv_before] == [
        (str(report), "implemented", "https://example.org/acuerdo")
    ]
    board_rows = _csv_rows(api.get("/api/v1/progress/", {"format": "csv", "country": "GT"}))
    assert [
        (row["recommendation_id"], row["status"], row["current"])
        for row in board_rows
        if row["recommendation_id"] == str(recommendation.pk)
    ] == [(str(recommendation.pk), "implemented", "yes")]


def test_facet_counts_move_with_a_published_status(api, as_user, people, recommendation):
    before = _facet(api, "follow_up_status")
    report = (
        as_user(people["member"])
        .post(
            f"/api/v1/recommendations/{recommendation.pk}/follow-ups/",
            {**BODY, "status": "not_implemented", "evidence_urls": []},
            format="json",
        )
        .json()["id"]
    )
    assert _facet(api, "follow_up_status") == before
    as_user(people["curator"]).post(f"/api/v1/follow-ups/{report}/publish/", {}, format="json")
    after = _facet(api, "follow_up_status")
    assert after["not_implemented"] == before.get("not_implemented", 0) + 1
    # Multi-select: OR within the facet.
    both = api.get("/api/v1/recommendations/", [("follow_up_status", "not_implemented"), ("follow_up_status", "implemented")])
    assert both.json()["count"] == len(
        {
            row["id"]
            for status in ("not_implemented", "implemented")
            for row in api.get("/api/v1/recommendations/", {"follow_up_status": status, "page_size": 100}).json()["results"]
        }
    )


def test_bad_reports_get_field_errors_and_nothing_is_written(as_user, people, recommendation):
    from cms.models import FollowUpReport

    client = as_user(people["member"])
    url = f"/api/v1/recommendations/{recommendation.pk}/follow-ups/"
    count = FollowUpReport.objects.count()
    cases = [
        ({**BODY, "date": "mañana"}, "date"),
        ({**BODY, "date": "2999-01-01"}, "date"),
        ({**BODY, "country": "XX"}, "country"),
        ({**BODY, "status": "done"}, "status"),
        ({**BODY, "evidence_urls": []}, "evidence_urls"),
        ({**BODY, "evidence_urls": ["not a url"]}, "evidence_urls"),
        ({**BODY, "practices": [0]}, "practices"),
        ({**BODY, "practices": [987654321]}, "practices"),
        ({**BODY, "actor": ""}, "actor"),
        ({k: v for k, v in BODY.items() if k != "description"}, "description"),
        ({**BODY, "evidence_urls": "https://example.org"}, "evidence_urls"),
    ]
    for body, field in cases:
        response = client.post(url, body, format="json")
        assert response.status_code == 400, (body, response.content)
        assert field in response.json(), (field, response.json())
    assert FollowUpReport.objects.count() == count


def test_reports_only_on_published_recommendations(as_user, people, item_at):
    draft = item_at("table")
    response = as_user(people["member"]).post(f"/api/v1/recommendations/{draft.pk}/follow-ups/", BODY, format="json")
    assert response.status_code == 404


def test_anonymous_reports_need_an_email_and_are_throttled(api, recommendation):
    url = f"/api/v1/recommendations/{recommendation.pk}/follow-ups/"
    body = {**BODY, "status": "planned", "evidence_urls": []}
    response = api.post(url, body, format="json")
    assert response.status_code == 400 and "reporter_email" in response.json()
    codes = [api.post(url, {**body, "reporter_email": "vecina@example.org"}, format="json").status_code for _ in range(10)]
    # One request of the scope's 10 an hour went to the missing e-mail above.
    assert codes[:9] == [201] * 9 and codes[9] == 429
    assert api.get(url).status_code == 200  # reading is not limited by that scope


def test_members_are_not_throttled_by_the_public_limit(as_user, people, recommendation):
    client = as_user(people["member"])
    body = {**BODY, "status": "planned", "evidence_urls": []}
    codes = {
        client.post(f"/api/v1/recommendations/{recommendation.pk}/follow-ups/", body, format="json").status_code
        for _ in range(12)
    }
    assert codes == {201}


def test_follow_and_unfollow(api, as_user, people, recommendation):
    client = as_user(people["member"])
    url = f"/api/v1/recommendations/{recommendation.pk}/follow/"
    assert api.post(url).status_code in (401, 403)
    assert client.post(url).json() == {"following": True}
    assert client.get(f"/api/v1/recommendations/{recommendation.pk}/").json()["following"] is True
    assert client.delete(url).json() == {"following": False}
    assert client.get(f"/api/v1/recommendations/{recommendation.pk}/").json()["following"] is False


def test_follow_up_filters_and_their_errors(api):
    everything = api.get("/api/v1/follow-ups/", {"page_size": 100}).json()
    assert everything["count"] == 14  # the demo's published reports (2 waiting, 1 sent back are not here)
    peru = api.get("/api/v1/follow-ups/", {"country": "PE", "page_size": 100}).json()["results"]
    assert peru and {row["country"] for row in peru} == {"PE"}
    table_two = api.get("/api/v1/follow-ups/", {"table": "2", "page_size": 100}).json()["results"]
    assert all(RecommendationPage.objects.originals().get(pk=row["recommendation"]).table == "2" for row in table_two)
    for params in (
        {"country": "XX"},
        {"status": "done"},
        {"table": "9"},
        {"objective": "99"},
        {"recommendation": "abc"},
        {"event": "no-such-event"},
        {"review_status": "lost"},
    ):
        response = api.get("/api/v1/follow-ups/", params)
        assert response.status_code == 400 and set(params) <= set(response.json()), params
    # Asking for what waits for review shows nothing to the public (with one made to wait here).
    factories.follow_up_report("pending")
    assert api.get("/api/v1/follow-ups/", {"review_status": "submitted"}).json()["count"] == 0


def test_progress_filters_and_grouping(api):
    everything = api.get("/api/v1/progress/").json()
    assert everything["totals"]["recommendations"] == 21
    by_objective = api.get("/api/v1/progress/", {"group_by": "objective"}).json()
    assert by_objective["totals"] == everything["totals"]
    assert all(group["code"].isdigit() for group in by_objective["groups"])
    implemented = api.get("/api/v1/progress/", [("status", "implemented"), ("status", "in_progress")]).json()
    assert (
        implemented["totals"]["pairs"]
        == everything["totals"]["by_status"]["implemented"] + everything["totals"]["by_status"]["in_progress"]
    )
    narrowed = api.get("/api/v1/progress/", [("status", "implemented"), ("country", "PE")]).json()
    assert (
        narrowed["totals"]["pairs"] == next(c for c in everything["countries"] if c["code"] == "PE")["by_status"]["implemented"]
    )


def test_schema_documents_the_follow_up_endpoints(api):
    paths = api.get("/api/v1/schema/?format=json").json()["paths"]
    for path in (
        "/api/v1/follow-ups/",
        "/api/v1/follow-ups/{id}/",
        "/api/v1/follow-ups/{id}/publish/",
        "/api/v1/follow-ups/{id}/send-back/",
        "/api/v1/recommendations/{id}/follow-ups/",
        "/api/v1/recommendations/{id}/follow/",
        "/api/v1/progress/",
    ):
        assert path in paths, path
    assert "patch" in paths["/api/v1/follow-ups/{id}/"]
    assert {"get", "post"} <= set(paths["/api/v1/recommendations/{id}/follow-ups/"])
