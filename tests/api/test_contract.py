"""The response shapes of SPEC §5 on the demo data."""

import csv
import io

import pytest

from cms.models import EventPage, Organisation, PracticePage
from cms.selectors import published_practices, published_recommendations

pytestmark = pytest.mark.django_db
FACETS = {
    "country",
    "objective",
    "principle",
    "table",
    "stakeholder_group",
    "level",
    "population",
    "start_year",
    "language",
    "type",
}


def test_taxonomies_in_the_language_asked_for(api):
    spanish = api.get("/api/v1/taxonomies/").json()
    assert set(spanish) == {"countries", "objectives", "principles", "tables", "stakeholder_groups", "levels", "populations"}
    assert len(spanish["objectives"]) == 23 and set(spanish["objectives"][0]) == {"code", "label"}
    english = api.get("/api/v1/taxonomies/?lang=en").json()
    assert [o["code"] for o in english["objectives"]] == [o["code"] for o in spanish["objectives"]]
    assert english["objectives"][6]["label"].startswith("Address and reduce")
    assert api.get("/api/v1/taxonomies/", HTTP_ACCEPT_LANGUAGE="pt").json()["tables"][2]["label"] == "Inclusão"
    assert api.get("/api/v1/taxonomies/?lang=xx").status_code == 400


def test_practice_search_shape(api):
    body = api.get("/api/v1/practices/?page_size=5").json()
    assert set(body) == {"count", "next", "previous", "results", "facets", "backend", "degraded"}
    assert body["count"] == published_practices().count()
    assert body["backend"] == "database" and body["degraded"] is False
    assert len(body["results"]) == 5 and body["next"].endswith("page=2&page_size=5") and body["previous"] is None
    hit = body["results"][0]
    assert set(hit) == {"id", "slug", "title", "summary", "countries", "objectives", "principles", "table", "start_year", "url"}
    assert set(body["facets"]) == FACETS
    for value in body["facets"]["country"]:
        assert set(value) == {"code", "label", "count", "selected"}
    peru = next(v for v in body["facets"]["country"] if v["code"] == "PE")
    assert peru["label"] == "Perú"
    assert peru["count"] == sum("PE" in p.countries for p in published_practices())


def test_practice_search_filters_highlights_and_facets(api):
    body = api.get("/api/v1/practices/?q=migracion&country=PE&country=EC&objective=7&lang=en").json()
    assert body["count"] >= 1
    for hit in body["results"]:
        assert {"PE", "EC"} & set(hit["countries"]) and "7" in hit["objectives"]
        assert "highlight" in hit and any("<mark>" in s for snippets in hit["highlight"].values() for s in snippets)
    selected = {v["code"]: v for v in body["facets"]["country"] if v["selected"]}
    assert set(selected) == {"PE", "EC"} and selected["PE"]["label"] == "Peru"


def test_practice_detail(api):
    practice = PracticePage.objects.originals().live().get(slug__contains="31685")
    body = api.get(f"/api/v1/practices/{practice.pk}/?lang=fr").json()
    assert body["id"] == practice.pk and body["countries"] == ["PE"] and body["labels"]["countries"] == {"PE": "Pérou"}
    assert body["sources"] and {"title", "url"} == set(body["sources"][0])


def test_csv_exports_the_whole_result_set(api):
    response = api.get("/api/v1/practices/?format=csv&page_size=2&objective=7")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    total = api.get("/api/v1/practices/?objective=7").json()["count"]
    assert len(rows) == total > 2  # not one page: the whole set
    assert all("7" in row["objectives"].split(";") for row in rows)


def test_recommendation_search_shape(api):
    body = api.get("/api/v1/recommendations/?table=1").json()
    assert set(body) == {"count", "next", "previous", "results", "facets", "backend", "degraded"}
    assert body["count"] == len([r for r in published_recommendations() if r.table == "1"])
    detail = api.get(f"/api/v1/recommendations/{body['results'][0]['id']}/").json()
    assert set(detail) >= {"id", "title", "text", "status", "stage", "approvals", "history", "table", "objectives"}
    assert detail["status"] == "published" and detail["stage"] is None
    assert detail["history"] == []  # the public does not follow the workflow's history
    event = api.get("/api/v1/recommendations/?event=conversatorio-2023").json()
    assert event["count"] == 21


def test_organisations_tables_events(api):
    organisations = api.get("/api/v1/organisations/?page_size=100").json()
    assert organisations["count"] == Organisation.objects.count()
    quilmes = next(o for o in organisations["results"] if "Quilmes" in o["name"])
    assert quilmes["country"] == "AR" and quilmes["country_label"] == "Argentina"
    assert api.get(f"/api/v1/organisations/{quilmes['id']}/").json()["slug"] == quilmes["slug"]
    tables = api.get("/api/v1/tables/?lang=en").json()
    assert [t["code"] for t in tables] == ["1", "2", "3", "4"] and tables[2]["name"] == "Table 3: Inclusion"
    events = api.get("/api/v1/events/").json()
    assert events["count"] == EventPage.objects.originals().live().count() == 1
    assert [t["participants"] for t in events["results"][0]["themes"]] == [181, 141]


def test_schema_is_a_valid_openapi_3_document(api):
    from openapi_spec_validator import validate

    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    for path in (
        "/api/v1/practices/",
        "/api/v1/recommendations/{id}/approve/",
        "/api/v1/taxonomies/",
        "/api/v1/practices/submissions/",
        "/api/v1/contributions/{id}/comments/",
        "/api/v1/auth/token/",
    ):
        assert path in schema["paths"], path
    assert api.get("/api/v1/docs/").status_code == 200
