"""Atom feeds of what is new (Django's syndication framework), one address per language like
every route of the site (``/novedades/practicas/``, ``/en/novedades/practicas/``…): the latest
published practices, recommendations and reviewed follow-up reports, read through the public
selectors only, with titles and links in the feed's language (``cms.i18n.localize``)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.i18n import localize
from cms.progress import published_reports
from cms.selectors import published_practices, published_recommendations
from cms.taxonomies import FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES

FEED_LENGTH = 50


class _AtomFeed(Feed):
    feed_type = Atom1Feed
    url_name = ""

    def link(self):
        return reverse(self.url_name)

    def feed_url(self):
        return reverse(self.url_name)

    def item_link(self, item):
        return item.url

    def item_updateddate(self, item):
        return item.last_published_at

    def item_pubdate(self, item):
        return item.first_published_at

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language()
        return feed


class PracticesFeed(_AtomFeed):
    url_name = "feed_practices"

    def title(self):
        return _("Enlace: new practices")

    def subtitle(self):
        return _("The latest practices published in the repository.")

    def items(self):
        return localize(published_practices().order_by("-first_published_at", "-pk")[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_categories(self, item):
        return [term["label"] for term in item.objective_items]


class RecommendationsFeed(_AtomFeed):
    url_name = "feed_recommendations"

    def title(self):
        return _("Enlace: new recommendations")

    def subtitle(self):
        return _("The latest recommendations published by the working tables.")

    def items(self):
        return localize(published_recommendations().order_by("-first_published_at", "-pk")[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.text


class FollowUpsFeed(_AtomFeed):
    """Reports have no page of their own: each links to its recommendation's follow-up section."""

    url_name = "feed_follow_ups"

    def title(self):
        return _("Enlace: new follow-up reports")

    def subtitle(self):
        return _("The latest reviewed reports on how recommendations are being implemented.")

    def items(self):
        reports = list(published_reports().select_related("recommendation").order_by("-published_at", "-pk")[:FEED_LENGTH])
        originals = list({report.recommendation_id: report.recommendation for report in reports}.values())
        localized = {original.pk: page for original, page in zip(originals, localize(originals), strict=True)}
        for report in reports:
            report.page = localized[report.recommendation_id]
        return reports

    def item_title(self, item):
        return _("%(recommendation)s: %(status)s (%(scope)s)") % {
            "recommendation": item.page.title,
            "status": FOLLOW_UP_STATUSES.label(item.status),
            "scope": FOLLOW_UP_SCOPES.label(item.country),
        }

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return f"{item.page.url}#follow-up-{item.country}"

    def item_guid(self, item):
        return f"urn:enlace:follow-up-report:{item.pk}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at
