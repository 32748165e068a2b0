"""Page types: the site tree holds everything that has a public place.

Home
├── Practices (PracticeIndexPage: the repository) ── PracticePage*
├── Working tables (TableIndexPage) ── TableSpacePage ×4 ── RecommendationPage*
├── Recommendations (RecommendationIndexPage: all published, by event, theme and table)
├── Events (EventIndexPage) ── EventPage* (themes inline)
├── Organisations (OrganisationIndexPage: the directory of Organisation snippets)
└── Progress (ProgressPage: the follow-up board; models in followups.py)
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermissionBase
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..fields import CodeField, CodeListField
from ..i18n import localize, original
from ..site_hooks import PRACTICE_SEARCH, TABLE_MEMBERS_AREA, site_view
from ..taxonomies import (
    ADDRESSEES,
    COUNTRIES,
    DOCUMENT_LANGUAGES,
    EVENT_FORMATS,
    LEVELS,
    OBJECTIVES,
    POPULATIONS,
    PRACTICE_STATUSES,
    PRINCIPLES,
    STAKEHOLDER_GROUPS,
    TABLES,
    table_name,
)
from .organisations import Organisation

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


def labelled(vocabulary, codes, language=None) -> list[dict[str, str]]:
    """``[{"code", "label"}]`` for templates and serializers."""
    return [{"code": code, "label": vocabulary.label(code, language)} for code in codes]


class ContentPageQuerySet(PageQuerySet):
    def originals(self):
        """The Spanish originals, not their versions in other locales (cms/i18n.py): what every
        list, count, document and export of content reads."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


ContentPageManager = PageManager.from_queryset(ContentPageQuerySet)


class SectionPage(Page):
    """A top-level section of the site under the home page: one of each, with an introduction."""

    objects = ContentPageManager()
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["cms.HomePage"]

    class Meta:
        abstract = True


class HomePage(Page):
    objects = ContentPageManager()
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.PracticeIndexPage",
        "cms.TableIndexPage",
        "cms.RecommendationIndexPage",
        "cms.EventIndexPage",
        "cms.OrganisationIndexPage",
        "cms.ProgressPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import objective_counts, published_practices, published_recommendations

        context = super().get_context(request, *args, **kwargs)
        context["latest_practices"] = localize(published_practices().order_by("-first_published_at")[:6])
        context["latest_recommendations"] = localize(published_recommendations().order_by("-first_published_at")[:6])
        context["objective_counts"] = objective_counts()
        context["practice_index"] = PracticeIndexPage.objects.child_of(self).live().first()
        # Counts by country: a tile-grid map of the region (frontend/maps.py) and, beside it,
        # the same numbers as a table, every country with practices (also outside the region).
        from collections import Counter

        by_country = Counter(code for codes in published_practices().values_list("countries", flat=True) for code in codes or ())
        context["practices_by_country"] = dict(by_country)
        context["practice_search_url"] = context["practice_index"].get_url(request) if context["practice_index"] else ""
        rows = [{"code": code, "label": COUNTRIES.label(code), "count": count} for code, count in by_country.items()]
        context["country_counts"] = sorted(rows, key=lambda row: (-row["count"], row["label"].casefold()))
        context["countries_with_practices"] = len(by_country)
        return context


# --- Practices --------------------------------------------------------------------------


class ReviewsItsItems:
    """A section whose items go through the workflow assigned to it (a ``WorkflowPage`` row that
    set-up writes, editable in Wagtail's settings); the section itself is edited under its
    ancestors' workflow, not its items'."""

    def get_workflow(self):
        parent = self.get_parent()
        return parent.get_workflow() if parent is not None else None


class PracticeIndexPage(ReviewsItsItems, SectionPage):
    """The repository of practices."""

    subpage_types = ["cms.PracticePage"]

    class Meta:
        verbose_name = _("repository of practices")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(site_view(PRACTICE_SEARCH)(request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("search_errors"):
            response.status_code = 400
        return response


class PracticePage(Page):
    """A practice or initiative in the repository; published only after curator review."""

    objects = ContentPageManager()
    summary = models.TextField(_("summary"))
    body = RichTextField(_("description"), blank=True)
    countries = CodeListField(_("countries"), vocabulary="countries")
    objectives = CodeListField(_("GCM objectives"), vocabulary="objectives")
    principles = CodeListField(_("guiding principles"), vocabulary="principles")
    table = CodeField(_("working table"), vocabulary="tables", blank=True)
    stakeholder_groups = CodeListField(_("stakeholder groups of the implementers"), vocabulary="stakeholder_groups")
    level = CodeField(_("level"), vocabulary="levels", blank=True)
    populations = CodeListField(_("populations"), vocabulary="populations")
    organisations = ParentalManyToManyField(
        Organisation, blank=True, related_name="practices", verbose_name=_("implementing organisations")
    )
    other_implementers = models.CharField(
        _("other implementers"), max_length=500, blank=True, help_text=_("Implementers not in the directory.")
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    status = CodeField(_("status"), vocabulary="practice_statuses", default="ongoing")
    results = models.TextField(_("results"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    contact = models.CharField(_("contact"), max_length=255, blank=True)
    language = CodeField(_("language of the original"), vocabulary="languages", default="es")
    event = models.ForeignKey(
        "cms.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
        verbose_name=_("presented at"),
    )
    submitter_email = models.EmailField(
        _("submitter's e-mail"), blank=True, help_text=_("Set on public submissions; never shown publicly.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("countries"),
                FieldPanel("objectives"),
                FieldPanel("principles"),
                FieldPanel("table"),
                FieldPanel("stakeholder_groups"),
                FieldPanel("level"),
                FieldPanel("populations"),
                FieldPanel("language"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisations"),
                FieldPanel("other_implementers"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("status")]),
                FieldPanel("event"),
                FieldPanel("contact"),
            ],
            heading=_("Implementation"),
        ),
        FieldPanel("results"),
        FieldPanel("lessons_learned"),
        InlinePanel("sources", label=_("Sources")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("table"),
    ]
    parent_page_types = ["cms.PracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def country_items(self):
        return labelled(COUNTRIES, self.countries)

    @property
    def objective_items(self):
        return labelled(OBJECTIVES, self.objectives)

    @property
    def principle_items(self):
        return labelled(PRINCIPLES, self.principles)

    @property
    def stakeholder_group_items(self):
        return labelled(STAKEHOLDER_GROUPS, self.stakeholder_groups)

    @property
    def population_items(self):
        return labelled(POPULATIONS, self.populations)

    @property
    def table_label(self) -> str:
        return table_name(self.table) if self.table else ""

    @property
    def level_label(self) -> str:
        return LEVELS.label(self.level) if self.level else ""

    @property
    def status_label(self) -> str:
        return PRACTICE_STATUSES.label(self.status)

    @property
    def language_label(self) -> str:
        return DOCUMENT_LANGUAGES.label(self.language)


class PracticeSource(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    document = models.ForeignKey("wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("document")]

    def clean(self):
        super().clean()
        if not self.url and not self.document_id:
            raise ValidationError(_("A source needs a link or a document."))

    @property
    def href(self) -> str:
        return self.url or (self.document.url if self.document else "")


# --- Working tables and recommendations -------------------------------------------------


class TableIndexPage(SectionPage):
    subpage_types = ["cms.TableSpacePage"]

    class Meta:
        verbose_name = _("working tables")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["spaces"] = TableSpacePage.objects.child_of(self).live().public().order_by("table")
        return context


class TableSpacePage(ReviewsItsItems, RoutablePageMixin, Page):
    """One working table's space. Its subtree holds the table's recommendations, so Wagtail's
    page permissions on this page are the table's rights, and its workflow is the table's.

    The page itself is public (description, member organisations, published outputs); its
    ``espacio/`` route is the members-only part (drafts, contributions and their threads)."""

    objects = ContentPageManager()
    # One space per table among the Spanish originals (clean): its versions in other locales
    # carry the same code.
    table = CodeField(_("working table"), vocabulary="tables", db_index=True)
    description = RichTextField(_("description"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("table"), FieldPanel("description")]
    parent_page_types = ["cms.TableIndexPage"]
    subpage_types = ["cms.RecommendationPage"]

    class Meta:
        verbose_name = _("working-table space")

    @property
    def table_label(self) -> str:
        return table_name(self.table)

    def clean(self):
        super().clean()
        if self.locale_id and self.locale.language_code == settings.LANGUAGE_CODE:
            others = TableSpacePage.objects.originals().filter(table=self.table).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({"table": _("This working table already has its space.")})

    def member_organisations(self):
        return [org for org in Organisation.objects.all() if self.table in org.tables]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recommendations"] = (
            RecommendationPage.objects.child_of(self).live().public().order_by("theme__sort_order", "number")
        )
        context["organisations"] = self.member_organisations()
        return context

    @path("")
    def public(self, request):
        return self.render(request)

    @path("espacio/", name="members")
    def members_area(self, request):
        """The working material lives with the Spanish original (a version redirects there)."""
        source = original(self)
        if source is not None and source.pk != self.pk:
            return redirect(source.url + source.reverse_subpage("members"))
        return site_view(TABLE_MEMBERS_AREA)(request, self)


class RecommendationPage(Page):
    """A recommendation drafted in a table's space; published through the approval workflow.

    Its table is where it lives (the parent space), never a field that could disagree. It is the
    table's working material until published: mirrored into the other languages' trees only
    then (``cms.i18n``).
    """

    mirror_once_published = True

    objects = ContentPageManager()
    text = models.TextField(_("recommendation"))
    rationale = models.TextField(_("rationale"), blank=True)
    addressed_to = CodeListField(_("addressed to"), vocabulary="addressees")
    objectives = CodeListField(_("GCM objectives"), vocabulary="objectives")
    countries = CodeListField(_("countries"), vocabulary="countries")
    event = models.ForeignKey(
        "cms.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
        verbose_name=_("source event"),
    )
    theme = models.ForeignKey(
        "cms.EventTheme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
        verbose_name=_("theme"),
    )
    number = models.PositiveSmallIntegerField(_("number within its theme"), null=True, blank=True)
    co_authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="co_authored_recommendations", verbose_name=_("co-authors")
    )
    # Where the item stands in the approval workflow. Written only by workflows.services, and
    # kept out of revisions (see with_content_json) so publishing an old revision cannot rewind it.
    status = CodeField(_("status"), vocabulary="review_statuses", default="draft", editable=False, db_index=True)
    stage = CodeField(_("stage"), vocabulary="review_stages", blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("text"),
        FieldPanel("rationale"),
        FieldPanel("addressed_to"),
        FieldPanel("objectives"),
        FieldPanel("countries"),
        FieldRowPanel([FieldPanel("event"), FieldPanel("theme"), FieldPanel("number")]),
        # Co-authors are invited and join when they accept (workflows/drafting.py), never set here.
    ]
    search_fields = Page.search_fields + [index.SearchField("text"), index.SearchField("rationale")]
    parent_page_types = ["cms.TableSpacePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        obj.status, obj.stage = self.status, self.stage
        return obj

    def clean(self):
        super().clean()
        if self.theme_id and self.event_id and self.theme.page_id != self.event_id:
            raise ValidationError({"theme": _("The theme must belong to the source event.")})
        if self.theme_id and not self.event_id:
            self.event_id = self.theme.page_id

    @cached_property
    def table(self) -> str:
        """The code of the table whose space holds the item: one query, once per instance (for a
        list, ``cms.selectors.with_tables`` answers it in one query for all)."""
        from ..selectors import with_tables

        return with_tables([self])[0].__dict__["table"]

    @property
    def table_label(self) -> str:
        return table_name(self.table) if self.table else ""

    @property
    def objective_items(self):
        return labelled(OBJECTIVES, self.objectives)

    @property
    def country_items(self):
        return labelled(COUNTRIES, self.countries)

    @property
    def addressee_items(self):
        return labelled(ADDRESSEES, self.addressed_to)


class RecommendationUserObjectPermission(UserObjectPermissionBase):
    """Co-authorship rights on one recommendation (granted and revoked by workflows.services
    whenever the co-authors change)."""

    content_object = models.ForeignKey(RecommendationPage, on_delete=models.CASCADE)


class RecommendationIndexPage(SectionPage):
    """All published recommendations, grouped by event and theme, filterable by table."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("recommendations")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import published_recommendations, recommendations_of_table, with_tables

        context = super().get_context(request, *args, **kwargs)
        recommendations = published_recommendations().select_related("event", "theme")
        table = request.GET.get("table", "")
        if table in TABLES:
            recommendations = recommendations_of_table(recommendations, table)
        else:
            table = ""
        context["selected_table"] = table
        context["tables"] = TABLES.choices()
        # Versions in the reader's language come without the originals' themes: their themes and
        # every item's table in one query each, whatever the number of items.
        items = with_tables(localize(recommendations.order_by("-event__date", "theme__sort_order", "number", "title")))
        prefetch_related_objects(items, "theme")
        context["recommendations"] = items
        return context


# --- Events -----------------------------------------------------------------------------


class EventIndexPage(SectionPage):
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("events")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = EventPage.objects.child_of(self).live().public().order_by("-date")
        return context


class EventPage(Page):
    """An event of the Mechanism, e.g. the Conversatorio with governments of 8 August 2023."""

    objects = ContentPageManager()
    date = models.DateField(_("date"))
    format = CodeField(_("format"), vocabulary="event_formats", default="hybrid")
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("description"), blank=True)
    report_title = models.CharField(_("report title"), max_length=255, blank=True)
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("report"),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("format")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("report_title"), FieldPanel("report_document")]),
        InlinePanel("themes", label=_("Themes")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def format_label(self) -> str:
        return EVENT_FORMATS.label(self.format)

    @property
    def participants(self) -> int:
        return sum(theme.participants or 0 for theme in self.themes.all())

    def get_context(self, request, *args, **kwargs):
        from ..selectors import published_practices, published_recommendations

        context = super().get_context(request, *args, **kwargs)
        source = original(self) or self  # recommendations and practices point at the original
        keys = {theme.pk: theme.key for theme in source.themes.all()}  # a version's themes: same keys
        recommendations = localize(published_recommendations().filter(event=source).order_by("number"))
        context["themes"] = [
            (theme, [r for r in recommendations if keys.get(r.theme_id) == theme.key]) for theme in self.themes.all()
        ]
        context["practices"] = localize(published_practices().filter(event=source).order_by("title"))
        return context


class EventTheme(Orderable, ClusterableModel):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="themes")
    key = models.SlugField(_("key"), max_length=60, help_text=_("Stable identifier within the event, e.g. tema-1."))
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    objectives = CodeListField(_("GCM objectives"), vocabulary="objectives")
    guiding_questions = models.TextField(_("guiding questions"), blank=True, help_text=_("One per line."))
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    countries_count = models.PositiveIntegerField(_("countries represented"), null=True, blank=True)
    presenter = models.CharField(_("presented by"), max_length=255, blank=True)

    panels = [
        FieldPanel("key"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("guiding_questions"),
        FieldRowPanel([FieldPanel("participants"), FieldPanel("countries_count")]),
        FieldPanel("presenter"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("theme")
        constraints = [models.UniqueConstraint(fields=["page", "key"], name="unique_theme_key_per_event")]

    def __str__(self) -> str:
        return f"{self.page.title}: {self.title}" if self.page_id else self.title

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.guiding_questions.splitlines() if line.strip()]

    @property
    def objective_items(self):
        return labelled(OBJECTIVES, self.objectives)


# --- Organisations directory ------------------------------------------------------------


class OrganisationIndexPage(RoutablePageMixin, SectionPage):
    """The public directory of organisations (snippets), with one route per organisation."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("organisations directory")

    @path("")
    def directory(self, request):
        organisations = Organisation.objects.all()
        country = request.GET.get("country", "")
        if country:
            if country not in COUNTRIES:
                raise Http404
            organisations = organisations.filter(country=country)
        return self.render(request, context_overrides={"organisations": organisations, "selected_country": country})

    @path("<str:slug>/")
    def organisation(self, request, slug):
        from ..selectors import published_practices

        organisation = get_object_or_404(Organisation, slug=slug)
        practices = localize(published_practices().filter(organisations=organisation).order_by("title"))
        return self.render(
            request,
            context_overrides={"organisation": organisation, "practices": practices},
            template="cms/organisation_page.html",
        )

    def url_for(self, organisation: Organisation) -> str:
        return self.url + self.reverse_subpage("organisation", args=[organisation.slug])
