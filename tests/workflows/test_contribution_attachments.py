"""Contributions' attachments: uploaded through the service into the private collection of their
table, refused (field ``attachment``, nothing stored) when of a type not allowed or too large,
and served only to the table's readers, attached yet or not. The people are made here (the
``people`` fixture, ``tests/factories.py``), never the demo world's."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from cms.models import Contribution, TableCollection
from workflows import documents
from workflows.contributions import contribution_create, contribution_update
from workflows.errors import WorkflowError
from workflows.roles import grant_role, table_reader_groups

pytestmark = pytest.mark.django_db
Document = get_document_model()


@pytest.fixture(autouse=True)
def english():
    """The services' messages are translated: these tests read them in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.CONTRIBUTION_ATTACHMENT_MAX_MB = 1
    return tmp_path


def upload(name="acta.txt", content=b"Acta de la mesa 1: vias regulares.", content_type="text/plain"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()]


def test_an_upload_is_stored_in_the_private_collection_of_its_table(people, media):
    contribution = contribution_create(
        user=people["delegate1"], table="1", title="Aporte con acta", text="Texto", upload=upload()
    )
    document = contribution.attachment
    assert document.title == "acta.txt" and document.uploaded_by_user == people["delegate1"]
    assert document.file_size == len(b"Acta de la mesa 1: vias regulares.") and document.file_hash
    collection = TableCollection.objects.get(table="1").collection
    assert document.collection == collection and collection.name == "Mesa 1 · documentos de trabajo"
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == "groups"
    assert sorted(restriction.groups.values_list("name", flat=True)) == sorted(table_reader_groups("1"))
    # One collection per table, reused.
    again = contribution_create(user=people["secretariat1"], table="1", title="Otro", text="T", upload=upload("b.pdf"))
    assert again.attachment.collection == collection and TableCollection.objects.filter(table="1").count() == 1
    assert len(stored_files(media)) == 2


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("programa.exe", b"MZ\x90\x00", "not accepted"),
        ("sin-extension", b"texto", "not accepted"),
        ("foto.JPG", b"\xff\xd8\xff", "not accepted"),
        ("vacio.txt", b"", "empty"),
        ("grande.pdf", b"x" * (1024 * 1024 + 1), "larger than 1 MB"),
    ],
)
def test_a_forbidden_type_or_size_is_a_field_error_and_nothing_is_stored(people, media, name, content, message):
    before = (Contribution.objects.count(), Document.objects.count())
    with pytest.raises(WorkflowError) as refused:
        contribution_create(user=people["delegate1"], table="1", title="Aporte", text="Texto", upload=upload(name, content))
    assert (refused.value.field, refused.value.status_code) == ("attachment", 400)
    assert message in refused.value.message
    assert (Contribution.objects.count(), Document.objects.count()) == before
    assert stored_files(media) == []


def test_exactly_the_limit_is_accepted_and_extensions_ignore_case(people):
    contribution = contribution_create(
        user=people["delegate1"], table="1", title="Aporte", text="Texto", upload=upload("INFORME.PDF", b"%" * (1024 * 1024))
    )
    assert contribution.attachment.file_size == 1024 * 1024


def test_an_edit_with_a_bad_upload_saves_nothing_and_keeps_the_attachment(people, media):
    contribution = contribution_create(user=people["delegate1"], table="1", title="Aporte", text="Texto", upload=upload())
    with pytest.raises(WorkflowError) as refused:
        contribution_update(
            contribution=contribution, user=people["delegate1"], title="Cambiado", upload=upload("virus.bat", b"echo")
        )
    assert refused.value.field == "attachment"
    contribution.refresh_from_db()
    assert contribution.title == "Aporte" and contribution.attachment.title == "acta.txt"
    assert Document.objects.filter(title="virus.bat").count() == 0 and len(stored_files(media)) == 1


def test_an_edit_replaces_or_removes_the_attachment(people):
    author = people["delegate1"]
    contribution = contribution_create(user=author, table="1", title="Aporte", text="Texto", upload=upload())
    first = contribution.attachment
    contribution = contribution_update(contribution=contribution, user=author, upload=upload("version-2.odt", b"v2"))
    assert contribution.attachment.title == "version-2.odt" and contribution.attachment != first
    assert Document.objects.filter(pk=first.pk).exists()  # the earlier version keeps its attachment
    contribution = contribution_update(contribution=contribution, user=author, attachment=None)
    assert contribution.attachment is None


def test_a_document_of_another_tables_collection_cannot_be_attached(people):
    other = contribution_create(user=people["delegate2"], table="2", title="Aporte 2", text="T", upload=upload()).attachment
    with pytest.raises(WorkflowError) as refused:
        contribution_create(user=people["delegate1"], table="1", title="Aporte 1", text="T", attachment=other)
    assert refused.value.field == "attachment"
    assert not Contribution.objects.filter(title="Aporte 1").exists()


def test_the_attachment_moves_with_its_contribution(client, people):
    author = people["delegate1"]
    grant_role(author, "delegate", table="3")
    contribution = contribution_create(user=author, table="1", title="Aporte", text="Texto", upload=upload())
    contribution = contribution_update(contribution=contribution, user=author, table="3")
    document = Document.objects.get(pk=contribution.attachment_id)
    assert documents.table_of_collection(document.collection_id) == "3"
    client.force_login(people["secretariat1"])  # reads table 1, not table 3
    assert client.get(document.url).status_code == 404
    client.force_login(people["delegate3"])
    assert client.get(document.url).status_code == 200


def test_a_document_in_a_tables_collection_is_served_to_its_readers_only_attached_or_not(client, people):
    """The guard of /documents/: what sits in a table's collection is the table's, even before
    a contribution attaches it (an edit that replaced it, an upload whose contribution was not
    saved...)."""
    collection = documents.table_collection("1")
    document = Document.objects.create(
        title="Borrador suelto", collection=collection, file=SimpleUploadedFile("suelto.txt", b"borrador reservado")
    )
    assert not Contribution.objects.filter(attachment=document).exists()
    assert client.get(document.url).status_code == 404  # anonymous: not a login page, nothing at all
    expected = {
        "member": 200,
        "secretariat1": 200,
        "delegate1": 200,
        "admin": 200,
        "delegate2": 404,
        "liaison1": 404,
        "network": 404,
        "curator": 404,
    }
    for username, status in expected.items():
        client.force_login(people[username])
        response = client.get(document.url)
        assert response.status_code == status, username
        if status == 200:
            assert b"".join(response.streaming_content) == b"borrador reservado"


def test_documents_outside_the_tables_stay_public(client):
    public = Document.objects.create(title="Informe público", file=SimpleUploadedFile("informe.txt", b"publico"))
    response = client.get(public.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"publico"
