"""The public practice submission form: validation, spam protection, and a draft in review."""

import os
import time

import pytest
from django.core import signing
from django.core.cache import cache

from cms.models import PracticePage
from cms.selectors import published_practices
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
    before = PracticePage.objects.originals().count()
    response = client.post(URL, good())
    assert response.status_code == 302 and response["Location"].endswith("/practicas/proponer/gracias/")
    assert PracticePage.objects.originals().count() == before + 1
    practice = PracticePage.objects.originals().get(title__startswith="Casa de acogida para niñas y niños migrantes en Tapachula")
    assert not practice.live and practice.submitter_email == "persona@example.org"
    assert practice.countries == ["MX", "GT"] and practice.start_year == 2021
    assert client.get("/practicas/" + practice.slug + "/").status_code == 404
    assert practice.title not in client.get("/practicas/?q=Tapachula").content.decode()
    done = client.get(response["Location"]).content.decode()
    assert "revis" in done.lower()


def test_bad_input_shows_errors_and_creates_nothing(client):
    before = PracticePage.objects.originals().count()
    response = client.post(URL, good(title="", countries=["ZZ"], objectives=[], submitter_email="no-es-correo"))
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count('aria-invalid="true"') >= 3
    assert "Este campo es necesario." in page and "ZZ no es una de las opciones" in page
    assert "correo electrónico válida" in page or "dirección de correo" in page
    assert PracticePage.objects.originals().count() == before


@pytest.mark.parametrize(
    "overrides",
    [{"website": "http://spam.example"}, {"rendered": "now"}, {"rendered": "forged"}],
    ids=["honeypot", "too-fast", "forged-timestamp"],
)
def test_spam_is_rejected(client, overrides):
    if overrides.get("rendered") == "now":
        overrides = {"rendered": rendered(seconds_ago=0)}
    before = PracticePage.objects.originals().count()
    response = client.post(URL, good(**overrides))
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert PracticePage.objects.originals().count() == before


def test_rate_limit_per_ip(client):
    for _ in range(forms.RATE_LIMIT):
        assert client.post(URL, good(title=""), REMOTE_ADDR="203.0.113.9").status_code == 400
    response = client.post(URL, good(), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert client.post(URL, good(title=""), REMOTE_ADDR="203.0.113.10").status_code == 400


def test_rate_limit_behind_a_proxy_tells_clients_apart_by_x_forwarded_for(client, settings):
    """NUM_PROXIES=1 (TRUSTED_PROXY_COUNT=1, as behind deploy/nginx.conf): every request comes
    from the proxy's address; the client is the address the proxy appended."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    first = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    second = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.7, 203.0.113.20"}  # a spoofed entry, then the real one
    for _ in range(forms.RATE_LIMIT):
        assert client.post(URL, good(title=""), **first).status_code == 400
    assert client.post(URL, good(), **first).status_code == 429
    assert client.post(URL, good(title=""), **second).status_code == 400  # another client, not limited
    # The first client cannot escape by prepending an address of its choice.
    assert client.post(URL, good(), **{**proxy, "HTTP_X_FORWARDED_FOR": "10.9.8.7, 198.51.100.7"}).status_code == 429


def test_rate_limit_without_trusted_proxy_ignores_x_forwarded_for(client, settings):
    """NUM_PROXIES=0 (the default): X-Forwarded-For is the client's own claim and is ignored."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
    for n in range(forms.RATE_LIMIT):
        spoofed = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": f"192.0.2.{n}"}
        assert client.post(URL, good(title=""), **spoofed).status_code == 400
    spoofed = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "192.0.2.200"}
    assert client.post(URL, good(), **spoofed).status_code == 429


def test_the_setting_reads_trusted_proxy_count(settings):
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == int(os.environ.get("TRUSTED_PROXY_COUNT") or 0)


def test_a_member_submits_a_practice_without_an_e_mail_field(client, people):
    from workflows import recommendations
    from workflows.models import CuratorReviewTask

    member, curator = people["member"], people["curator"]  # factory accounts
    client.force_login(member)
    form = client.get(URL).content.decode()
    assert 'name="submitter_email"' not in form and 'name="title"' in form
    data = good(title="Escuela de liderazgo para mujeres migrantes en Quito", countries=["EC"])
    del data["submitter_email"]
    before = PracticePage.objects.originals().count()
    response = client.post(URL, data)
    assert response.status_code == 302 and response["Location"].endswith("/practicas/proponer/gracias/")
    assert PracticePage.objects.originals().count() == before + 1
    practice = PracticePage.objects.originals().get(title="Escuela de liderazgo para mujeres migrantes en Quito")
    # Recorded as the member's, a draft waiting for the curator, not public.
    assert practice.owner == member
    assert practice.get_latest_revision().user == member
    assert practice.submitter_email == member.email
    assert not practice.live and practice not in published_practices()
    state = practice.current_workflow_state
    assert state is not None and state.status == "in_progress" and state.requested_by == member
    assert isinstance(state.current_task_state.task.specific, CuratorReviewTask)
    assert practice in recommendations.tasks_for(curator)
    assert practice not in recommendations.tasks_for(member)
    client.logout()
    assert client.get("/practicas/" + practice.slug + "/").status_code == 404
    assert practice.title not in client.get("/practicas/?q=liderazgo+Quito").content.decode()
