"""``make test`` runs the suite twice: on PostgreSQL (DATABASE_URL set) and on SQLite."""

import os

import pytest
from django.db import connection

from cms.models import PracticePage

pytestmark = pytest.mark.django_db


def test_the_configured_database_is_the_one_in_use():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_code_lists_round_trip_through_the_database():
    practice = PracticePage.objects.originals().live().first()
    practice.objectives = ["23", "1", "7"]
    practice.save_revision().publish()
    assert PracticePage.objects.originals().get(pk=practice.pk).objectives == ["23", "1", "7"]
