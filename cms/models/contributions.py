from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin

from ..fields import CodeField, CodeListField


class Contribution(RevisionMixin, models.Model):
    """A delegate's input to a working table, discussed in the table's members-only space.

    A snippet, not a page: contributions never have a public URL and are never published; they
    are working material, read by their table and consolidated into recommendations. Each edit
    is a revision (the author's versions).
    """

    title = models.CharField(_("title"), max_length=255)
    table = CodeField(_("working table"), vocabulary="tables")
    text = models.TextField(_("text"))
    objectives = CodeListField(_("GCM objectives"), vocabulary="objectives")
    countries = CodeListField(_("countries"), vocabulary="countries")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("author")
    )
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("attachment"),
    )
    # The recommendation this contribution went into: chosen from the recommendation's side by
    # the drafters of its table (workflows.contributions.consolidate), never by the author's edit.
    consolidated_into = models.ForeignKey(
        "cms.RecommendationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
        verbose_name=_("consolidated into"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("table"),
        FieldPanel("text"),
        FieldPanel("objectives"),
        FieldPanel("countries"),
        FieldPanel("attachment"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return self.title


class ContributionComment(models.Model):
    """A comment in a contribution's thread; visible to the members of its table."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"


class TableCollection(models.Model):
    """The private Wagtail collection of one working table's documents ("Mesa N · documentos de
    trabajo"): its contributions' attachments. A document in it is served only to the table's
    readers (``workflows.documents``), attached yet or not. Created when first needed."""

    table = CodeField(_("working table"), vocabulary="tables", unique=True)
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="working_table", verbose_name=_("collection")
    )

    class Meta:
        verbose_name = _("working table's document collection")
        verbose_name_plural = _("working tables' document collections")

    def __str__(self) -> str:
        return str(self.collection)


# Per-table visibility of contributions (and their comments) is a guardian object permission,
# granted to the table's groups when the contribution is created (workflows.contributions).
class ContributionUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Contribution, on_delete=models.CASCADE)


class ContributionGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Contribution, on_delete=models.CASCADE)
