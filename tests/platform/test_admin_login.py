"""The admin's login door, with accounts made here (``tests/factories.py``), never the demo
world's."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_admin_logs_in_and_sees_the_dashboard(client):
    admin = factories.user("admin")
    response = client.post("/admin/login/", {"username": admin.username, "password": factories.PASSWORD})
    assert response.status_code == 302
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "wagtail" in dashboard.content.decode().lower()


def test_wrong_password_is_refused(client):
    admin = factories.user("admin")
    response = client.post("/admin/login/", {"username": admin.username, "password": "wrong-password"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_a_delegate_reaches_the_admin_but_a_member_does_not(client):
    delegate = factories.user("delegate", table="1")
    member = factories.user("member", organisation=factories.organisation(tables=["1"]))
    client.post("/admin/login/", {"username": delegate.username, "password": factories.PASSWORD})
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.post("/admin/login/", {"username": member.username, "password": factories.PASSWORD})
    assert client.get("/admin/").status_code == 302
