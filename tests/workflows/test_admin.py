"""The workflow as delegates and approvers meet it in Wagtail's admin (in Spanish)."""

import pytest

from cms.models import RecommendationPage
from workflows import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, demo_password):
    def as_user(username):
        client.logout()
        assert client.login(username=username, password=demo_password)
        return client

    return as_user


def test_the_dashboard_lists_the_tasks_awaiting_each_user(login):
    waiting = RecommendationPage.objects.originals().get(status="in_review", stage="liaison")
    assert waiting.title in login("liaison2").get("/admin/").content.decode()
    assert waiting.title not in login("liaison1").get("/admin/").content.decode()  # already voted
    assert waiting.title not in login("delegate2").get("/admin/").content.decode()


def test_a_delegate_does_not_see_another_tables_drafts_in_the_admin(login, user_named):
    draft = services.recommendation_create(user=user_named("delegate2"), table="2", title="Borrador de la mesa 2",
                                           text="Texto.")  # fmt: skip
    client = login("delegate1")
    edit = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert edit.status_code in (302, 403) and "Borrador de la mesa 2" not in edit.content.decode()
    explorer = client.get(f"/admin/pages/{draft.get_parent().pk}/")
    assert "Borrador de la mesa 2" not in explorer.content.decode()
    assert client.get("/admin/pages/search/?q=Borrador").content.decode().count("Borrador de la mesa 2") == 0
    # Their own table's drafts they do see.
    own = RecommendationPage.objects.originals().get(status="in_review", stage="table")
    assert login("delegate1").get(f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_each_items_history_is_shown_in_spanish(login):
    item = RecommendationPage.objects.originals().get(status="changes_requested")
    page = login("delegate1").get(f"/admin/pages/{item.pk}/history/").content.decode()
    assert "Cambios solicitados" in page and "Precisar qué territorios" in page
    assert "Revisión de la Mesa de Vinculación" in page


def test_approvers_act_from_the_admin_through_the_same_rules(login, user_named):
    item = RecommendationPage.objects.originals().get(status="in_review", stage="table")
    task_state = services.current_task(item)[0]
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
    assert ("table", "approve", "secretariat1") in [(h["stage"], h["action"], h["actor"]) for h in services.history_of(item)]
