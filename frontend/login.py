"""The site's and the admin's login doors, in two steps when the account has a second factor:
the password first (django-axes counts its failures), then a code from the person's app or one
of their recovery codes (wrong codes count as failed logins too). Nobody is signed in before the
second step has passed. See docs/accounts.md."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from wagtail.admin.views.account import LoginView as WagtailLoginView

from enlace.accounts.otp import check_code, has_second_factor

PENDING = "enlace_login_pending"


class TwoStepLoginMixin:
    """After a right password, an account with a second factor is sent to the code page instead
    of being signed in."""

    def form_valid(self, form):
        user = form.get_user()
        if not has_second_factor(user):
            return super().form_valid(form)
        self.request.session.cycle_key()
        self.request.session[PENDING] = {"user": user.pk, "backend": user.backend, "at": time.time()}
        return redirect(reverse("login_code") + "?" + urlencode({"next": self.get_success_url()}))


class SiteLoginView(TwoStepLoginMixin, auth_views.LoginView):
    template_name = "frontend/login.html"


class AdminLoginView(TwoStepLoginMixin, WagtailLoginView):
    pass


def pending_user(request):
    """The account whose password was accepted and that waits for its code, if still in time."""
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict):
        return None, None
    if time.time() - float(pending.get("at", 0)) > settings.LOGIN_CODE_MINUTES * 60:
        request.session.pop(PENDING, None)
        return None, None
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
    return user, pending.get("backend")


def safe_next(request, value) -> str:
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return value
    return settings.LOGIN_REDIRECT_URL


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def login_code(request):
    """The second step: a code from the app (or a recovery code) for the pending account, or for
    a signed-in account with a device whose session has not been verified yet."""
    user, backend = pending_user(request)
    if user is None and request.user.is_authenticated and not request.user.is_verified() and has_second_factor(request.user):
        user = request.user
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if user is None:
        return redirect(reverse("login") + "?" + urlencode({"next": next_url}))
    error, status = "", 200
    if request.method == "POST":
        credentials = {"username": user.get_username()}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return get_lockout_response(request, None, credentials)
        device = check_code(user, request.POST.get("code"))
        if device is not None:
            if request.user != user:
                request.session.pop(PENDING, None)
                auth_login(request, user, backend=backend)
            otp_login(request, device)
            return redirect(next_url)
        # A wrong code is a failed login: django-axes counts it for the account and the address.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        error, status = _("This code is not valid. Enter the current code from your app, or one of your recovery codes."), 400
    return TemplateResponse(request, "frontend/login_code.html", {"next": next_url, "error": error}, status=status)
