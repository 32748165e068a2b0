import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests import factories
from workflows.roles import roles_of

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_create_a_delegate(capsys):
    call_command(
        "grant_role", "ana", "delegate", table="2", create=True, email="ana@enlace.example", password="una-clave-larga-2024"
    )
    ana = get_user_model().objects.get(username="ana")
    assert ana.check_password("una-clave-larga-2024")
    assert roles_of(ana) == [("delegate", "2")]
    assert "delegate granted to ana" in capsys.readouterr().out


def test_member_by_organisation_id_or_slug():
    organisation = factories.organisation()
    liaison = factories.user("liaison")
    call_command("grant_role", liaison.username, "member", organisation=str(organisation.pk))
    call_command("grant_role", liaison.username, "member", organisation=organisation.slug)
    user = get_user_model().objects.get(pk=liaison.pk)
    assert user.has_perm("cms.change_organisation", organisation)


def test_revoke():
    delegate = factories.user("delegate", table="4")
    call_command("grant_role", delegate.username, "delegate", table="4", revoke=True)
    assert roles_of(get_user_model().objects.get(pk=delegate.pk)) == []


@pytest.mark.parametrize(
    "args, options, message",
    [
        (["nobody", "liaison"], {}, "no user named 'nobody'"),
        (["delegate-existing", "member"], {"organisation": "no-such-org"}, "no organisation with id or slug"),
        (["delegate-existing", "member"], {}, "needs an organisation"),
        (["delegate-existing", "delegate"], {}, "needs a table"),
        (["delegate-existing", "liaison"], {"email": "x@enlace.example"}, "only used with --create"),
        (["delegate-existing", "liaison"], {"create": True, "email": "x@y.z", "password": "long-enough-pw"}, "already exists"),
        (["newbie", "liaison"], {"create": True}, "needs --email and --password"),
        (["newbie", "liaison"], {"create": True, "email": "not-an-email", "password": "long-enough-pw"}, "not a valid e-mail"),
        (["newbie", "liaison"], {"create": True, "email": "n@enlace.example", "password": "123"}, "password rejected"),
        (
            ["new bie!", "liaison"],
            {"create": True, "email": "n@enlace.example", "password": "long-enough-pw"},
            "cannot create user",
        ),
    ],
)
def test_bad_arguments_give_a_clear_error_and_change_nothing(args, options, message):
    factories.user("delegate", table="1", username="delegate-existing")  # the existing account named below
    users_before = list(get_user_model().objects.values_list("username", flat=True))
    with pytest.raises(CommandError, match=message):
        call_command("grant_role", *args, **options)
    assert list(get_user_model().objects.values_list("username", flat=True)) == users_before


@pytest.mark.parametrize(
    "argv, message",
    [(["someone", "emperor"], "invalid choice: 'emperor'"), (["someone", "delegate", "--table", "9"], "invalid choice: '9'")],
)
def test_bad_arguments_from_the_shell_exit_non_zero_without_traceback(argv, message):
    result = subprocess.run(
        [sys.executable, "manage.py", "grant_role", *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
