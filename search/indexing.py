"""Keeping the indexes in step with the content (side effects of publishing, hence signals).

* The database backend's tables are updated **synchronously, in the same transaction** as the
  change: the fallback search is always current and a rolled-back publish leaves no trace.
* Elasticsearch gets an idempotent Celery task (:func:`search.tasks.index_page`) **after
  commit**, and only when ``ELASTICSEARCH_URL`` is set. In eager mode (no broker) the index
  write runs once in-process and a failure is only logged: a request never waits on retries
  (``search_check --repair`` catches up).

Receivers: ``page_published``, ``page_unpublished``, ``post_delete`` of the indexed page
types, ``post_page_move`` and ``page_slug_changed`` (URLs and tables of a subtree), view
restrictions (``public()``), and organisations (their names are indexed with practices).
Besides, the publication, withdrawal, move or deletion of **any** page (events, translations,
table spaces…) starts a new generation of the response cache (``search.cache``) on commit: the
progress board and the localised titles of hits read such pages.
Every receiver reloads the item from the database: the document is built from what is
published, never from the in-memory instance (which may hold a draft). Versions of a page in
other locales (aliases, translations) are not items of their own (cms/i18n.py): their events
are ignored.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.i18n import is_original
from cms.models import FollowUpReport, Organisation, PracticePage, RecommendationPage, TableSpacePage

from .documents import MODELS, TYPES, document_for, kind_of_model

logger = logging.getLogger(__name__)


def database_backend():
    from .backends.database import DatabaseBackend

    return DatabaseBackend()


# --- what to do for one item ----------------------------------------------------------------


def item_changed(kind: str, pk: int) -> None:
    """Bring both indexes in line with item ``pk`` as it is now in the database."""
    sync_database(kind, pk)
    schedule_elasticsearch(pk)


def sync_database(kind: str, pk: int) -> None:
    try:
        with transaction.atomic():  # a savepoint: a search failure never breaks a publish
            document = document_for(kind, pk)
            if document is None:
                database_backend().remove([(kind, pk)])
            else:
                database_backend().upsert([document])
    except Exception:
        logger.exception("search: could not update the database index for %s %s", kind, pk)


def schedule_elasticsearch(pk: int) -> None:
    """With a broker, the index task goes through the transactional outbox (written with the
    change, sent after commit, relayed if the broker was down); eagerly, it runs after commit."""
    if not settings.ELASTICSEARCH_URL:
        return
    from .tasks import index_page

    if index_page.app.conf.task_always_eager:
        transaction.on_commit(lambda: sync_after_commit(pk))
    else:
        from enlace import outbox

        outbox.enqueue(index_page.name, pk)


def sync_after_commit(pk: int) -> None:
    """Eager mode (no broker): write once, in-process; no inline retries in a request
    (``search_check --repair`` catches up)."""
    try:
        sync_elasticsearch(pk)
    except Exception as exc:
        logger.warning("search: Elasticsearch not updated for page %s (%s: %s)", pk, type(exc).__name__, exc)


def sync_elasticsearch(pk: int, *, refresh: bool = False) -> str:
    """Write item ``pk``'s current document to Elasticsearch, or delete it: idempotent."""
    from .backends.elasticsearch import ElasticsearchBackend

    backend = ElasticsearchBackend()
    page = Page.objects.filter(pk=pk).only("pk", "content_type").first()
    kind = kind_of_model(page.specific_class) if page is not None and page.specific_class else None
    document = document_for(kind, pk) if kind else None
    stale_kinds = [other for other in TYPES if document is None or other != kind]
    if document is not None:
        backend.upsert([document], refresh=refresh)
    backend.remove([(other, pk) for other in stale_kinds], refresh=refresh)
    return "indexed" if document is not None else "removed"


# --- receivers ------------------------------------------------------------------------------


def _indexed_in_subtree(page: Page) -> list[tuple[str, int]]:
    rows = Page.objects.descendant_of(page, inclusive=True).type(*MODELS.values()).specific(defer=True)
    return [(kind_of_model(type(row)), row.pk) for row in rows]


def on_published_or_unpublished(sender, instance, **kwargs) -> None:
    if not is_original(instance):
        return
    kind = kind_of_model(sender)
    if kind:
        item_changed(kind, instance.pk)
    elif isinstance(instance, TableSpacePage):  # its table code decides its recommendations' table
        for kind, pk in _indexed_in_subtree(instance):
            item_changed(kind, pk)


def on_deleted(sender, instance, **kwargs) -> None:
    kind = kind_of_model(sender)
    if kind and is_original(instance):
        item_changed(kind, instance.pk)


def on_subtree_changed(sender, instance, **kwargs) -> None:
    if not is_original(instance):
        return
    for kind, pk in _indexed_in_subtree(instance):
        item_changed(kind, pk)


def on_view_restriction_changed(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        on_subtree_changed(sender, page)


def on_organisation_saved(sender, instance, **kwargs) -> None:
    for pk in PracticePage.objects.originals().filter(organisations=instance).values_list("pk", flat=True):
        item_changed("practice", pk)


def on_follow_up_changed(sender, instance, **kwargs) -> None:
    """A report reviewed, corrected or deleted: its recommendation's follow-up facets."""
    item_changed("recommendation", instance.recommendation_id)


def on_any_page_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        from . import cache as response_cache

        response_cache.bump_on_commit()


def connect() -> None:
    page_published.connect(on_any_page_changed, dispatch_uid="search.cache.published")
    page_unpublished.connect(on_any_page_changed, dispatch_uid="search.cache.unpublished")
    post_page_move.connect(on_any_page_changed, dispatch_uid="search.cache.moved")
    post_delete.connect(on_any_page_changed, dispatch_uid="search.cache.deleted")
    page_published.connect(on_published_or_unpublished, dispatch_uid="search.published")
    page_unpublished.connect(on_published_or_unpublished, dispatch_uid="search.unpublished")
    for model in (PracticePage, RecommendationPage):
        post_delete.connect(on_deleted, sender=model, dispatch_uid=f"search.deleted.{model.__name__}")
    post_page_move.connect(on_subtree_changed, dispatch_uid="search.moved")
    page_slug_changed.connect(on_subtree_changed, dispatch_uid="search.slug_changed")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
    post_save.connect(on_organisation_saved, sender=Organisation, dispatch_uid="search.organisation_saved")
    post_save.connect(on_follow_up_changed, sender=FollowUpReport, dispatch_uid="search.follow_up_saved")
    post_delete.connect(on_follow_up_changed, sender=FollowUpReport, dispatch_uid="search.follow_up_deleted")
