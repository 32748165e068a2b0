"""Every page type renders for the public, in the language asked for; drafts do not."""

import pytest
from wagtail.models import get_page_models

from cms.models import Organisation, PracticePage, RecommendationPage

pytestmark = pytest.mark.django_db


def cms_page_models():
    return [model for model in get_page_models() if model._meta.app_label == "cms"]


@pytest.mark.parametrize("model", cms_page_models(), ids=lambda m: m.__name__)
def test_every_page_type_renders(client, model):
    page = model.objects.live().first()
    assert page is not None, f"the demo data has no live {model.__name__}"
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_organisation_route_of_the_directory(client):
    organisation = Organisation.objects.get(name__icontains="Quilmes")
    response = client.get(f"/organizaciones/{organisation.slug}/")
    assert response.status_code == 200
    assert organisation.name in response.content.decode()
    assert client.get("/organizaciones/no-such-organisation/").status_code == 404
    assert client.get("/organizaciones/?country=ZZ").status_code == 404


def test_taxonomy_labels_follow_the_visitors_language(client):
    practice = PracticePage.objects.originals().live().get(slug__contains="31685")
    spanish = client.get(practice.url).content.decode()
    english = client.get("/en" + practice.url).content.decode()
    assert "<dd>Perú</dd>" in spanish and 'lang="es"' in spanish
    assert "<dd>Peru</dd>" in english and 'lang="en"' in english
    assert "Abordar y reducir las vulnerabilidades" in spanish
    assert "Address and reduce vulnerabilities" in english


def test_recommendations_filtered_by_table(client):
    page = client.get("/recomendaciones/?table=2").content.decode()
    in_table_2 = [r for r in RecommendationPage.objects.originals().live() if r.table == "2"]
    elsewhere = [r for r in RecommendationPage.objects.originals().live() if r.table != "2"]
    assert in_table_2 and elsewhere
    assert all(r.title in page for r in in_table_2)
    assert not any(r.title in page for r in elsewhere)


def test_a_draft_is_not_public(client):
    practice = PracticePage.objects.originals().live().first()
    assert client.get(practice.url).status_code == 200
    practice.unpublish()
    assert client.get(practice.url).status_code == 404
    assert practice.title not in client.get(practice.get_parent().url).content.decode()
    assert practice.title not in client.get("/").content.decode()


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
