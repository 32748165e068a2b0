"""Small helpers for the public site's templates: navigation, language links, and pages in the
reader's language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from cms.i18n import content_language, localize, original
from cms.selectors import published_practices
from search.service import related

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """``{"home", "sections"}``: the home page in the reader's language and its live children
    in the menu, for the header."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home": None, "sections": []}
    home = localize([site.root_page])[0]
    return {"home": home, "sections": home.get_children().live().in_menu()}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language of the site to this page in that language (its translation or
    alias; the same view's URL for pages outside the tree), keeping the query string:
    ``[{"code", "name", "url", "absolute_url", "current"}]``."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    versions, suffix = {}, ""
    if isinstance(page, Page):
        current_url = page.get_url(request) or ""
        if current_url and request.path.startswith(current_url):
            suffix = request.path[len(current_url) :]  # a routable page's sub-route
        versions = {
            version.locale.language_code: version
            for version in Page.objects.filter(translation_key=page.translation_key, live=True).select_related("locale")
        }
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code in settings.LANGUAGE_CODES:
        version = versions.get(code)
        url = version.get_url(request) + suffix if version is not None else translate_url(request.path, code)
        if query:
            url += "?" + query
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"].capitalize(),
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == get_language(),
            }
        )
    return links


@register.filter
def localized(value):
    """A page (or pages) in the reader's language, where a live version exists (``cms.i18n``)."""
    if value is None or value == "":
        return value
    if isinstance(value, Page):
        return localize([value])[0]
    return localize(value)


@register.simple_tag
def lang_attr(item):
    """`` lang="es"`` for an element showing ``item``'s text (a page, or a search hit) when that
    text is not in the reader's language, e.g. an alias showing its Spanish original (WCAG 3.1.2)."""
    language = getattr(item, "content_language", None) if not isinstance(item, Page) else content_language(item)
    if not language or language == get_language():
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """``<script type="application/ld+json">`` describing a practice or an event (schema.org)."""
    from frontend.structured_data import for_page

    return for_page(page, context.get("request"))


@register.simple_tag
def feed_links():
    """The site's Atom feeds in the reader's language: ``[{"title", "url"}]`` for ``<link rel="alternate">``."""
    from django.urls import reverse
    from django.utils.translation import gettext

    return [
        {"title": gettext("New practices"), "url": reverse("feed_practices")},
        {"title": gettext("New recommendations"), "url": reverse("feed_recommendations")},
        {"title": gettext("New follow-up reports"), "url": reverse("feed_follow_ups")},
    ]


@register.simple_tag
def related_practices(practice):
    """Up to 4 published practices sharing GCM objectives and countries with ``practice``, the
    largest overlap first (sharing both ranks above one), in the reader's language:
    ``{% related_practices page as related %}``."""
    source = original(practice) or practice  # what is indexed and linked is the Spanish original
    # Ranked in the database search index (one GROUP BY), not by reading every practice.
    pks = related("practice", {"objective": practice.objectives or (), "country": practice.countries or ()}, exclude=source.pk)
    by_pk = published_practices().in_bulk(pks)
    return localize(by_pk[pk] for pk in pks if pk in by_pk)
