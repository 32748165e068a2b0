"""Contributions in the workspace (/espacio/aportes/), as each role: who lists, reads, comments,
edits and uploads; and the consolidation link seen from both sides. The people and items are made
here (``people``, ``item_at``: ``tests/factories.py``), never the demo world's."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.timezone import localtime
from wagtail.documents import get_document_model

from cms.models import Contribution, ContributionComment
from tests.factories import names
from workflows.contributions import contribution_comment, contribution_create

pytestmark = pytest.mark.django_db
Document = get_document_model()
LIST = "/espacio/aportes/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.CONTRIBUTION_ATTACHMENT_MAX_MB = 1
    return tmp_path


@pytest.fixture
def own(people):
    """delegate1's contribution of table 1 with an attachment and a comment of the member."""
    contribution = contribution_create(
        user=people["delegate1"],
        table="1",
        title="Vías regulares para trabajadoras migrantes",
        text="Propuesta de la mesa 1 sobre visas de trabajo.",
        objectives=["5"],
        countries=["PE"],
        upload=SimpleUploadedFile("propuesta.txt", b"propuesta reservada de la mesa 1"),
    )
    contribution_comment(contribution=contribution, user=people["member"], text="Sumemos el caso de Perú.")
    return contribution


@pytest.fixture
def theirs(people):
    return contribution_create(
        user=people["delegate2"], table="2", title="Búsqueda de personas desaparecidas", text="Aporte de la mesa 2."
    )


def login(client, people, name):
    client.force_login(people[name])
    return client


def url(contribution, suffix=""):
    return f"/espacio/aportes/{contribution.pk}/{suffix}"


def download(client, document):
    response = client.get(document.url)
    return response.status_code, b"".join(response.streaming_content) if response.status_code == 200 else b""


def test_the_list_shows_the_contributions_of_the_tables_the_user_reads(client, people, own, theirs):
    page = login(client, people, "member").get(LIST).content.decode()
    assert own.title in page and theirs.title not in page
    assert f'href="/espacio/aportes/{own.pk}/"' in page
    page = login(client, people, "delegate2").get(LIST).content.decode()
    assert theirs.title in page and own.title not in page
    assert login(client, people, "delegate1").get(LIST + "?mesa=2").content.decode().count(theirs.title) == 0
    # Someone who reads no table is told so.
    response = login(client, people, "liaison1").get(LIST)
    assert response.status_code == 200 and own.title not in response.content.decode()
    client.logout()
    assert client.get(LIST).status_code == 302  # to the login page


def test_the_navigation_offers_each_part_to_whom_it_concerns(client, people):
    nav = {}
    for name in ("member", "delegate1", "secretariat1", "liaison1"):
        page = login(client, people, name).get("/espacio/").content.decode()
        nav[name] = {
            part
            for part, href in (
                ("contributions", 'href="/espacio/aportes/"'),
                ("organisation", 'href="/espacio/organizacion/"'),
                ("table", 'href="/espacio/mesa/"'),
            )
            if href in page
        }
    assert nav == {
        "member": {"contributions", "organisation"},
        "delegate1": {"contributions"},
        "secretariat1": {"contributions", "table"},
        "liaison1": set(),
    }


def test_a_delegate_of_table_2_sees_nothing_of_table_1(client, people, own):
    login(client, people, "delegate2")
    for path in (url(own), url(own, "editar/")):
        response = client.get(path)
        assert response.status_code == 404 and own.title not in response.content.decode()
    assert client.post(url(own, "comentar/"), {"text": "Intruso"}).status_code == 404
    assert client.post(url(own, "editar/"), {"table": "1", "title": "Cambiado", "text": "X"}).status_code == 404
    assert download(client, own.attachment) == (404, b"")
    assert own.comments.count() == 1 and Contribution.objects.get(pk=own.pk).title == own.title


def test_a_member_of_table_1_reads_downloads_and_comments_but_does_not_edit(client, people, own):
    login(client, people, "member")
    page = client.get(url(own)).content.decode()
    for expected in (
        own.title,
        "Propuesta de la mesa 1 sobre visas de trabajo.",
        "propuesta.txt",
        own.attachment.url,
        "Sumemos el caso de Perú.",
        "Perú",
    ):
        assert expected in page, expected
    assert names(page, people["delegate1"]) and names(page, people["member"])  # the author, the commenter
    assert url(own, "editar/") not in page
    assert download(client, own.attachment) == (200, b"propuesta reservada de la mesa 1")
    response = client.post(url(own, "comentar/"), {"text": "Y el de Ecuador."})
    assert response.status_code == 302 and response["Location"] == url(own) + "#comments"
    assert [c.text for c in own.comments.order_by("pk")] == ["Sumemos el caso de Perú.", "Y el de Ecuador."]
    assert "Y el de Ecuador." in client.get(url(own)).content.decode()
    assert client.get(url(own, "editar/")).status_code == 403
    response = client.post(url(own, "editar/"), {"table": "1", "title": "Cambiado por otra persona", "text": "X"})
    assert response.status_code == 403 and Contribution.objects.get(pk=own.pk).title == own.title
    assert login(client, people, "secretariat1").get(url(own, "editar/")).status_code == 403


def test_an_empty_comment_is_a_field_error(client, people, own):
    response = login(client, people, "member").post(url(own, "comentar/"), {"text": "   "})
    assert response.status_code == 400
    page = response.content.decode()
    assert field_errors(page, "text") and 'aria-invalid="true"' in page
    assert own.comments.count() == 1


def test_the_author_creates_and_edits_with_an_upload(client, people):
    login(client, people, "delegate1")
    form = client.get("/en/espacio/aportes/nuevo/").content.decode()
    assert 'enctype="multipart/form-data"' in form and 'accept=".csv,.docx' in form and "at most 1 MB" in form
    response = client.post(
        "/espacio/aportes/nuevo/",
        {
            "table": "1",
            "title": "Síntesis para la mesa",
            "text": "Puntos del tema 1.",
            "objectives": ["7", "8"],
            "countries": ["EC"],
            "other_countries": ["ES"],
            "attachment": SimpleUploadedFile("sintesis.pdf", b"%PDF-1.4 sintesis"),
        },
    )
    created = Contribution.objects.get(title="Síntesis para la mesa")
    assert response.status_code == 302 and response["Location"] == url(created)
    assert (created.author, created.table, created.objectives, created.countries) == (
        people["delegate1"],
        "1",
        ["7", "8"],
        ["EC", "ES"],
    )
    assert created.attachment.title == "sintesis.pdf"
    edit = client.get(url(created, "editar/")).content.decode()
    assert "Síntesis para la mesa" in edit and 'name="remove_attachment"' in edit
    response = client.post(
        url(created, "editar/"), {"table": "1", "title": "Síntesis revisada", "text": "Puntos.", "remove_attachment": "on"}
    )
    assert response.status_code == 302
    created.refresh_from_db()
    assert created.title == "Síntesis revisada" and created.attachment is None


def field_errors(page: str, name: str) -> str:
    found = re.search(rf'<ul class="field-errors" id="id_{name}-errors">(.*?)</ul>', page, re.S)
    return found.group(1) if found else ""


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("grande.pdf", b"x" * (1024 * 1024 + 1), "larger than 1 MB"),
        ("macro.exe", b"MZ", "not accepted"),
        ("vacio.txt", b"", "empty"),
    ],
)
def test_an_upload_over_the_limit_or_of_a_forbidden_type_is_400_and_stores_nothing(client, people, media, name, content, message):
    login(client, people, "delegate1")
    before = (Contribution.objects.count(), Document.objects.count())
    response = client.post(
        "/en/espacio/aportes/nuevo/",
        {"table": "1", "title": "Aporte con archivo", "text": "Texto.", "attachment": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in field_errors(page, "attachment")
    assert "Aporte con archivo" in page  # what was typed is kept
    assert (Contribution.objects.count(), Document.objects.count()) == before
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_an_edit_with_a_bad_upload_changes_nothing(client, people, own):
    response = login(client, people, "delegate1").post(
        url(own, "editar/"),
        {
            "table": "1",
            "title": "Cambiado",
            "text": "Texto",
            "attachment": SimpleUploadedFile("x.exe", b"MZ"),
        },
    )
    assert response.status_code == 400 and field_errors(response.content.decode(), "attachment")
    after = Contribution.objects.get(pk=own.pk)
    assert after.title == own.title and after.attachment_id == own.attachment_id


def test_only_drafters_create(client, people):
    assert login(client, people, "member").get("/espacio/aportes/nuevo/").status_code == 404
    response = login(client, people, "delegate2").post("/espacio/aportes/nuevo/", {"table": "1", "title": "x", "text": "y"})
    assert response.status_code == 400 and field_errors(response.content.decode(), "table")
    assert not Contribution.objects.filter(title="x").exists()


def test_the_consolidation_link_seen_from_both_sides(client, people, own, theirs, item_at):
    item = item_at("table")
    recommendation_url = f"/espacio/recomendaciones/{item.pk}/"
    # The table's drafters choose on the recommendation's page.
    page = login(client, people, "secretariat1").get(recommendation_url).content.decode()
    assert f'action="/espacio/recomendaciones/{item.pk}/aportes/"' in page and own.title in page
    assert theirs.title not in page
    response = client.post(recommendation_url + "aportes/", {"contributions": [own.pk]})
    assert response.status_code == 302 and response["Location"] == recommendation_url + "#contributions"
    assert Contribution.objects.get(pk=own.pk).consolidated_into_id == item.pk
    # The contribution's page names the recommendation; the recommendation's lists it.
    login(client, people, "member")
    assert f'href="{recommendation_url}"' in client.get(url(own)).content.decode()
    page = client.get(recommendation_url).content.decode()
    assert f'href="{url(own)}"' in page and f'action="/espacio/recomendaciones/{item.pk}/aportes/"' not in page
    # Readers may not choose (403), other tables do not see it (404), another table's contribution is refused (400).
    assert client.post(recommendation_url + "aportes/", {"contributions": []}).status_code == 403
    assert (
        login(client, people, "delegate2").post(recommendation_url + "aportes/", {"contributions": [theirs.pk]}).status_code
        == 404
    )
    response = login(client, people, "delegate1").post(recommendation_url + "aportes/", {"contributions": [own.pk, theirs.pk]})
    assert response.status_code == 400 and field_errors(response.content.decode(), "contributions")
    assert set(Contribution.objects.filter(consolidated_into=item).values_list("pk", flat=True)) == {own.pk}


def test_the_workspace_speaks_the_visitors_language(client, people, own):
    login(client, people, "member")
    english = client.get(f"/en{url(own)}").content.decode()
    assert "Comments" in english and "Consolidated into" in english
    for prefix, word in (("", "Comentarios"), ("/pt", "Comentários"), ("/fr", "Commentaires")):
        assert word in client.get(f"{prefix}{url(own)}").content.decode(), prefix
    assert client.get("/en/espacio/aportes/").status_code == 200


def test_a_comment_thread_is_shown_with_author_and_time(client, people, own):
    contribution_comment(contribution=own, user=people["secretariat1"], text="Lo llevamos a la recomendación.")
    page = login(client, people, "delegate1").get(url(own)).content.decode()
    comment = ContributionComment.objects.get(text="Lo llevamos a la recomendación.")
    assert f'id="comment-{comment.pk}"' in page and names(page, people["secretariat1"])
    assert f'datetime="{localtime(comment.created_at).isoformat()}"' in page
