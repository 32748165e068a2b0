"""Follow-up of published recommendations: who acted on what, where, and with what evidence.

A :class:`FollowUpReport` belongs to one published recommendation and one scope (a country's
ISO code, or ``419`` for the region). Reports are reviewed before they are public
(``review_status``: submitted → published, or sent back to the reporter); the published
reports of one recommendation and scope form its timeline, and its current status is the
status of the latest of them by the date of the fact reported. The rules live in
``workflows.followups``; public reads in ``cms.progress``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from ..fields import CodeField
from ..site_hooks import PROGRESS_BOARD, PROGRESS_BOARD_CSV, site_view
from ..taxonomies import FOLLOW_UP_REVIEW_STATUSES, FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES
from .pages import SectionPage

# A report claiming these needs at least one piece of evidence.
EVIDENCE_REQUIRED = frozenset({"partially_implemented", "implemented"})


class FollowUpReport(ClusterableModel):
    recommendation = models.ForeignKey(
        "cms.RecommendationPage",
        on_delete=models.CASCADE,
        related_name="follow_up_reports",
        verbose_name=_("recommendation"),
    )
    country = CodeField(_("country or scope"), vocabulary="follow_up_scopes", max_length=8)
    actor = models.CharField(
        _("actor"), max_length=255, help_text=_("The government body, UN agency or organisation that acted.")
    )
    organisation = models.ForeignKey(
        "cms.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_reports",
        verbose_name=_("organisation"),
        help_text=_("The actor, when it is in the directory."),
    )
    status = CodeField(_("implementation status"), vocabulary="follow_up_statuses")
    date = models.DateField(_("date of the fact reported"))
    description = models.TextField(_("description"))
    practices = ParentalManyToManyField(
        "cms.PracticePage", blank=True, related_name="follow_up_reports", verbose_name=_("related practices")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_reports",
        verbose_name=_("reported by"),
    )
    reporter_email = models.EmailField(_("reporter's e-mail"), blank=True)
    # Written only by workflows.followups.
    review_status = CodeField(
        _("review status"), vocabulary="follow_up_review_statuses", default="submitted", db_index=True, editable=False
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("recommendation"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("status"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("actor"), FieldPanel("organisation")]),
        FieldPanel("description"),
        InlinePanel("evidence", label=_("Evidence")),
        FieldPanel("practices"),
    ]

    class Meta:
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")
        ordering = ["recommendation_id", "country", "date", "published_at", "pk"]
        indexes = [models.Index(fields=["recommendation", "country", "review_status"], name="followup_timeline")]

    def __str__(self) -> str:
        return f"{self.recommendation.title} · {self.country_label} · {self.status_label}"

    @property
    def country_label(self) -> str:
        return FOLLOW_UP_SCOPES.label(self.country) if self.country in FOLLOW_UP_SCOPES else self.country

    @property
    def status_label(self) -> str:
        return FOLLOW_UP_STATUSES.label(self.status) if self.status in FOLLOW_UP_STATUSES else self.status

    @property
    def review_status_label(self) -> str:
        return FOLLOW_UP_REVIEW_STATUSES.label(self.review_status)

    @property
    def is_public(self) -> bool:
        return self.review_status == "published"


class FollowUpEvidence(Orderable):
    """A link or a document that backs a report."""

    report = ParentalKey(FollowUpReport, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=255, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("evidence")

    def clean(self):
        super().clean()
        if not self.url and not self.document_id:
            raise ValidationError(_("Evidence needs a link or a document."))

    @property
    def href(self) -> str:
        return self.url or (self.document.url if self.document else "")

    @property
    def label(self) -> str:
        return self.title or self.url or (self.document.title if self.document else "")

    @property
    def short_label(self) -> str:
        """What a page shows: the title, else a short readable form of the address (host and
        decoded path, cut at 48 characters), never a raw percent-encoded URL that would widen a
        phone's page."""
        return self.title or short_url(self.url) or (self.document.title if self.document else "")


def short_url(url: str, limit: int = 48) -> str:
    """``https://www.example.org/a%20b/c/`` → ``example.org/a b/c``; a longer one keeps its host and
    last segment (``example.org/…/file.pdf``); at most ``limit`` characters."""
    if not url:
        return ""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    text = host + path
    if len(text) > limit and path.count("/") > 1:  # keep the host and the last segment
        text = f"{host}/…/{path.rsplit('/', 1)[1]}"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class RecommendationFollower(models.Model):
    """A member who asked to be told when a recommendation's follow-up changes."""

    recommendation = models.ForeignKey("cms.RecommendationPage", on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_recommendations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recommendation", "user"], name="unique_follower")]


class ProgressPage(RoutablePageMixin, SectionPage):
    """The public progress board: published recommendations against countries, by status."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("progress board")

    @path("")
    def board(self, request):
        return site_view(PROGRESS_BOARD)(request, self)

    @path("csv/", name="csv")
    def board_csv(self, request):
        return site_view(PROGRESS_BOARD_CSV)(request, self)
