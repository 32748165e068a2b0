from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..fields import CodeField, CodeListField
from ..taxonomies import COUNTRIES, ORGANISATION_KINDS, STAKEHOLDER_GROUPS


class Organisation(index.Indexed, models.Model):
    """A member organisation of the Mechanism, a government body or an agency.

    Its members are users linked through :class:`OrganisationMembership`; the right to edit the
    profile is a guardian object permission (``cms.change_organisation`` on this row), granted
    and revoked with the membership by ``workflows.roles``.
    """

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    country = CodeField(_("country"), vocabulary="countries", blank=True)
    kind = CodeField(_("kind"), vocabulary="organisation_kinds", default="civil_society")
    stakeholder_group = CodeField(_("stakeholder group"), vocabulary="stakeholder_groups", blank=True)
    tables = CodeListField(_("working tables"), vocabulary="tables")
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="OrganisationMembership", related_name="organisations", blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("acronym"),
        FieldPanel("country"),
        FieldPanel("kind"),
        FieldPanel("stakeholder_group"),
        FieldPanel("tables"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def country_label(self) -> str:
        return COUNTRIES.label(self.country) if self.country else ""

    @property
    def kind_label(self) -> str:
        return ORGANISATION_KINDS.label(self.kind)

    @property
    def stakeholder_group_label(self) -> str:
        return STAKEHOLDER_GROUPS.label(self.stakeholder_group) if self.stakeholder_group else ""


class OrganisationMembership(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


# Direct foreign-key object permissions: faster than guardian's generic ones, which compare
# primary keys as text.
class OrganisationUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Organisation, on_delete=models.CASCADE)


class OrganisationGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Organisation, on_delete=models.CASCADE)
