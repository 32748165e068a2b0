"""The admin refuses a privileged account without its second factor."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .otp import has_second_factor, second_factor_required

ADMIN_PREFIX = "/admin/"
# The admin's own login and logout stay reachable (the login is the two-step one).
OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/")


class SecondFactorMiddleware:
    """When ``ENLACE_REQUIRE_2FA`` is on, an administrator, network member or curator who has not
    signed in with a second factor is sent from the admin to the code page (when they have a
    device) or to setting one up (when they have none)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(ADMIN_PREFIX) and not path.startswith(OPEN_ADMIN_PATHS):
            user = request.user
            if user.is_authenticated and not user.is_verified() and second_factor_required(user):
                target = "login_code" if has_second_factor(user) else "workspace:security"
                return redirect(reverse(target) + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)
