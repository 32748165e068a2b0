"""``/espacio/seguridad/``: a person's second factor. Anyone may set up an authenticator app
(TOTP: the secret as text, its ``otpauth://`` address and a QR code), confirm it with a first
code, receive ten recovery codes shown once, replace them, and switch the second factor off
(with a current code). See docs/accounts.md."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from enlace.accounts.otp import (
    check_code,
    has_second_factor,
    new_recovery_codes,
    recovery_codes_left,
    remove_second_factor,
    second_factor_required,
)
from frontend.login import safe_next

APP_DEVICE = "app"


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@sensitive_post_parameters("code")
@never_cache
@login_required
def security(request):
    user = request.user
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    active = has_second_factor(user)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    context = {"nav": "security", "next": next_url, "error": "", "codes": None}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        code = request.POST.get("code")
        if action == "start" and not active:
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
            return redirect(request.get_full_path())
        elif action == "confirm" and pending is not None and not active:
            if isinstance(code, str) and pending.verify_token("".join(code.split())):
                pending.confirmed = True
                pending.save(update_fields=["confirmed"])
                otp_login(request, pending)  # this session has just proved the second factor
                context["codes"] = new_recovery_codes(user)
                context["continue_url"] = safe_next(request, next_url) if next_url else ""
                pending, active = None, True
            else:
                context["error"], status = (
                    _("This code is not valid. Check the time of your device and enter the current code."),
                    400,
                )
        elif action == "codes" and active:
            if check_code(user, code) is not None:
                context["codes"] = new_recovery_codes(user)
            else:
                context["error"], status = _("This code is not valid."), 400
        elif action == "disable" and active:
            if check_code(user, code) is not None:
                remove_second_factor(user)
                messages.success(request, _("The second factor is off: you log in with your password only."))
                return redirect("workspace:security")
            context["error"], status = _("This code is not valid."), 400
        else:
            context["error"], status = _("This action is not available."), 400
    if pending is not None and not active:
        uri = pending.config_url
        context.update(
            setup=True,
            secret=secret_text(pending),
            uri=uri,
            qr=segno.make(uri, error="m").svg_inline(scale=4, border=4, dark="#000", light="#fff"),
        )
    context.update(
        active=active,
        required=second_factor_required(user),
        verified=user.is_verified(),
        codes_left=recovery_codes_left(user) if active else 0,
    )
    return TemplateResponse(request, "workspace/security.html", context, status=status)  # never_cache: no-store
