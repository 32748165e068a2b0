"""The Elasticsearch index kept in step, on the suite's node: publish → searchable, unpublish
→ gone (hits and counts), reindex under concurrent searches never answers empty, drift
detected and repaired. Index writes go through the real path: signal → on-commit → task
(eager in tests, as in the embedded mode with ELASTICSEARCH_URL set)."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command

from cms.models import PracticePage
from search import service
from search.documents import count_published, document_for, practice_document
from search.service import SearchQuery

from .conftest import add_practice, own_es_index, run, suggest_with

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]
BOTH = ("practice", "recommendation")


def uruguay(backend):
    return {v.code: v.count for v in run(backend).facets["country"]}.get("UY", 0)


def test_publish_then_unpublish(es_search, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_practice(title="Uruguay: Mesa de diálogo sobre migración laboral")
    try:
        es_search.refresh()
        results = service.search(SearchQuery(text="mesa de dialogo laboral"))
        assert results.backend == "elasticsearch" and not results.degraded
        assert [h.id for h in results.hits] == [page.pk]
        assert results.hits[0].highlight["title"]
        assert uruguay(es_search) == 1
        assert service.suggest("uruguay mesa")[0]["id"] == page.pk

        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()
        es_search.refresh()
        assert service.search(SearchQuery(text="mesa de dialogo laboral")).total == 0
        assert uruguay(es_search) == 0
        assert service.suggest("uruguay mesa") == []
    finally:
        es_search.remove([("practice", page.pk)], refresh=True)


def test_edit_and_delete(es_search, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_practice(title="Uruguay: Observatorio de retorno")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            page.title = "Uruguay: Observatorio de movilidad"
            page.save_revision().publish()
        es_search.refresh()
        assert [h.title for h in run(es_search, text="observatorio uruguay").hits] == ["Uruguay: Observatorio de movilidad"]
        with django_capture_on_commit_callbacks(execute=True):
            PracticePage.objects.originals().get(pk=page.pk).delete()
        es_search.refresh()
        assert run(es_search, text="observatorio uruguay").total == 0
    finally:
        es_search.remove([("practice", page.pk)], refresh=True)


def test_the_index_design_uses_the_richest_analysis_available(es_search):
    assert es_search.variant() in {"hunspell", "language"}  # the test node has es_ES/pt_BR dictionaries
    assert len(es_search.concrete_indices()) == 1
    assert es_search.concrete_indices()[0].startswith(es_search.alias + "-")


def test_reindex_under_concurrent_searches_never_answers_empty(es_search):
    expected = count_published()
    totals: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def searcher():
        while not stop.is_set():
            try:
                totals.append(es_search.search(SearchQuery(types=BOTH).validated()).total)
            except BaseException as exc:  # noqa: BLE001 - any failure is a finding
                errors.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        before = es_search.concrete_indices()
        for _ in range(3):
            err = StringIO()
            call_command("search_reindex", backend="elasticsearch", stdout=StringIO(), stderr=err)
            assert f"{expected}/{expected}" in err.getvalue()
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert not errors
    assert len(totals) > 20 and set(totals) == {expected}
    after = es_search.concrete_indices()
    assert len(after) == 1 and after != before  # swapped, old index deleted


def test_a_rebuild_sends_each_document_once_from_every_sender_and_a_rejected_one_keeps_the_old_index(es_search, monkeypatch):
    from elasticsearch import helpers

    from search.backends import elasticsearch as backend_module
    from search.documents import iter_documents

    monkeypatch.setattr(backend_module, "BATCH", 4)  # a dozen chunks for the two senders
    documents = list(iter_documents())
    assert backend_module.BULK_SENDERS >= 2 and len(documents) > 10 * 4
    assert es_search.rebuild(documents) == len(documents)
    assert es_search.search(SearchQuery(types=BOTH).validated()).total == len(documents)
    serving = es_search.concrete_indices()

    rejected = dict(documents[9], id="not-a-number")  # "id" is a long: the node refuses the document
    with pytest.raises(helpers.BulkIndexError):
        es_search.rebuild(documents[:30] + [rejected] + documents[30:])
    assert es_search.concrete_indices() == serving  # the alias never moved
    left = es_search.admin_client.indices.get(index=f"{es_search.alias}-*")
    assert list(left) == serving  # the half-loaded index is gone
    assert es_search.search(SearchQuery(types=BOTH).validated()).total == len(documents)


def test_changes_made_during_a_reindex_are_caught_up_without_building_every_document_again(
    elasticsearch_url, monkeypatch, django_capture_on_commit_callbacks
):
    """On an index of its own: the changes below are rolled back in the database after the test,
    not in Elasticsearch, so the module's index must not see them."""
    from search import reconcile
    from search.backends.database import DatabaseBackend
    from search.management.commands import search_reindex

    edited, withdrawn = list(PracticePage.objects.originals().live().order_by("pk")[:2])
    made = {}
    load = search_reindex.iter_documents

    def loading():
        for n, document in enumerate(load()):
            if n == 1:  # the load has begun (its first chunk read): the alias still serves the old index
                with django_capture_on_commit_callbacks(execute=True):
                    made["new"] = add_practice(title="Publicada durante la reindexación")
                    withdrawn.unpublish()
                    edited.title = "Editada durante la reindexación"
                    edited.save_revision().publish()
            yield document

    def built_again(*args, **kwargs):
        raise AssertionError("the catch-up built every document again")

    with own_es_index(elasticsearch_url, "caught") as backend:
        monkeypatch.setattr(search_reindex, "iter_documents", loading)
        monkeypatch.setattr(reconcile, "iter_documents", built_again)
        out = StringIO()
        call_command("search_reindex", backend="elasticsearch", no_progress=True, stdout=out)
        assert "caught up (elasticsearch: 1 missing, 1 stale, 1 extra)" in out.getvalue()
        assert backend.fingerprints() == DatabaseBackend().fingerprints()
        assert [h.id for h in run(backend, text="publicada durante la reindexacion").hits] == [made["new"].pk]
        assert [h.id for h in run(backend, text="editada durante la reindexacion").hits] == [edited.pk]
        assert withdrawn.pk not in {h.id for h in run(backend, page_size=100).hits}
        assert run(backend, types=BOTH, page_size=100).total == count_published()


def test_drift_is_reported_and_repaired(es_search):
    published = list(PracticePage.objects.originals().live().order_by("pk")[:2])
    missing, stale = published
    extra = add_practice(title="Retirada", publish=False)
    try:
        es_search.remove([("practice", missing.pk)])
        changed = document_for("practice", stale.pk)
        changed["title"], changed["fingerprint"] = "Título viejo", "0" * 40
        es_search.upsert([changed, practice_document(extra)], refresh=True)

        out = StringIO()
        call_command("search_check", backend="elasticsearch", stdout=out)
        assert "elasticsearch: 1 missing, 1 stale, 1 extra" in out.getvalue()
        out = StringIO()
        call_command("search_check", backend="elasticsearch", repair=True, stdout=out)
        assert "repaired: elasticsearch: 0 missing, 0 stale, 0 extra" in out.getvalue()
        assert run(es_search, text="titulo viejo").total == 0
        assert missing.pk in {h.id for h in run(es_search, text=missing.title).hits}
    finally:
        es_search.remove([("practice", extra.pk)], refresh=True)


def test_nothing_unpublished_in_elasticsearch(es_search):
    hidden = add_practice(title="Borrador: Práctica confidencial de Tapachula", publish=False)
    es_search.refresh()
    assert hidden.pk not in {h.id for h in run(es_search, text="confidencial tapachula").hits}
    assert run(es_search, types=BOTH, page_size=100).total == count_published()
    assert hidden.pk not in {s["id"] for s in suggest_with(es_search, "borrador")}
