import pytest

pytestmark = pytest.mark.django_db


def test_admin_logs_in_and_sees_the_dashboard(client, demo_password):
    response = client.post("/admin/login/", {"username": "admin", "password": demo_password})
    assert response.status_code == 302
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "wagtail" in dashboard.content.decode().lower()


def test_wrong_password_is_refused(client):
    response = client.post("/admin/login/", {"username": "admin", "password": "wrong-password"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_a_delegate_reaches_the_admin_but_a_member_does_not(client, demo_password):
    client.post("/admin/login/", {"username": "delegate1", "password": demo_password})
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.post("/admin/login/", {"username": "member", "password": demo_password})
    assert client.get("/admin/").status_code == 302
