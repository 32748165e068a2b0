"""Accounts that resist guessing (issue 15): lock-out per account and per address on the three
login doors, the administrators' unlock command, the second factor (set up in the workspace,
asked by every door, recovery codes) and the admin refused to privileged roles without it.
The lock-out across two server processes is tests/platform/test_lockout_processes.py; the
Content-Security-Policy in Chromium is tests/platform/test_browser_csp.py. The accounts are made
here (``tests/factories.py``, password ``factories.PASSWORD``), never the demo world's."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django_otp import devices_for_user
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT
DOORS = {
    "site": ("/login/", "text/html"),
    "admin": ("/admin/login/", "text/html"),
    "api": ("/api/v1/auth/token/", "application/json"),
}


def attempt(door: str, username: str, password: str, address: str = "10.0.0.1", language: str = "es"):
    path, _kind = DOORS[door]
    client = APIClient() if door == "api" else Client()
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language)


def signed_in(response) -> bool:
    if response.status_code == 200 and response.get("Content-Type", "").startswith("application/json"):
        return "token" in response.json()
    return response.status_code == 302 and "/login/" not in response["Location"]


@pytest.mark.parametrize("door", DOORS)
def test_the_account_is_locked_after_the_failure_limit_and_unlocked_by_the_command(door):
    locked_out, other = factories.user("delegate", table="2").username, factories.user("delegate", table="3").username
    for number in range(1, LIMIT):
        response = attempt(door, locked_out, f"wrong-{number}")
        assert response.status_code in (200, 400), (number, response.status_code)  # an ordinary failure
    locked = attempt(door, locked_out, "wrong-last")
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == settings.LOGIN_LOCKOUT_MINUTES * 60
    # The right password is refused too, from any address: the account is locked.
    refused = attempt(door, locked_out, PASSWORD, address="10.0.0.2")
    assert refused.status_code == 429 and not signed_in(refused)
    if door == "api":
        assert "Demasiados intentos" in refused.json()["detail"]
    else:
        assert "Demasiados intentos" in refused.content.decode()
    # Other accounts from other addresses are unaffected.
    assert signed_in(attempt(door, other, PASSWORD, address="10.0.0.3"))
    call_command("axes_reset_username", locked_out)
    assert signed_in(attempt(door, locked_out, PASSWORD, address="10.0.0.2"))


@pytest.mark.parametrize("door", DOORS)
def test_an_address_is_locked_after_the_failure_limit_whatever_the_usernames(door):
    delegate = factories.user("delegate", table="4").username
    for number in range(LIMIT):
        attempt(door, f"guess-{number}", "wrong", address="10.9.9.9")
    assert attempt(door, delegate, PASSWORD, address="10.9.9.9").status_code == 429
    assert signed_in(attempt(door, delegate, PASSWORD, address="10.9.9.8"))
    call_command("axes_reset_ip", "10.9.9.9")
    assert signed_in(attempt(door, delegate, PASSWORD, address="10.9.9.9"))


def test_the_lockout_message_is_in_the_door_language():
    liaison = factories.user("liaison").username
    for number in range(LIMIT):
        attempt("site", liaison, f"wrong-{number}")
    english = Client().post("/en/login/", {"username": liaison, "password": PASSWORD}, REMOTE_ADDR="10.1.1.1")
    assert english.status_code == 429 and "Too many failed login attempts" in english.content.decode()
    api = attempt("api", liaison, PASSWORD, language="fr")
    assert api.status_code == 429 and "Trop de tentatives" in api.json()["detail"]


def test_bad_token_requests_are_field_errors_never_500():
    member = factories.user("member").username
    client = APIClient()
    assert client.post("/api/v1/auth/token/", {}).status_code == 400
    assert client.post("/api/v1/auth/token/", {"username": "x" * 500, "password": "y"}).status_code == 400
    response = client.post("/api/v1/auth/token/", {"username": member, "password": "p", "otp": "1" * 50})
    assert response.status_code == 400 and "otp" in response.json()
    assert client.post("/api/v1/auth/token/", "[1, 2]", content_type="application/json").status_code == 400


# --- The second factor ----------------------------------------------------------------------------


def set_up_second_factor(client) -> tuple[TOTPDevice, list[str]]:
    """Through the workspace page, as a person would: start, read the secret, confirm a code."""
    assert client.post("/espacio/seguridad/", {"action": "start"}).status_code == 302
    page = client.get("/espacio/seguridad/").content.decode()
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1)
    assert "otpauth://totp/Enlace" in page and "<svg" in page  # the address and its QR code
    device = TOTPDevice.objects.get(confirmed=False, user__pk=client.session["_auth_user_id"])
    assert secret.replace(" ", "") == base64.b32encode(device.bin_key).decode().rstrip("=")
    assert client.post("/espacio/seguridad/", {"action": "confirm", "code": "abcdef"}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # django-otp delays the next try after a wrong code
    confirmed = client.post("/espacio/seguridad/", {"action": "confirm", "code": f"{totp(device.bin_key):06d}"})
    assert confirmed.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", confirmed.content.decode())
    assert len(codes) == 10 and "no-store" in confirmed["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    return device, codes


def reset_throttles(user) -> None:
    """Forget the wrong codes so far (django-otp delays the next try 1 s, then 2 s, 4 s...)."""
    for device in devices_for_user(user, confirmed=None):
        device.throttle_reset()


def code(device: TOTPDevice, step: int = 1) -> str:
    """A code of a later time step (the app's next one): each step's code is accepted once."""
    return f"{totp(device.bin_key, drift=step):06d}"


def test_anyone_sets_up_the_second_factor_and_every_door_then_asks_for_it():
    member = factories.user("member", organisation=factories.organisation(tables=["1"]))
    client = Client()
    client.force_login(member)
    device, codes = set_up_second_factor(client)
    assert "10 recovery codes left" in client.get("/en/espacio/seguridad/").content.decode()
    # The site's door: the password alone signs nobody in.
    site = Client()
    response = site.post("/login/", {"username": member.username, "password": PASSWORD, "next": "/espacio/"})
    assert response.status_code == 302 and response["Location"].startswith("/login/codigo/")
    assert site.get("/espacio/").status_code == 302  # still anonymous
    wrong = site.post("/login/codigo/", {"code": "12345", "next": "/espacio/"})
    assert wrong.status_code == 400 and "no es válido" in wrong.content.decode()
    time.sleep(1.1)  # django-otp makes the next try after a wrong code wait (1 s, then doubling)
    right = site.post("/login/codigo/", {"code": codes[0], "next": "/espacio/"})  # a recovery code
    assert right.status_code == 302 and right["Location"] == "/espacio/"
    assert site.get("/espacio/").status_code == 200
    # A recovery code is used once.
    again = Client()
    again.post("/login/", {"username": member.username, "password": PASSWORD})
    assert again.post("/login/codigo/", {"code": codes[0]}).status_code == 400
    time.sleep(1.1)
    assert again.post("/login/codigo/", {"code": codes[1]}).status_code == 302
    # The API's door wants the code as `otp`.
    api = APIClient()
    missing = api.post("/api/v1/auth/token/", {"username": member.username, "password": PASSWORD})
    assert missing.status_code == 400 and "otp" in missing.json()
    assert (
        api.post("/api/v1/auth/token/", {"username": member.username, "password": PASSWORD, "otp": "000001"}).status_code == 400
    )
    reset_throttles(device.user)
    token = api.post("/api/v1/auth/token/", {"username": member.username, "password": PASSWORD, "otp": code(device)})
    assert token.status_code == 200 and token.json()["token"]
    # Off again, with a current code: the password alone suffices.
    assert client.post("/espacio/seguridad/", {"action": "disable", "code": "nope"}).status_code == 400
    reset_throttles(device.user)
    assert client.post("/espacio/seguridad/", {"action": "disable", "code": codes[2]}).status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert signed_in(Client().post("/login/", {"username": member.username, "password": PASSWORD}))


def test_wrong_codes_count_as_failed_logins():
    liaison = factories.user("liaison")
    client = Client()
    client.force_login(liaison)
    set_up_second_factor(client)
    site = Client(REMOTE_ADDR="10.7.7.7")
    site.post("/login/", {"username": liaison.username, "password": PASSWORD})
    statuses = [site.post("/login/codigo/", {"code": f"{number:06d}x"}).status_code for number in range(LIMIT + 1)]
    assert statuses[0] == 400 and statuses[-1] == 429


def test_the_code_page_without_a_pending_login_sends_to_the_login():
    response = Client().post("/login/codigo/", {"code": "123456"})
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_unknown_actions_on_the_security_page_are_refused():
    client = Client()
    client.force_login(factories.user("delegate", table="1"))
    assert client.get("/espacio/seguridad/").status_code == 200
    assert client.post("/espacio/seguridad/", {"action": "confirm", "code": "1"}).status_code == 400  # nothing started
    assert client.post("/espacio/seguridad/", {"action": "bogus"}).status_code == 400
    assert client.post("/espacio/seguridad/", {"action": "disable", "code": "1"}).status_code == 400  # nothing on


# --- The admin refuses privileged roles without their second factor ----------------------------


@pytest.mark.parametrize("role", ["admin", "network", "curator"])
def test_a_privileged_account_cannot_reach_the_admin_without_its_second_factor(role, settings):
    account = factories.user(role)
    username = account.username
    settings.ENLACE_REQUIRE_2FA = True
    client = Client()
    assert signed_in(client.post("/admin/login/", {"username": username, "password": PASSWORD}))
    for path in ("/admin/", "/admin/pages/", "/admin/snippets/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/espacio/seguridad/"), path
    api = APIClient().post("/api/v1/auth/token/", {"username": username, "password": PASSWORD})
    assert api.status_code == 403 and "detail" in api.json()
    # Set it up: this session has proved it, the admin opens.
    device, codes = set_up_second_factor(client)
    assert client.get("/admin/").status_code == 200
    # A new login through the admin's door asks for the code before the admin.
    fresh = Client()
    first = fresh.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert first.status_code == 302 and first["Location"].startswith("/login/codigo/")
    assert fresh.get("/admin/").status_code == 302
    assert fresh.post("/login/codigo/", {"code": codes[0], "next": "/admin/"})["Location"] == "/admin/"
    assert fresh.get("/admin/").status_code == 200
    # A session signed in with the password only (before the device existed) is sent to the code.
    stale = Client()
    stale.force_login(account)
    response = stale.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/login/codigo/")


def test_other_roles_reach_the_admin_with_their_password(settings):
    delegate = factories.user("delegate", table="1")
    settings.ENLACE_REQUIRE_2FA = True
    client = Client()
    assert signed_in(client.post("/admin/login/", {"username": delegate.username, "password": PASSWORD}))
    assert client.get("/admin/").status_code == 200


def test_without_the_rule_an_administrator_logs_in_with_their_password(settings):
    admin = factories.user("admin")
    settings.ENLACE_REQUIRE_2FA = False
    client = Client()
    assert signed_in(client.post("/admin/login/", {"username": admin.username, "password": PASSWORD}))
    assert client.get("/admin/").status_code == 200


def test_the_rule_defaults_to_on_without_debug():
    import subprocess
    import sys

    from tests.conftest import ROOT

    probe = "from django.conf import settings; print(settings.ENLACE_REQUIRE_2FA)"
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SECRET_KEY": "k", "DJANGO_SETTINGS_MODULE": "enlace.settings"}
    for debug, expected in (("0", "True"), ("1", "False")):
        out = subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); " + probe],
            cwd=ROOT,
            env={**base, "DJANGO_DEBUG": debug, "ENLACE_VAR_DIR": "/tmp/enlace-probe"},
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == expected
