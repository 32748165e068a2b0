"""The public practice submission form: validation, spam protection, and a draft in review."""

import time

import pytest
from django.core import signing
from django.core.cache import cache

from cms.models import PracticePage
from frontend import forms

pytestmark = pytest.mark.django_db
URL = "/practicas/proponer/"


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def rendered(seconds_ago: float = 10) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=forms.SALT)


def good(**overrides) -> dict:
    data = {
        "title": "Casa de acogida para niñas y niños migrantes en Tapachula",
        "summary": "Acogida, orientación jurídica y acompañamiento psicosocial.",
        "countries": ["MX", "GT"],
        "objectives": ["7", "15"],
        "level": "",
        "start_year": "2021",
        "submitter_email": "persona@example.org",
        "website": "",
        "rendered": rendered(),
    }
    data.update(overrides)
    return data


def test_form_renders_and_is_linked_from_the_repository(client):
    assert 'href="/practicas/proponer/"' in client.get("/practicas/").content.decode()
    page = client.get(URL).content.decode()
    assert 'name="rendered"' in page and 'name="website"' in page and 'name="submitter_email"' in page


def test_valid_submission_creates_a_draft_not_visible_on_the_site(client):
    before = PracticePage.objects.count()
    response = client.post(URL, good())
    assert response.status_code == 302 and response["Location"].endswith("/practicas/proponer/gracias/")
    assert PracticePage.objects.count() == before + 1
    practice = PracticePage.objects.get(title__startswith="Casa de acogida para niñas y niños migrantes en Tapachula")
    assert not practice.live and practice.submitter_email == "persona@example.org"
    assert practice.countries == ["MX", "GT"] and practice.start_year == 2021
    assert client.get("/practicas/" + practice.slug + "/").status_code == 404
    assert practice.title not in client.get("/practicas/?q=Tapachula").content.decode()
    done = client.get(response["Location"]).content.decode()
    assert "revis" in done.lower()


def test_bad_input_shows_errors_and_creates_nothing(client):
    before = PracticePage.objects.count()
    response = client.post(URL, good(title="", countries=["ZZ"], objectives=[], submitter_email="no-es-correo"))
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count('aria-invalid="true"') >= 3
    assert "Este campo es necesario." in page and "ZZ no es una de las opciones" in page
    assert "correo electrónico válida" in page or "dirección de correo" in page
    assert PracticePage.objects.count() == before


@pytest.mark.parametrize(
    "overrides",
    [{"website": "http://spam.example"}, {"rendered": "now"}, {"rendered": "forged"}],
    ids=["honeypot", "too-fast", "forged-timestamp"],
)
def test_spam_is_rejected(client, overrides):
    if overrides.get("rendered") == "now":
        overrides = {"rendered": rendered(seconds_ago=0)}
    before = PracticePage.objects.count()
    response = client.post(URL, good(**overrides))
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert PracticePage.objects.count() == before


def test_rate_limit_per_ip(client):
    for _ in range(forms.RATE_LIMIT):
        assert client.post(URL, good(title=""), REMOTE_ADDR="203.0.113.9").status_code == 400
    response = client.post(URL, good(), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert client.post(URL, good(title=""), REMOTE_ADDR="203.0.113.10").status_code == 400
