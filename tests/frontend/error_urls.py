"""The site's URLs plus two views that fail, for the error-page tests (tests/frontend/test_error_pages.py)."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from enlace.urls import handler403, handler404, handler500  # noqa: F401
from enlace.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = (
    i18n_patterns(
        path("prueba-prohibida/", forbidden),
        path("prueba-fallo/", broken),
        prefix_default_language=False,
    )
    + site_urlpatterns
)
