"""The workflow as delegates and approvers meet it in Wagtail's admin (in Spanish). The people
and items are made here (the ``people`` and ``item_at`` fixtures, ``tests/factories.py``),
never the demo world's."""

import pytest

from tests import factories
from workflows import recommendations

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, people):
    def as_user(name):
        client.logout()
        assert client.login(username=people[name].username, password=factories.PASSWORD)
        return client

    return as_user


def test_the_dashboard_lists_the_tasks_awaiting_each_user(login, item_at, people):
    waiting = item_at("liaison")
    recommendations.recommendation_approve(item=waiting, user=people["liaison1"])  # liaison1 voted
    assert waiting.title in login("liaison2").get("/admin/").content.decode()
    assert waiting.title not in login("liaison1").get("/admin/").content.decode()  # already voted
    assert waiting.title not in login("delegate2").get("/admin/").content.decode()


def test_a_delegate_does_not_see_another_tables_drafts_in_the_admin(login, people, item_at):
    draft = recommendations.recommendation_create(
        user=people["delegate2"], table="2", title="Borrador de la mesa 2", text="Texto."
    )
    client = login("delegate1")
    edit = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert edit.status_code in (302, 403) and "Borrador de la mesa 2" not in edit.content.decode()
    explorer = client.get(f"/admin/pages/{draft.get_parent().pk}/")
    assert "Borrador de la mesa 2" not in explorer.content.decode()
    assert client.get("/admin/pages/search/?q=Borrador").content.decode().count("Borrador de la mesa 2") == 0
    # Their own table's drafts they do see.
    own = item_at("table")
    assert login("delegate1").get(f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_each_items_history_is_shown_in_spanish(login, item_at):
    item = item_at("changes_requested")  # liaison1's comment: "Precisar."
    page = login("delegate1").get(f"/admin/pages/{item.pk}/history/").content.decode()
    assert "Cambios solicitados" in page and "Precisar." in page
    assert "Revisión de la Mesa de Vinculación" in page


def test_approvers_act_from_the_admin_through_the_same_rules(login, people, item_at):
    item = item_at("table")
    task_state = recommendations.current_task(item)[0]
    url = f"/admin/pages/{item.pk}/edit/"
    action = f"/admin/pages/workflow/action/{item.pk}/approve/{task_state.pk}/"
    # The author cannot approve from the admin either.
    login("delegate1").post(action, {"comment": ""})
    item.refresh_from_db()
    assert (item.status, item.stage) == ("in_review", "table")
    response = login("secretariat1").post(action, {"comment": "Respaldada"})
    assert response.status_code in (200, 302), url
    item.refresh_from_db()
    assert (item.status, item.stage) == ("in_review", "liaison")
    assert ("table", "approve", people["secretariat1"].username) in [
        (h["stage"], h["action"], h["actor"]) for h in recommendations.history_of(item)
    ]


def form_fields(html: str, form_id: str = "page-edit-form") -> dict:
    """The values a browser would submit from the editor's form (inputs, textareas, selects)."""
    import re
    from html import unescape

    form = html.split(f'id="{form_id}"', 1)[1].split("</form>", 1)[0]
    data: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        kind = (re.search(r'type="([^"]+)"', tag) or [None, "text"])[1]
        if not name or kind in ("submit", "button", "file") or (kind in ("checkbox", "radio") and "checked" not in tag):
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data.setdefault(name[1], []).append(unescape(value[1]) if value else ("on" if kind == "checkbox" else ""))
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data.setdefault(name, []).append(unescape(body))
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        data[name] = [unescape(v) for v in re.findall(r'<option[^>]*value="([^"]*)"[^>]*selected', body)]
    return data


def test_later_stage_reviewers_never_edit_the_text_nor_anyone_cancel_a_review(login, item_at):
    """Findings: a liaison member could edit a table's text at the liaison stage (the save restarted
    the review, attributed to them); a table reviewer could cancel someone else's workflow in one
    click, leaving the item in nobody's queue."""
    item = item_at("liaison")
    url = f"/admin/pages/{item.pk}/edit/"
    form = form_fields(login("secretariat1").get(url).content.decode())
    assert form["title"] == [item.title]
    assert "action-cancel-workflow" not in login("secretariat1").get(url).content.decode()
    liaison = login("liaison2")
    assert liaison.get(url).status_code in (302, 403)
    liaison.post(url, {**form, "title": "Reescrito por la Mesa de Vinculación"})
    secretariat = login("secretariat1")
    secretariat.post(url, {**form, "action-cancel-workflow": "1"})
    item.refresh_from_db()
    state = recommendations.active_workflow_state(item)
    assert (item.title, item.status, item.stage) == (form["title"][0], "in_review", "liaison")
    assert state is not None and state.current_task_state.task.specific.stage == "liaison"
    # The same form, as the table saves it, is accepted (and sends the item back, as the rule says).
    secretariat.post(url, {**form, "title": "Texto corregido por la secretaría"})
    item.refresh_from_db()
    assert (item.draft_title, item.stage) == ("Texto corregido por la secretaría", "table")
