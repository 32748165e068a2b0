"""Bad input anywhere gets a 400 with field errors (or 404 for ids that cannot exist), never a 500,
and writes nothing."""

import pytest

from cms.models import PracticePage, RecommendationPage

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "/api/v1/practices/?page=0",
    "/api/v1/practices/?page=-3",
    "/api/v1/practices/?page=abc",
    "/api/v1/practices/?page_size=10000",
    "/api/v1/practices/?page_size=0",
    "/api/v1/practices/?country=ZZ",
    "/api/v1/practices/?objective=24",
    "/api/v1/practices/?objective=%27%3B%20DROP%20TABLE",
    "/api/v1/practices/?table=9",
    "/api/v1/practices/?year_from=abc",
    "/api/v1/practices/?year_from=2020&year_to=2010",
    "/api/v1/practices/?year_to=99999999999999999999999",
    "/api/v1/practices/?sort=random",
    "/api/v1/practices/?lang=klingon",
    "/api/v1/practices/?q=" + "x" * 5000,
    "/api/v1/recommendations/?status=lost",
    "/api/v1/recommendations/?event=%3Cscript%3E",
    "/api/v1/recommendations/?objective=0",
    "/api/v1/organisations/?country=XX",
    "/api/v1/taxonomies/?lang=de",
]


@pytest.mark.parametrize("url", BAD_QUERIES)
def test_bad_query_parameters_are_400_with_field_errors(api, url):
    response = api.get(url)
    assert response.status_code == 400, (url, response.status_code, response.content[:200])
    body = response.json()
    assert isinstance(body, dict) and body and all(isinstance(v, list) for v in body.values()), body


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/practices/abc/",
        "/api/v1/practices/0/",
        "/api/v1/practices/99999999999999999999/",
        "/api/v1/recommendations/-1/",
        "/api/v1/organisations/1e9/",
        "/api/v1/events/%00/",
    ],
)
def test_malformed_ids_are_404(api, url):
    assert api.get(url).status_code == 404


VALID = {"title": "Una recomendación", "text": "Texto", "table": "1", "objectives": ["7"]}
BAD_BODIES = [
    ({**VALID, "title": "x" * 300}, "title"),
    ({**VALID, "table": "9"}, "table"),
    ({**VALID, "objectives": ["7", "99"]}, "objectives"),
    ({**VALID, "objectives": "7"}, "objectives"),
    ({**VALID, "countries": [1, 2]}, "countries"),
    ({**VALID, "addressed_to": {"a": 1}}, "addressed_to"),
    ({**VALID, "co_authors": ["nobody-here"]}, "co_authors"),
    ({**VALID, "text": None}, "text"),
    ({key: value for key, value in VALID.items() if key != "title"}, "title"),
]


@pytest.mark.parametrize("body, field", BAD_BODIES)
def test_bad_bodies_are_400_and_save_nothing(as_user, people, body, field):
    before = RecommendationPage.objects.originals().count()
    response = as_user(people["delegate1"]).post("/api/v1/recommendations/", body, format="json")
    assert response.status_code == 400 and field in response.json(), response.content
    assert RecommendationPage.objects.originals().count() == before


def test_invalid_json_and_wrong_content(as_user, people):
    client = as_user(people["delegate1"])
    response = client.generic("POST", "/api/v1/recommendations/", "{not json", content_type="application/json")
    assert response.status_code == 400 and "detail" in response.json()
    assert client.post("/api/v1/recommendations/", "[1, 2]", content_type="application/json").status_code == 400


@pytest.mark.parametrize(
    "body, field",
    [
        ({"title": "t", "summary": "s", "objectives": ["7"]}, "submitter_email"),
        ({"title": "t", "summary": "s", "objectives": ["7"], "submitter_email": "not-an-email"}, "submitter_email"),
        ({"title": "t", "summary": "s", "objectives": [], "submitter_email": "a@b.org"}, "objectives"),
        (
            {
                "title": "t",
                "summary": "s",
                "objectives": ["7"],
                "submitter_email": "a@b.org",
                "start_year": 2020,
                "end_year": 2010,
            },
            "end_year",
        ),
        ({"title": "<b>" * 200, "summary": "s", "objectives": ["7"], "submitter_email": "a@b.org"}, "title"),
    ],
)
def test_bad_submissions_are_400_and_save_nothing(api, body, field):
    before = PracticePage.objects.originals().count()
    response = api.post("/api/v1/practices/submissions/", body, format="json")
    assert response.status_code == 400 and field in response.json(), response.content
    assert PracticePage.objects.originals().count() == before


def test_html_in_text_is_stored_as_text_and_escaped_where_rendered(as_user, people, client):
    delegate = as_user(people["delegate1"])
    item = delegate.post("/api/v1/recommendations/", {**VALID, "text": "<script>alert('x')</script>"}, format="json").json()
    assert item["text"] == "<script>alert('x')</script>"  # JSON is not HTML: the text is kept as written
    page = RecommendationPage.objects.originals().get(pk=item["id"])
    page.save_revision().publish(skip_permission_checks=True)  # this test is about rendering, not the workflow
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
