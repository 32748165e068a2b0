"""``/sitemap.xml`` (Django's sitemaps framework through Wagtail's sitemap generator): every
live, public page of the Spanish tree (what every list reads, ``cms.i18n``), each language
version listed with the ``hreflang`` alternates of all its live versions, and the site's own
routes (the open-data page) in each language. Working material (drafts, pages in review,
pages behind a view restriction) is never listed: only ``live().public()`` pages are read,
and a version in another locale only while its Spanish original is."""

from __future__ import annotations

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.models import Locale, Page


class PageSitemap(WagtailSitemap):
    def items(self):
        default = Locale.get_default()
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .filter(locale=default)
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        originals = list(self.paginator.page(page).object_list)
        versions: dict = {}
        keys = [original.translation_key for original in originals]
        for version in (
            Page.objects.filter(translation_key__in=keys, live=True).public().select_related("locale").order_by("path")
        ):
            versions.setdefault(version.translation_key, []).append(version)
        urls = []
        for original in originals:
            alternates = []
            for version in versions.get(original.translation_key, [original]):
                location = version.get_full_url(self.request)
                if location:
                    alternates.append({"lang_code": version.locale.language_code, "location": location, "page": version})
            default = next((a["location"] for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None)
            links = alternates + ([{"lang_code": "x-default", "location": default}] if default else [])
            for alternate in alternates:
                version = alternate["page"]
                urls.append(
                    {
                        "item": version,
                        "location": alternate["location"],
                        "lastmod": original.last_published_at or original.latest_revision_created_at,
                        "alternates": [{"lang_code": a["lang_code"], "location": a["location"]} for a in links],
                    }
                )
        return urls


class RoutesSitemap(DjangoSitemap):
    """The site's routes that are not pages, once per language with their alternates."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["open_data"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": PageSitemap, "routes": RoutesSitemap}
