import pytest
from rest_framework.test import APIClient

from tests import factories


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def as_user(db):
    """``as_user(people["delegate1"])``: an API client authenticated with that factory-made
    account's token, obtained from POST /api/v1/auth/token/ like any client would."""

    def make(user):
        client = APIClient()
        response = client.post("/api/v1/auth/token/", {"username": user.username, "password": factories.PASSWORD})
        assert response.status_code == 200, response.content
        client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
        return client

    return make


@pytest.fixture(autouse=True)
def database_search_index(db):
    """The database search index over the session's demo data (kept in step by publishing)."""
    from search.backends.database import DatabaseBackend
    from search.documents import iter_documents

    DatabaseBackend().rebuild(iter_documents())


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttle counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
