"""The workflow driven entirely through the API with the tokens of factory-made accounts
(``people``, one per demo role name), and the permission rules repeated at the API level."""

import pytest

pytestmark = pytest.mark.django_db
NEW = {
    "title": "Protocolos consulares para personas migrantes desaparecidas",
    "text": "Coordinar la búsqueda.",
    "rationale": "Objetivo 8.",
    "table": "1",
    "objectives": ["8"],
    "countries": ["HN"],
    "addressed_to": ["national_governments"],
}


def post(client, url, data=None):
    return client.post(url, data or {}, format="json")


def test_the_full_path_through_the_api(as_user, api, people):
    delegate, secretariat = as_user(people["delegate1"]), as_user(people["secretariat1"])
    created = post(delegate, "/api/v1/recommendations/", NEW)
    assert created.status_code == 201, created.content
    item = created.json()
    url = f"/api/v1/recommendations/{item['id']}/"
    assert (item["status"], item["stage"], item["actions"]) == ("draft", None, ["edit", "submit", "withdraw"])
    assert api.get(url).status_code == 404  # the public cannot see a draft

    assert post(delegate, url + "submit/").json()["stage"] == "table"
    assert post(delegate, url + "approve/").status_code == 403  # its author
    assert post(as_user(people["delegate2"]), url + "approve/").status_code == 404  # another table: cannot even see it
    assert post(secretariat, url + "approve/", {"comment": "Respaldo"}).json()["stage"] == "liaison"
    liaison1, liaison2 = as_user(people["liaison1"]), as_user(people["liaison2"])
    assert item["id"] in [t["id"] for t in liaison1.get("/api/v1/tasks/").json()["results"]]
    voted = post(liaison1, url + "approve/").json()
    assert voted["stage"] == "liaison" and [a["user"] for a in voted["approvals"]] == [people["liaison1"].username]
    assert post(liaison1, url + "approve/").status_code == 409  # the same person twice
    assert post(liaison2, url + "approve/").json()["stage"] == "network"
    network = as_user(people["network"])
    missing_comment = post(network, url + "request-changes/", {"comment": ""})
    assert missing_comment.status_code == 400 and "comment" in missing_comment.json()
    published = post(network, url + "approve/").json()
    assert (published["status"], published["stage"]) == ("published", None)

    public = api.get(url).json()
    assert public["title"] == NEW["title"] and public["history"] == []
    history = delegate.get(url).json()["history"]
    name = {role: people[role].username for role in ("delegate1", "secretariat1", "liaison1", "liaison2", "network")}
    assert [(h["stage"], h["action"], h["actor"]) for h in history] == [
        (None, "create", name["delegate1"]),
        ("table", "submit", name["delegate1"]),
        ("table", "approve", name["secretariat1"]),
        ("liaison", "vote", name["liaison1"]),
        ("liaison", "vote", name["liaison2"]),
        ("liaison", "approve", name["liaison2"]),
        ("network", "approve", name["network"]),
        ("network", "publish", name["network"]),
    ]
    assert history[2]["comment"] == "Respaldo"


def test_permissions_at_the_api_level(as_user, api, people):
    delegate = as_user(people["delegate1"])
    assert post(as_user(people["delegate2"]), "/api/v1/recommendations/", NEW).status_code == 403  # not a delegate of table 1
    assert post(api, "/api/v1/recommendations/", NEW).status_code in (401, 403)
    item = post(delegate, "/api/v1/recommendations/", NEW).json()
    url = f"/api/v1/recommendations/{item['id']}/"
    assert as_user(people["delegate2"]).patch(url, {"text": "x"}, format="json").status_code == 404
    assert as_user(people["liaison1"]).patch(url, {"text": "x"}, format="json").status_code == 404
    secretariat = as_user(people["secretariat1"])
    assert secretariat.patch(url, {"text": "Mejor redacción."}, format="json").status_code == 200
    assert post(secretariat, url + "withdraw/").status_code == 403  # seen, but not an author
    assert post(delegate, url + "withdraw/").json()["status"] == "withdrawn"
    assert post(delegate, url + "withdraw/").status_code == 409


def test_lists_are_filtered_by_what_the_caller_may_see(as_user, api, people):
    delegate2 = as_user(people["delegate2"])

    def seen_by_searching(client):
        public = client.get("/api/v1/recommendations/?country=TT").json()
        tt_facets = [v for v in public["facets"]["country"] if v["code"] == "TT"]
        return public["count"], tt_facets, client.get("/api/v1/recommendations/?q=desaparecidas").json()["count"]

    before = seen_by_searching(api), seen_by_searching(delegate2)
    draft = post(delegate2, "/api/v1/recommendations/", {**NEW, "table": "2", "countries": ["TT"]}).json()
    assert draft["id"] in [r["id"] for r in delegate2.get("/api/v1/recommendations/?status=draft").json()["results"]]
    for client in (api, as_user(people["delegate1"]), as_user(people["liaison1"]), as_user(people["member"])):
        ids = [r["id"] for r in client.get("/api/v1/recommendations/?status=draft&page_size=100").json()["results"]]
        assert draft["id"] not in ids
    # Neither hits nor facet counts nor free text reveal the draft: they are what they were
    # before it was written, for the public and for its own author.
    assert (seen_by_searching(api), seen_by_searching(delegate2)) == before


def test_contributions_and_comments_within_the_callers_tables(as_user, people):
    delegate1, delegate2 = as_user(people["delegate1"]), as_user(people["delegate2"])
    created = post(delegate1, "/api/v1/contributions/", {"title": "Aporte", "table": "1", "text": "Texto"})
    assert created.status_code == 201
    url = f"/api/v1/contributions/{created.json()['id']}/"
    assert post(as_user(people["member"]), url + "comments/", {"text": "De acuerdo"}).status_code == 201  # of table 1
    assert [c["author"] for c in delegate1.get(url + "comments/").json()["results"]] == [people["member"].username]
    assert delegate2.get(url).status_code == 404
    assert post(delegate2, url + "comments/", {"text": "Intruso"}).status_code == 404
    assert post(delegate2, "/api/v1/contributions/", {"title": "x", "table": "1", "text": "y"}).status_code == 403
    assert created.json()["id"] not in [c["id"] for c in delegate2.get("/api/v1/contributions/").json()["results"]]


def test_organisation_profiles_are_edited_by_their_members_only(as_user, api, people):
    own = people["member"].organisations.get()
    url = f"/api/v1/organisations/{own.pk}/"
    member = as_user(people["member"])
    assert member.patch(url, {"description": "Nueva descripción"}, format="json").json()["description"] == "Nueva descripción"
    assert as_user(people["delegate1"]).patch(url, {"description": "x"}, format="json").status_code == 403
    assert api.patch(url, {"description": "x"}, format="json").status_code in (401, 403)
    assert member.patch(url, {"name": "Otro nombre"}, format="json").json()["name"] == own.name


def test_public_practice_submission_is_moderated(api):
    response = post(
        api,
        "/api/v1/practices/submissions/",
        {
            "title": "Ferias de servicios en Zumbahua",
            "summary": "Orientación jurídica.",
            "objectives": ["15"],
            "countries": ["PE"],
            "submitter_email": "ana@example.org",
        },
    )
    assert response.status_code == 201 and set(response.json()) == {"id", "status"}
    assert api.get(f"/api/v1/practices/{response.json()['id']}/").status_code == 404
    assert api.get("/api/v1/practices/?q=zumbahua").json()["count"] == 0


def test_a_contribution_moves_only_to_a_table_its_author_drafts_in(as_user, people):
    """Finding: PATCH {"table": "2"} by its author answered 200 and moved a table-1 contribution,
    exposing table 1's comment thread to table 2."""
    delegate1 = as_user(people["delegate1"])
    created = post(delegate1, "/api/v1/contributions/", {"title": "Aporte de la mesa 1", "table": "1", "text": "Texto"}).json()
    url = f"/api/v1/contributions/{created['id']}/"
    post(delegate1, url + "comments/", {"text": "Hilo interno de la mesa 1"})
    response = delegate1.patch(url, {"table": "2", "title": "Movido"}, format="json")
    assert response.status_code == 400 and set(response.json()) == {"table"}
    assert delegate1.get(url).json()["table"] == "1" and delegate1.get(url).json()["title"] == "Aporte de la mesa 1"
    assert as_user(people["delegate2"]).get(url + "comments/").status_code == 404
    assert delegate1.patch(url, {"table": "9"}, format="json").status_code == 400


def test_public_answers_name_no_person(api, as_user, item_at, people):
    """Finding: anonymous GET /api/v1/recommendations/{id}/ named its author's username, while the
    site keeps the Mechanism's outputs unattributed to persons."""
    item = item_at("published", co_authors=["peer"])  # by delegate1 of table 1, with a co-author
    url = f"/api/v1/recommendations/{item.pk}/"
    for client in (api, as_user(people["delegate2"])):  # the public, a delegate of another table
        body = client.get(url).json()
        assert (body["author"], body["co_authors"], body["history"]) == (None, [], [])
        content = client.get(url).content.decode()
        assert item.owner.username not in content and people["peer"].username not in content
    insider = as_user(people["delegate1"]).get(url).json()
    assert insider["author"] == item.owner.username == people["delegate1"].username
    assert insider["co_authors"] == [people["peer"].username]
