"""A working table's documents: the attachments of its contributions, kept as Wagtail documents
in a private collection per table ("Mesa N · documentos de trabajo").

* :func:`table_collection`: the table's collection, created when first needed, with a Wagtail
  view restriction to the table's reader groups (``roles.table_reader_groups``), so Wagtail's
  own check and its admin say "private" too.
* :func:`check_upload`: the file types of ``WAGTAILDOCS_EXTENSIONS`` and the size limit
  ``CONTRIBUTION_ATTACHMENT_MAX_MB``; a refusal is a field error on ``attachment`` (400) and
  nothing is stored.
* :func:`store`: an upload becomes a document in the table's collection.
* :func:`may_download`: the rule of the ``before_serve_document`` hook: a document in a table's
  collection (attached yet or not), or attached to a contribution, is served only to the
  readers of that table (``roles.reads_table``).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.models import Contribution, TableCollection
from cms.taxonomies import TABLES

from .errors import WorkflowError
from .roles import reads_table, table_reader_groups

FIELD = "attachment"


def collection_name(table: str) -> str:
    return f"Mesa {table} · documentos de trabajo"


def max_bytes() -> int:
    return settings.CONTRIBUTION_ATTACHMENT_MAX_MB * 1024 * 1024


def allowed_extensions() -> list[str]:
    return [extension.lower() for extension in settings.WAGTAILDOCS_EXTENSIONS]


def table_collection(table: str) -> Collection:
    """The private collection of ``table``'s documents (created, with its restriction, once)."""
    from django.contrib.auth.models import Group

    if table not in TABLES:
        raise WorkflowError(f"unknown table {table!r}", field="table")
    found = TableCollection.objects.select_related("collection").filter(table=table).first()
    if found is not None:
        return found.collection
    try:
        with transaction.atomic():
            root = Collection.get_first_root_node() or Collection.add_root(name="Root")
            collection = root.add_child(name=collection_name(table))
            TableCollection.objects.create(table=table, collection=collection)
            restriction = CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.GROUPS
            )
            restriction.groups.set([Group.objects.get_or_create(name=name)[0] for name in table_reader_groups(table)])
    except IntegrityError:  # created meanwhile by another request
        return TableCollection.objects.select_related("collection").get(table=table).collection
    return collection


def table_of_collection(collection_id: int | None) -> str | None:
    """The table whose private collection this is, or None."""
    if collection_id is None:
        return None
    return TableCollection.objects.filter(collection_id=collection_id).values_list("table", flat=True).first()


def check_upload(upload) -> None:
    """Refuse (field ``attachment``) a file of a type not allowed, empty, or over the limit."""
    extension = os.path.splitext(upload.name or "")[1][1:].lower()
    allowed = allowed_extensions()
    if extension not in allowed:
        raise WorkflowError(
            gettext("Files of this type are not accepted. Accepted types: %(types)s.") % {"types": ", ".join(allowed)},
            field=FIELD,
        )
    if not upload.size:
        raise WorkflowError(gettext("The file is empty."), field=FIELD)
    if upload.size > max_bytes():
        raise WorkflowError(
            gettext("The file is larger than %(size)s MB.") % {"size": settings.CONTRIBUTION_ATTACHMENT_MAX_MB},
            field=FIELD,
        )


def store(upload, *, table: str, user):
    """A Wagtail document of ``upload`` in ``table``'s private collection (checked first)."""
    check_upload(upload)
    title = os.path.basename(upload.name)[:255]
    document = get_document_model()(title=title, file=upload, collection=table_collection(table), uploaded_by_user=user)
    document._set_document_file_metadata()
    document.save()
    return document


def discard(document) -> None:
    """Remove a stored file whose database row is being rolled back."""
    if document is not None and document.file:
        document.file.storage.delete(document.file.name)


def check_attachable(document, table: str) -> None:
    """An existing document may be attached in ``table`` unless it sits in another table's
    private collection (which would show it to this table's readers)."""
    owner = table_of_collection(document.collection_id)
    if owner is not None and owner != table:
        raise WorkflowError(gettext("This document belongs to another working table."), field=FIELD)


def follow_table(document, table: str) -> None:
    """A contribution moved to ``table``: its attachment, if in the old table's collection, moves
    into the new table's (its readers change with it)."""
    owner = table_of_collection(document.collection_id)
    if owner is not None and owner != table:
        document.collection = table_collection(table)
        document.save(update_fields=["collection"])


def may_download(user, document) -> bool:
    """Served only to the readers of the table whose collection holds the document, and of the
    tables whose contributions attach it (404 for everyone else)."""
    owner = table_of_collection(document.collection_id)
    if owner is not None and not reads_table(user, owner):
        return False
    attached = set(Contribution.objects.filter(attachment=document).values_list("table", flat=True))
    if attached and not any(reads_table(user, table) for table in attached):
        return False
    return True
