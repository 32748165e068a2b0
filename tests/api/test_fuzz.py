"""Schemathesis generates requests from our own OpenAPI schema and sends them to the WSGI
application: whatever it sends, the API never answers with a server error."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
app = get_wsgi_application()


@pytest.fixture
def delegate_headers(db):
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=get_user_model().objects.get(username="delegate1"))
    return {"Authorization": f"Token {token.key}"}


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_server_errors(case, delegate_headers):
    """As a delegate of table 1, who may read and write the most (writes roll back with the test)."""
    response = case.call(app=app, headers=delegate_headers)
    assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
