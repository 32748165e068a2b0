"""The workspace (/espacio/): a recommendation from draft to published by its table, the liaison
group and the network, without the admin (issue #16), through the same services as the API. The
people and items are made here (``people``, ``item_at``: ``tests/factories.py``), never the demo
world's."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils.html import escape

from cms.models import RecommendationPage
from tests.factories import names
from workflows import recommendations

pytestmark = pytest.mark.django_db

FORM = {
    "table": "1",
    "title": "Acceso a la salud para personas migrantes",
    "text": "Garantizar el acceso a la salud.",
    "rationale": "Lo pidieron los países.",
    "objectives": ["15", "7"],
    "countries": ["PE", "CO"],
    "other_countries": ["ES"],
    "addressed_to": ["national_governments"],
}


@pytest.fixture
def as_user(client, people):
    """``as_user(name)``: the client logged in as ``people[name]`` (a factory account with the
    demo's role of that name)."""

    def login(name):
        client.logout()
        client.force_login(people[name])
        return client

    return login


def item_url(item, suffix=""):
    return f"/espacio/recomendaciones/{item.pk}/{suffix}"


def text(response) -> str:
    return response.content.decode()


def test_anonymous_people_are_asked_to_log_in_in_their_language(client):
    for prefix in ("", "/en"):
        response = client.get(f"{prefix}/espacio/")
        assert response.status_code == 302 and response["Location"].startswith(f"{prefix}/login/")


def test_the_home_shows_a_sent_back_item_first_with_who_when_and_the_comment(as_user, item_at, people):
    item = item_at("changes_requested")  # sent back by liaison1 with "Precisar."
    waiting = item_at("draft")  # one of "mine" too
    page = text(as_user("delegate1").get("/espacio/"))
    sent_back = page.index('id="sent-back"')
    assert sent_back < page.index('id="waiting"') and sent_back < page.index('id="mine"')
    section = page[sent_back : page.index("</section>", sent_back)]
    assert escape(item.draft_title) in section and "Precisar." in section
    assert escape(waiting.draft_title) not in section
    reviewer = people["liaison1"]
    assert [h for h in recommendations.history_of(item) if h["action"] == "request_changes"][-1]["actor"] == reviewer.username
    assert names(section, reviewer)


def test_a_recommendation_from_draft_to_published_in_the_workspace(as_user, people, django_capture_on_commit_callbacks):
    client = as_user("delegate1")
    form = text(client.get("/espacio/recomendaciones/nueva/"))
    assert 'name="objectives" value="15"' in form and "15. " in form  # objectives with their numbers
    assert "<select multiple" not in form and "Ctrl" not in form  # no Ctrl-click lists
    response = client.post("/espacio/recomendaciones/nueva/", FORM)
    assert response.status_code == 302
    item = RecommendationPage.objects.originals().get(title=FORM["title"])
    assert (item.table, item.status, item.owner.username) == ("1", "draft", people["delegate1"].username)
    assert sorted(item.countries) == ["CO", "ES", "PE"] and item.objectives == ["15", "7"]

    def act(username, action, data=None, status=302):
        with django_capture_on_commit_callbacks(execute=True):
            response = as_user(username).post(item_url(item, f"{action}/"), data or {})
        assert response.status_code == status, text(response)[:500]
        item.refresh_from_db()
        return response

    act("delegate1", "enviar")
    assert (item.status, item.stage) == ("in_review", "table")
    # An empty comment to request changes is a field error on the form, never a permission page.
    refused = act("secretariat1", "solicitar-cambios", {"changes-comment": "  "}, status=400)
    assert 'id="id_changes-comment-errors"' in text(refused) and "aria-invalid" in text(refused)
    assert (item.status, item.stage) == ("in_review", "table")
    mail.outbox.clear()
    act("secretariat1", "solicitar-cambios", {"changes-comment": "Incluir a las personas desplazadas internas."})
    assert item.status == "changes_requested"
    assert [m.to for m in mail.outbox] == [[people["delegate1"].email]]  # one decision, one e-mail
    home = text(as_user("delegate1").get("/espacio/"))
    assert "Incluir a las personas desplazadas internas." in home[home.index('id="sent-back"') :]
    edit = {**FORM, "text": "Garantizar el acceso a la salud de las personas migrantes y desplazadas internas."}
    edit.pop("table")
    assert as_user("delegate1").post(item_url(item, "editar/"), edit).status_code == 302
    act("delegate1", "enviar")
    act("secretariat1", "aprobar", {"approve-comment": ""})
    assert item.stage == "liaison"
    act("liaison1", "aprobar", {"approve-comment": "De acuerdo."})
    page = text(as_user("liaison2").get(item_url(item)))
    assert "1 de 2" in page and names(page, people["liaison1"])  # the quorum, and who voted
    assert item_url(item, "editar/") not in page  # a liaison reviewer never edits the text
    changes = text(as_user("liaison2").get(item_url(item, "cambios/")))
    assert "<ins>" in changes and "desplazadas internas" in changes
    act("liaison2", "aprobar")
    assert item.stage == "network"
    mail.outbox.clear()
    act("network", "aprobar")
    assert (item.status, item.live) == ("published", True)
    assert sorted(m.to[0] for m in mail.outbox) == [people["delegate1"].email]  # the author, once
    assert as_user("member").get(item.url).status_code == 200
    history = text(as_user("delegate1").get(item_url(item)))
    assert history.count("<li><time") == len(recommendations.history_of(item))  # one entry per action


def test_other_tables_and_the_public_see_nothing_and_reviewers_do_not_edit(as_user, item_at, client):
    item = item_at("liaison")
    for suffix in ("", "editar/", "cambios/", "vista-previa/", "retirar/"):
        assert as_user("delegate2").get(item_url(item, suffix)).status_code == 404, suffix
    assert as_user("delegate2").post(item_url(item, "aprobar/")).status_code == 404
    liaison = as_user("liaison2")
    response = liaison.get(item_url(item, "editar/"))
    assert response.status_code == 302  # with a message, back to the item
    liaison.post(item_url(item, "editar/"), {"title": "Reescrita", "text": "Otra cosa."})
    item.refresh_from_db()
    assert item.draft_title != "Reescrita"
    client.logout()
    assert client.get(item_url(item)).status_code == 302


def test_withdrawing_needs_a_reason_which_is_recorded(as_user, item_at, people, django_capture_on_commit_callbacks):
    item = item_at("table")
    client = as_user("delegate1")
    assert client.post(item_url(item, "retirar/"), {"withdraw-reason": ""}).status_code == 400
    item.refresh_from_db()
    assert item.status == "in_review"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(item_url(item, "retirar/"), {"withdraw-reason": "Lo retomaremos en la próxima sesión."}).status_code
            == 302
        )
    item.refresh_from_db()
    assert item.status == "withdrawn"
    assert recommendations.history_of(item)[-1]["comment"] == "Lo retomaremos en la próxima sesión."
    told = sorted(m.to[0] for m in mail.outbox)
    assert people["secretariat1"].email in told and people["delegate1"].email not in told  # its reviewers, not the actor
    assert "Lo retomaremos en la próxima sesión." in mail.outbox[0].body


def test_the_workspace_in_english(as_user, item_at):
    item = item_at("draft")
    page = text(as_user("delegate1").get("/en/espacio/"))
    assert '<html lang="en">' in page and "Waiting for your review" in page
    assert f'href="/en/espacio/recomendaciones/{item.pk}/"' in page


def test_hidden_comments_in_the_workspace(as_user, item_at, client, people):
    item = item_at("table")
    member = as_user("member")  # a member of table 1's organisations reads and comments
    assert member.post(item_url(item, "comentarios/"), {"comment-body": "   "}).status_code == 400
    member.post(item_url(item, "comentarios/"), {"comment-body": "Un comentario que no corresponde."})
    comment = item.draft_comments.get()
    assert as_user("delegate1").post(f"/espacio/comentarios/{comment.pk}/ocultar/").status_code == 302  # an author hides
    comment.refresh_from_db()
    assert comment.hidden
    # Hidden from the table; its author, whoever hid it and the secretariat still see it, marked.
    for username in ("member", "delegate1", "secretariat1"):
        page = text(as_user(username).get(item_url(item)))
        assert "Un comentario que no corresponde." in page and "ocultado por" in page, username
    assert "Un comentario que no corresponde." not in text(as_user("peer").get(item_url(item)))  # another delegate
    assert as_user("member").post(f"/espacio/comentarios/{comment.pk}/ocultar/").status_code == 302  # refused, message


@pytest.mark.parametrize(
    "username, state, url",  # the demo's role names: factory accounts of those roles
    [
        ("secretariat1", "table", "/espacio/"),  # waiting for the table's review
        ("liaison1", "liaison", "/espacio/"),
        ("delegate1", "table", "/espacio/recomendaciones/"),
        ("delegate1", "table", "/espacio/avisos/"),  # each submission notifies the author
    ],
)
def test_pages_that_list_items_cost_the_same_queries_for_one_item_as_for_four(as_user, item_at, username, state, url):
    """The workspace's lists read their items, tables, tasks and notifications in bulk: a
    per-item query (the table through ``get_parent()``, a task's ``specific``, the
    recipient's profile) would make the count grow with the list."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(username)

    def queries():
        client.get(url)  # warm the per-process caches (site root, content types)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    item_at(state)
    one, page = queries()
    assert "Recomendación de prueba" in page or url == "/espacio/avisos/"
    for _ in range(3):
        item_at(state)
    four, page = queries()
    assert four == one, f"{url} as {username}: {one} queries for one item, {four} for four"
