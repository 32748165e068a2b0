"""The answer to a locked-out login, in the door's language: JSON ``{"detail": ...}`` with 429
on the API, the site's page otherwise (the admin's door included)."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def lockout_message() -> str:
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return ngettext(
        "Too many failed login attempts for this account or from this address. "
        "Try again in %(minutes)d minute, or ask an administrator to unlock the account.",
        "Too many failed login attempts for this account or from this address. "
        "Try again in %(minutes)d minutes, or ask an administrator to unlock the account.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    status = settings.AXES_HTTP_RESPONSE_CODE
    retry_after = str(settings.LOGIN_LOCKOUT_MINUTES * 60)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": lockout_message()}, status=status)
    else:
        response = TemplateResponse(
            request, "frontend/locked_out.html", {"message": lockout_message(), "title": _("Login locked")}, status=status
        )
        response.render()
    response["Retry-After"] = retry_after
    response["Cache-Control"] = "no-store"
    return response
