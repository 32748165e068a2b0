"""Keeping the database index in step (synchronously, in the publishing transaction), nothing
unpublished in search, and drift detected and repaired by ``search_check``. These run on
SQLite and on PostgreSQL; the Elasticsearch side is in ``test_es_lifecycle.py``."""

from io import StringIO

import pytest
from django.core.management import call_command

from cms.models import PracticePage, RecommendationPage
from search.backends.database import DatabaseBackend
from search.documents import practice_document
from search.models import SearchEntry

from .conftest import add_practice, run, suggest_with

pytestmark = pytest.mark.django_db
db = DatabaseBackend()


def found(text, **query):
    return {(h.type, h.id) for h in run(db, text=text, types=("practice", "recommendation"), page_size=100, **query).hits}


def uruguay_count():
    return {v.code: v.count for v in run(db).facets["country"]}.get("UY", 0)


def test_publish_unpublish_edit_delete():
    assert uruguay_count() == 0
    page = add_practice(title="Uruguay: Mesa Interinstitucional de Migración Laboral")
    key = ("practice", page.pk)
    assert key in found("mesa interinstitucional laboral")
    assert uruguay_count() == 1
    assert suggest_with(db, "uruguay mesa")[0]["id"] == page.pk

    # a draft edit is not searchable; publishing it is
    page.title = "Uruguay: Junta Nacional de Migración"
    revision = page.save_revision()
    assert key in found("interinstitucional") and key not in found("junta nacional")
    revision.publish()
    assert key in found("junta nacional") and key not in found("interinstitucional")

    page.unpublish()
    assert key not in found("junta nacional")
    assert uruguay_count() == 0 and suggest_with(db, "uruguay") == []
    assert run(db, filters={"country": ("UY",)}).total == 0

    page.refresh_from_db()
    page.save_revision().publish()
    assert key in found("junta nacional")
    page.delete()
    assert key not in found("junta nacional") and uruguay_count() == 0
    assert not SearchEntry.objects.filter(type="practice", object_id=page.pk).exists()


def test_a_page_moved_or_renamed_is_reindexed_with_its_new_url():
    page = add_practice(title="Uruguay: Programa de retorno")
    page.slug = "retorno-uruguay"
    page.save_revision().publish()
    [hit] = run(db, text="programa de retorno").hits
    assert hit.url.endswith("/retorno-uruguay/")


def test_nothing_unpublished_is_ever_found():
    never_published = add_practice(title="Borrador: Práctica confidencial de Tapachula", publish=False)
    hidden = list(PracticePage.objects.originals().filter(live=False)) + list(
        RecommendationPage.objects.originals().filter(live=False)
    )
    assert never_published in hidden and len(hidden) >= 2  # the demo world has items in review too
    published = PracticePage.objects.originals().live().count() + RecommendationPage.objects.originals().live().count()
    everything = run(db, types=("practice", "recommendation"), page_size=100)
    assert everything.total == published
    assert sum(v.count for v in everything.facets["type"]) == published
    hidden_keys = {("practice" if isinstance(p, PracticePage) else "recommendation", p.pk) for p in hidden}
    for page in hidden:
        assert not found(page.title) & hidden_keys
        assert not {s["id"] for s in suggest_with(db, page.title[:25], limit=50)} & {p.pk for p in hidden}
    assert not SearchEntry.objects.filter(object_id__in=[p.pk for p in hidden]).exists()


def test_drift_is_reported_and_repaired():
    published = PracticePage.objects.originals().live().order_by("pk")
    missing, stale = published[0], published[1]
    extra = add_practice(title="Retirada", publish=False)
    db.remove([("practice", missing.pk)])
    SearchEntry.objects.filter(type="practice", object_id=stale.pk).update(fingerprint="0" * 40)
    db.upsert([practice_document(extra)])  # as if an unpublish had been missed

    out = StringIO()
    call_command("search_check", backend="database", stdout=out)
    report = out.getvalue()
    assert "database: 1 missing, 1 stale, 1 extra" in report
    assert f"practice:{missing.pk}" in report and f"practice:{stale.pk}" in report and f"practice:{extra.pk}" in report

    out = StringIO()
    call_command("search_check", backend="database", repair=True, stdout=out)
    assert "repaired: database: 0 missing, 0 stale, 0 extra" in out.getvalue()
    out = StringIO()
    call_command("search_check", backend="database", fail_on_drift=True, stdout=out)
    assert "database: 0 missing, 0 stale, 0 extra" in out.getvalue()


def test_reindex_rebuilds_the_database_index():
    before = {(h.type, h.id) for h in run(db, types=("practice", "recommendation"), page_size=100).hits}
    SearchEntry.objects.all().delete()
    err = StringIO()
    out = StringIO()
    call_command("search_reindex", backend="database", stdout=out, stderr=err)
    assert f"database: {len(before)} documents indexed" in out.getvalue()
    assert "[" in err.getvalue() and f"{len(before)}/{len(before)}" in err.getvalue()
    assert {(h.type, h.id) for h in run(db, types=("practice", "recommendation"), page_size=100).hits} == before
