"""The lock-out backend: django-axes' standalone backend, first in AUTHENTICATION_BACKENDS."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Refuses every login of a locked-out account or address. An ``authenticate()`` without a
    request (a management command, the test client's ``login()``) is no login door: it is let
    through to the next backend instead of failing as axes would."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
