"""The API of a table's material: attachments uploaded with a contribution (multipart), the
recommendation a contribution is consolidated into, and a recommendation's contributions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model

from cms.models import Contribution
from workflows.contributions import consolidate, contribution_create

pytestmark = pytest.mark.django_db
Document = get_document_model()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.CONTRIBUTION_ATTACHMENT_MAX_MB = 1


def upload(name="resumen.txt", content=b"Resumen del tema 1 para la mesa."):
    return SimpleUploadedFile(name, content, content_type="text/plain")


def fetch(client, url):
    response = client.get(url)
    return response.status_code, b"".join(response.streaming_content) if response.status_code == 200 else b""


def test_a_contribution_with_its_attachment_uploaded_as_multipart(as_user, people):
    delegate1 = as_user(people["delegate1"])
    created = delegate1.post(
        "/api/v1/contributions/",
        {"title": "Aporte con resumen", "table": "1", "text": "Texto", "objectives": ["5"], "attachment": upload()},
        format="multipart",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["attachment"]["title"] == "resumen.txt" and body["consolidated_into"] is None
    url = body["attachment"]["url"]
    assert url.startswith("http://testserver/documents/")
    path = url.removeprefix("http://testserver")
    # The address is the site's /documents/: a browser's session decides who downloads it.
    browser = Client()
    assert fetch(browser, path)[0] == 404
    for role, status in (("member", 200), ("delegate2", 404)):  # member: of an organisation of table 1
        browser.force_login(people[role])
        assert fetch(browser, path) == (status, b"Resumen del tema 1 para la mesa." if status == 200 else b"")
    detail = f"/api/v1/contributions/{body['id']}/"
    assert as_user(people["member"]).get(detail).json()["attachment"] == body["attachment"]
    assert as_user(people["delegate2"]).get(detail).status_code == 404

    # The author replaces it (multipart PATCH), then removes it (JSON null).
    replaced = delegate1.patch(detail, {"attachment": upload("acta.pdf", b"%PDF-1.4 acta")}, format="multipart").json()
    assert replaced["attachment"]["title"] == "acta.pdf"
    assert delegate1.patch(detail, {"attachment": None}, format="json").json()["attachment"] is None
    # Someone of the table who is not the author may not.
    assert as_user(people["secretariat1"]).patch(detail, {"attachment": upload()}, format="multipart").status_code == 403


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("script.js", b"alert(1)", "not accepted"),
        ("grande.pdf", b"x" * (1024 * 1024 + 1), "larger than 1 MB"),
        ("vacio.txt", b"", "empty"),
    ],
)
def test_a_forbidden_type_or_size_is_400_on_attachment_and_creates_nothing(as_user, people, name, content, message):
    before = (Contribution.objects.count(), Document.objects.count())
    response = as_user(people["delegate1"]).post(
        "/api/v1/contributions/",
        {"title": "Aporte", "table": "1", "text": "Texto", "attachment": upload(name, content)},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400 and set(response.json()) == {"attachment"}
    assert message in response.json()["attachment"][0]
    assert (Contribution.objects.count(), Document.objects.count()) == before


def test_a_bad_upload_on_patch_changes_nothing(as_user, people):
    delegate1 = as_user(people["delegate1"])
    created = delegate1.post(
        "/api/v1/contributions/", {"title": "Aporte", "table": "1", "text": "Texto", "attachment": upload()}, format="multipart"
    ).json()
    detail = f"/api/v1/contributions/{created['id']}/"
    response = delegate1.patch(detail, {"title": "Cambiado", "attachment": upload("x.exe", b"MZ")}, format="multipart")
    assert response.status_code == 400 and set(response.json()) == {"attachment"}
    after = delegate1.get(detail).json()
    assert after["title"] == "Aporte" and after["attachment"] == created["attachment"]


def test_consolidated_into_and_a_recommendations_contributions(as_user, api, people, item_at):
    item = item_at("table")
    one = contribution_create(user=people["delegate1"], table="1", title="Aporte consolidado", text="A")
    contribution_create(user=people["delegate1"], table="1", title="Aporte suelto", text="B")
    consolidate(recommendation=item, contributions=[one], user=people["secretariat1"])
    assert as_user(people["member"]).get(f"/api/v1/contributions/{one.pk}/").json()["consolidated_into"] == item.pk
    url = f"/api/v1/recommendations/{item.pk}/"
    assert as_user(people["delegate1"]).get(url).json()["contributions"] == [one.pk]
    assert as_user(people["member"]).get(url).json()["contributions"] == [one.pk]
    assert as_user(people["delegate2"]).get(url).status_code == 404
    assert as_user(people["liaison1"]).get(url).status_code == 404  # not yet at its stage


def test_the_public_sees_a_published_recommendation_without_its_contributions(as_user, api, people, item_at):
    item = item_at("published")
    one = contribution_create(user=people["delegate1"], table="1", title="Aporte", text="A")
    consolidate(recommendation=item, contributions=[one], user=people["delegate1"])
    url = f"/api/v1/recommendations/{item.pk}/"
    assert api.get(url).json()["contributions"] == []
    assert as_user(people["delegate2"]).get(url).json()["contributions"] == []
    assert as_user(people["secretariat1"]).get(url).json()["contributions"] == [one.pk]


def test_the_schema_documents_the_new_fields(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    components = schema["components"]["schemas"]
    contribution = components["Contribution"]["properties"]
    assert contribution["attachment"]["properties"].keys() == {"title", "url"} and contribution["attachment"]["nullable"]
    assert contribution["consolidated_into"]["nullable"] and contribution["consolidated_into"]["type"] == "integer"
    for request in ("ContributionRequest", "PatchedContributionRequest"):
        assert components[request]["properties"]["attachment"]["format"] == "binary"
    assert "multipart/form-data" in schema["paths"]["/api/v1/contributions/"]["post"]["requestBody"]["content"]
    assert components["Recommendation"]["properties"]["contributions"]["items"]["type"] == "integer"
    organisation = components["PatchedOrganisationUpdateRequest"]["properties"]
    assert {"acronym", "website", "description", "country", "stakeholder_group"} <= set(organisation)
