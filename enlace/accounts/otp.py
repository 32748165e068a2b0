"""Who needs a second factor, and checking one (django-otp's TOTP and static devices)."""

from __future__ import annotations

from django.conf import settings
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# Roles that must use a second factor when ENLACE_REQUIRE_2FA is on (workflows/roles.py groups;
# administrators are superusers).
PRIVILEGED_GROUPS = ("network", "curator")
RECOVERY_CODES = 10
RECOVERY_DEVICE = "recovery"


def is_privileged(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=PRIVILEGED_GROUPS).exists()


def second_factor_required(user) -> bool:
    """Whether ``user`` may not reach the admin (nor obtain an API token) without a second factor."""
    return bool(settings.ENLACE_REQUIRE_2FA) and is_privileged(user)


def has_second_factor(user) -> bool:
    """A confirmed TOTP device (recovery codes alone do not count: they come with one)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def check_code(user, code) -> object | None:
    """The device that accepts ``code`` (a TOTP code or an unused recovery code), or None.
    A recovery code is used up by this call."""
    if not isinstance(code, str):
        return None
    code = "".join(code.split())
    if not code or len(code) > 32:
        return None
    return match_token(user, code)


def new_recovery_codes(user) -> list[str]:
    """Replace ``user``'s recovery codes with RECOVERY_CODES new ones, returned once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_second_factor(user) -> None:
    for device in devices_for_user(user, confirmed=None):
        device.delete()


__all__ = ["user_has_device", "TOTPDevice"]
