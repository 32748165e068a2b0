"""Content in four languages through Wagtail's localisation (cms/i18n.py): the Spanish tree is
mirrored into English, Portuguese and French; a page's address says its language; versions in
other languages never add to counts, hits or exports, never show a draft, and never outlive
their Spanish original."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page

from cms.i18n import localize
from cms.models import EventPage, PracticePage, RecommendationPage, TableSpacePage
from cms.selectors import published_practices
from search.models import SearchEntry
from tests import factories
from workflows import practices

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "pt", "fr")


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def translate(page, language: str, **fields):
    """What a translator does in the admin: convert the alias, edit it, publish."""
    version = page.get_translation(locale(language))
    ConvertAliasPageAction(version, log_action=None).execute(skip_permission_checks=True)
    version = type(page).objects.get(pk=version.pk)
    for name, value in fields.items():
        setattr(version, name, value)
    version.draft_title = version.title
    version.save_revision().publish()
    return type(page).objects.get(pk=version.pk)


def hits(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<h3><a href="([^"]+)">([^<]+)</a></h3>', html)  # search hits (lang is on the article)


def results_heading(html: str) -> str:
    return re.search(r'id="results-heading"[^>]*>([^<]+)<', html).group(1)


@pytest.fixture
def practice():
    return published_practices().get(slug__contains="31685")


# --- the mirrored tree ------------------------------------------------------------------------


def test_every_spanish_page_has_a_version_in_every_language():
    """...except a table's working material: a recommendation not yet published stays in its
    table's subtree (an alias in another tree would show its title to the site's translators)."""
    originals = Page.objects.filter(depth__gt=1, locale__language_code="es")
    unpublished = RecommendationPage.objects.originals().filter(live=False)
    assert originals.count() > 50 and unpublished.exists()
    mirrored = originals.exclude(pk__in=unpublished.values("pk"))
    for code in LANGUAGES:
        versions = Page.objects.filter(locale__language_code=code)
        assert versions.count() == mirrored.count()
        assert set(versions.values_list("translation_key", flat=True)) == set(mirrored.values_list("translation_key", flat=True))
        # Live exactly where the original is (the submitted practice's aliases are drafts too).
        assert set(versions.filter(live=True).values_list("translation_key", flat=True)) == set(
            originals.filter(live=True).values_list("translation_key", flat=True)
        )


def test_the_frame_is_translated_and_the_rest_shows_the_spanish_original(client, practice):
    english = client.get("/en/").content.decode()
    assert '<html lang="en">' in english
    assert "The Permanent Dialogue Mechanism of Civil Society" in english
    assert ">Repository of practices</a>" in english and ">Working tables</a>" in english
    assert "El Mecanismo de Diálogo Permanente" not in english
    spanish = client.get("/").content.decode()
    assert "El Mecanismo de Diálogo Permanente" in spanish and ">Repositorio de prácticas</a>" in spanish

    # Not translated yet: the alias shows the Spanish text with the interface in English.
    page = client.get("/en" + practice.url).content.decode()
    assert f'<h1 lang="es">{practice.title}</h1>' in page
    assert "<dt>Countries</dt>" in page and "<dd>Peru</dd>" in page


def test_links_stay_in_the_readers_language(client, practice):
    home = client.get("/pt/").content.decode()
    without_language_links = re.sub(r'<nav class="lang".*?</nav>', "", home, flags=re.S)
    links = re.findall(r'<a [^>]*href="(/[^"]*)"', without_language_links)
    assert len(links) > 20 and all(link.startswith("/pt/") for link in links), links
    assert 'href="/pt/practicas/' in home
    search = client.get("/fr/practicas/?country=PE").content.decode()
    assert hits(search) and all(url.startswith("/fr/practicas/") for url, _title in hits(search))
    suggestions = client.get("/en/sugerencias/", {"q": "ley 316"}).json()["suggestions"]
    assert suggestions and all(item["url"].startswith("/en/practicas/") for item in suggestions)
    assert {item["lang"] for item in suggestions} == {"es"}  # untranslated titles, marked for the list
    translate(practice, "en", title="Peru: Law 31,685 (ley 31685)")
    suggestions = client.get("/en/sugerencias/", {"q": "ley 316"}).json()["suggestions"]
    assert {"title": "Peru: Law 31,685 (ley 31685)", "url": "/en" + practice.url, "lang": "en"} in suggestions


def test_language_links_point_at_the_same_page_and_keep_the_query(client, practice):
    page = client.get("/en/practicas/?country=PE&sort=title").content.decode()
    nav = re.search(r'<nav class="lang".*?</nav>', page, re.S).group()
    assert 'href="/practicas/?country=PE&amp;sort=title" hreflang="es"' in nav
    assert 'href="/fr/practicas/?country=PE&amp;sort=title" hreflang="fr"' in nav
    assert 'hreflang="en" lang="en" aria-current="true"' in nav
    assert '<link rel="alternate" hreflang="pt" href="http://testserver/pt/practicas/?country=PE&amp;sort=title">' in page

    page = client.get(practice.url).content.decode()
    assert f'href="/en{practice.url}" hreflang="en"' in page
    form = client.get("/fr/practicas/proponer/").content.decode()  # a view outside the page tree
    assert '<html lang="fr">' in form and 'href="/pt/practicas/proponer/" hreflang="pt"' in form


def test_the_api_and_the_admin_still_negotiate_their_language(client):
    labels = client.get("/api/v1/taxonomies/", HTTP_ACCEPT_LANGUAGE="fr").json()["tables"]
    assert labels[2]["label"] == "Inclusion"
    assert client.get("/api/v1/taxonomies/?lang=pt").json()["tables"][2]["label"] == "Inclusão"
    assert client.get("/en/api/v1/taxonomies/").status_code == 404


# --- a translated page ------------------------------------------------------------------------


def test_a_published_translation_is_shown_and_counts_do_not_change(client, practice):
    search_before = client.get("/en/practicas/", {"q": "mujeres migrantes"}).content.decode()
    api_before = client.get("/api/v1/practices/").json()["count"]
    entries_before = SearchEntry.objects.count()

    english = translate(practice, "en", title="Peru: Law 31,685 for migrant women with children", summary="English summary.")

    page = client.get("/en" + practice.url).content.decode()
    assert "<h1>Peru: Law 31,685 for migrant women with children</h1>" in page and "English summary." in page
    assert english.url == "/en" + practice.url
    spanish = client.get(practice.url).content.decode()
    assert f"<h1>{practice.title}</h1>" in spanish and "English summary." not in spanish
    # Search, lists and the API read the Spanish originals: same hits, same counts.
    search_after = client.get("/en/practicas/", {"q": "mujeres migrantes"}).content.decode()
    assert results_heading(search_after) == results_heading(search_before)
    assert ("/en" + practice.url, "Peru: Law 31,685 for migrant women with children") in hits(search_after)
    assert client.get("/api/v1/practices/").json()["count"] == api_before
    assert SearchEntry.objects.count() == entries_before
    assert not SearchEntry.objects.filter(object_id=english.pk).exists()
    home = client.get("/en/").content.decode()
    assert home.count("Peru: Law 31,685") <= 1 and practice.title not in home.replace("Peru: Law 31,685", "")


def test_a_draft_translation_is_never_shown(client, practice):
    english = translate(practice, "en", title="Published English title")
    english.title = "Draft English title, not yet reviewed"
    english.save_revision()  # saved, not published
    for path in ("/en" + practice.url, "/en/practicas/?country=PE", "/en/"):
        assert "Draft English title" not in client.get(path).content.decode()
    assert "Published English title" in client.get("/en" + practice.url).content.decode()


def test_versions_go_when_the_original_is_unpublished(client, practice):
    translate(practice, "fr", title="Pérou : loi 31 685")
    assert client.get("/fr" + practice.url).status_code == 200
    practice.unpublish()
    for code in LANGUAGES:  # the aliases (Wagtail unpublishes them) and the translation (our rule)
        assert client.get(f"/{code}{practice.url}").status_code == 404
    listing = client.get("/fr/practicas/").content.decode()
    assert "Pérou : loi 31 685" not in listing and practice.slug not in listing


def test_a_translation_of_a_private_original_sends_the_reader_to_it(client, practice):
    from wagtail.models import PageViewRestriction

    translate(practice, "en", title="Peru: Law 31,685")
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en" + practice.url)
    assert response.status_code == 302 and response["Location"].startswith(practice.url)


# --- new pages ----------------------------------------------------------------------------------


def test_a_submitted_practice_is_mirrored_as_drafts_and_published_everywhere_at_once():
    submitted = practices.practice_submit(
        user=AnonymousUser(),
        submitter_email="ana@example.org",
        data={"title": "Ferias de servicios", "summary": "Orientación jurídica.", "countries": ["PE"], "objectives": ["15"]},
    )
    versions = PracticePage.objects.filter(translation_key=submitted.translation_key).exclude(pk=submitted.pk)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    assert not versions.filter(live=True).exists()
    assert all(version.alias_of_id == submitted.pk for version in versions)

    practices.practice_publish(item=submitted, user=factories.user("curator"))
    assert versions.filter(live=True).count() == 3
    assert published_practices().filter(translation_key=submitted.translation_key).count() == 1


def test_one_space_per_table_among_the_originals():
    space = TableSpacePage.objects.originals().get(table="1")
    assert TableSpacePage.objects.filter(table="1").count() == 4  # the original and its versions
    duplicate = TableSpacePage(title="Otra", slug="otra", table="1", locale=space.locale)
    with pytest.raises(ValidationError) as error:
        duplicate.clean()
    assert "table" in error.value.message_dict
    version = space.get_translation(locale("en"))
    version.clean()  # a version carries its original's code


def test_the_members_area_lives_with_the_original(client):
    space = TableSpacePage.objects.originals().get(table="2")
    client.force_login(factories.user("delegate", table="2"))
    response = client.get(f"/en{space.url}espacio/")
    assert response.status_code == 302 and response["Location"] == f"{space.url}espacio/"


def test_event_and_recommendation_pages_in_another_language_read_the_originals_data(client):
    event = EventPage.objects.originals().live().first()
    spanish = client.get(event.url).content.decode()
    english = client.get("/en" + event.url).content.decode()

    def titles(html):
        article = re.search(r'<article class="event">.*?</article>', html, re.S).group()
        return re.findall(r'<li><a href="[^"]+"(?: lang="es")?>([^<]+)</a></li>', article)

    assert titles(english) == titles(spanish) and len(titles(english)) > 5
    recommendation = RecommendationPage.objects.originals().live().get(slug="t1-fortalecer-marcos-legales")
    page = client.get("/pt" + recommendation.url).content.decode()
    assert 'data-table="follow-up-status"' in page and page.count("<tr data-country=") >= 3


def test_localize_maps_lists_in_one_query(django_assert_max_num_queries, settings):
    from django.utils import translation

    practices = list(published_practices()[:10])
    with translation.override("en"), django_assert_max_num_queries(2):  # the locale, the versions
        versions = localize(practices)
    assert [v.translation_key for v in versions] == [p.translation_key for p in practices]
    assert all(v.locale.language_code == "en" for v in versions)
    with translation.override("es"), django_assert_max_num_queries(1):
        assert localize(practices) == practices


def test_curators_translate_in_the_admin_and_delegates_do_not(client):
    from django.urls import reverse

    practice = factories.practice("published")
    alias = practice.get_translation(locale("pt"))
    delegate = factories.user("delegate", table="1")
    client.force_login(delegate)
    client.post(reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]))
    assert PracticePage.objects.get(pk=alias.pk).alias_of_id == practice.pk

    curator = factories.user("curator")
    client.force_login(curator)
    response = client.post(reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]))
    assert response.status_code == 302
    version = PracticePage.objects.get(pk=alias.pk)
    assert version.alias_of_id is None
    assert version.permissions_for_user(curator).can_publish()
    assert curator.has_perm("simple_translation.submit_translation")
    assert not delegate.has_perm("simple_translation.submit_translation")


def test_spanish_text_on_pages_in_other_languages_is_marked_as_spanish(client, practice):
    """WCAG 3.1.2 (language of parts): an alias's text, and hits and cards showing it, carry
    lang="es"; a translation's text does not."""
    page = client.get("/en" + practice.url).content.decode()
    assert f'<h1 lang="es">{practice.title}</h1>' in page and '<p class="summary" lang="es">' in page
    assert "<dt>Countries</dt>" in page  # the interface around it stays English, unmarked
    search = client.get("/en/practicas/?country=PE").content.decode()
    assert search.count('<article class="card hit" lang="es">') == len(hits(search)) > 0
    assert 'lang="es"' not in client.get(practice.url).content.decode().split("<body>")[1].split("</header>")[1]

    translate(practice, "en", title="Peru: Law 31,685")
    page = client.get("/en" + practice.url).content.decode()
    assert "<h1>Peru: Law 31,685</h1>" in page
    search = client.get("/en/practicas/?country=PE").content.decode()
    assert (
        '<article class="card hit">' in search and search.count('<article class="card hit" lang="es">') == len(hits(search)) - 1
    )
    home = client.get("/en/").content.decode()
    assert "<h1>Enlace</h1>" in home and 'class="intro">' in home  # the translated frame
