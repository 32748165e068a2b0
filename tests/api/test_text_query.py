"""``q`` on every list of the API (SPEC §5, issue 21): walked from the OpenAPI schema, so that a
new list endpoint cannot forget it. Each list declares ``q``; a list that searches honours it (a
nonsense word finds nothing, a word of an item finds that item), a list that does not search says
so in its schema (``x-searches: false``) and answers any ``q`` with 400 and a field error."""

from __future__ import annotations

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

NONSENSE = "zzzqxqzzz"
TEXT_FIELDS = ("title", "name", "actor", "text", "body", "summary")
# Lists only some roles read, walked as one of them (delegate1 walks the others): factory-made
# accounts (``people``) holding the demo's roles, over the demo world's items.
READERS = {"/api/v1/practices/submitted/": "curator"}


def list_operations(schema: dict) -> list[tuple[str, dict]]:
    """Every GET whose answer is a list (a JSON array, or a page of results)."""
    found = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get:
            continue
        body = get["responses"].get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
        ref = body.get("$ref", "")
        resolved = schema["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {}) if ref else body
        properties = resolved.get("properties", {})
        if resolved.get("type") == "array" or ("count" in properties and properties.get("results", {}).get("type") == "array"):
            found.append((path, get))
    return found


def rows(response) -> list[dict]:
    data = response.json()
    return data["results"] if isinstance(data, dict) else data


def a_word_of(item: dict) -> str | None:
    for field in TEXT_FIELDS:
        words = [w for w in re.findall(r"\w+", str(item.get(field) or "")) if len(w) >= 5 and not w.isdigit()]
        if words:
            return max(words, key=len)
    return None


@pytest.fixture
def ids(as_user, people):
    """Candidate ids for the path parameters, as a delegate of table 1 sees them: recommendations
    in each status (nested lists need one that has some), contributions."""
    client = as_user(people["delegate1"])
    found = {"recommendations": [], "contributions": []}
    for status in ("in_review", "changes_requested", "draft", "published"):
        found["recommendations"] += [r["id"] for r in rows(client.get(f"/api/v1/recommendations/?status={status}&page_size=100"))]
    found["contributions"] = [c["id"] for c in rows(client.get("/api/v1/contributions/?page_size=100"))]
    return client, found


def test_every_list_declares_q_and_honours_or_rejects_it(api, ids, as_user, people):
    delegate, candidates = ids
    schema = api.get("/api/v1/schema/?format=json").json()
    operations = list_operations(schema)
    assert len(operations) >= 14  # the walk found the lists
    checked = {}
    for path, operation in operations:
        q = next((p for p in operation.get("parameters", []) if p["name"] == "q" and p["in"] == "query"), None)
        assert q is not None, f"{path} does not declare q"
        searches = q.get("x-searches", True)
        client = as_user(people[READERS[path]]) if path in READERS else delegate
        if "{id}" in path:
            collection = path.split("/")[3]
            urls = [path.replace("{id}", str(pk)) for pk in candidates[collection]]
        else:
            urls = [path]
        assert urls, path
        if not searches:
            url = next(u for u in urls if client.get(u).status_code == 200)
            response = client.get(url, {"q": NONSENSE})
            assert response.status_code == 400 and "q" in response.json(), (url, response.content)
            checked[path] = "rejects"
            continue
        # A list that searches: on an instance of it with items, a word of its first item finds it.
        for url in urls:
            response = client.get(url, {"page_size": 100} if "page" in str(operation.get("parameters")) else {})
            if response.status_code == 404:  # nested lists: an item of the wrong kind (e.g. not published)
                continue
            assert response.status_code == 200, (url, response.content)
            items = rows(response)
            word = next((w for w in map(a_word_of, items) if w), None)
            if word:
                break
        else:
            pytest.fail(f"no instance of {path} with a searchable item")
        nothing = client.get(url, {"q": NONSENSE})
        assert nothing.status_code == 200 and rows(nothing) == [], (url, "q ignored")
        if isinstance(nothing.json(), dict) and "count" in nothing.json():
            assert nothing.json()["count"] == 0
        item = next(i for i in items if a_word_of(i) == word)
        found = client.get(url, {"q": word.upper(), "page_size": 100})
        assert found.status_code == 200
        assert item["id"] in [row["id"] for row in rows(found)], (url, word)
        assert len(rows(found)) <= len(items)
        checked[path] = "searches"
    assert checked["/api/v1/organisations/"] == checked["/api/v1/events/"] == "searches"
    assert checked["/api/v1/follow-ups/"] == checked["/api/v1/contributions/"] == "searches"
    assert checked["/api/v1/tables/"] == "rejects"
    assert checked["/api/v1/practices/submitted/"] == "searches"


@pytest.mark.parametrize(
    "path, q, expected",
    [
        ("/api/v1/organisations/", "peru", "cancilleria-pe"),  # accents and case aside: Perú
        ("/api/v1/organisations/", "MIGRACION", None),
        ("/api/v1/events/", "conversatorio", "conversatorio-2023"),
    ],
)
def test_public_lists_search_accent_insensitively(api, path, q, expected):
    response = api.get(path, {"q": q})
    assert response.status_code == 200
    slugs = [row["slug"] for row in response.json()["results"]]
    assert slugs and (expected is None or expected in slugs)
    assert response.json()["count"] < api.get(path).json()["count"] or path.endswith("events/")
    assert api.get(path, {"q": "zzzz"}).json()["count"] == 0  # the example: not everything


def test_q_of_follow_ups_never_finds_what_is_not_published(api, as_user, people):
    waiting = factories.follow_up_report("pending", actor="Oficina Xylofonica de Pruebas")
    assert api.get("/api/v1/follow-ups/", {"q": "xylofonica"}).json()["count"] == 0
    assert api.get(f"/api/v1/recommendations/{waiting.recommendation_id}/follow-ups/", {"q": "xylofonica"}).json()["count"] == 0
    curator = as_user(people["curator"])
    found = curator.get("/api/v1/follow-ups/", {"q": "xylofonica", "review_status": "submitted"}).json()
    assert [row["id"] for row in found["results"]] == [waiting.pk]
    # Published beside it, on the same recommendation: the public's q finds that one only.
    published = factories.follow_up_report(
        "published", recommendation=waiting.recommendation, actor="Oficina Xylofonica Publicada", country="CO"
    )
    found = api.get("/api/v1/follow-ups/", {"q": "xylofonica"}).json()
    assert [row["id"] for row in found["results"]] == [published.pk]
    assert all(row["review_status"] == "published" for row in found["results"])


def test_an_over_long_q_is_a_field_error(api):
    response = api.get("/api/v1/organisations/", {"q": "x" * 501})
    assert response.status_code == 400 and "q" in response.json()
