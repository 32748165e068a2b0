from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from workflows.practices import practice_submit

from ..models import EventPage, Organisation, PracticePage
from ..taxonomies import (
    COUNTRIES,
    DOCUMENT_LANGUAGES,
    LEVELS,
    OBJECTIVES,
    ORGANISATION_KINDS,
    POPULATIONS,
    PRACTICE_STATUSES,
    PRINCIPLES,
    STAKEHOLDER_GROUPS,
    TABLES,
)

PRACTICE_HIT_FIELDS = ("id", "slug", "title", "summary", "countries", "objectives", "principles", "table", "start_year", "url")
PRACTICE_CSV_COLUMNS = PRACTICE_HIT_FIELDS


def codes_field(vocabulary, *, max_length: int | None = None, required: bool = False):
    return serializers.ListField(
        child=serializers.ChoiceField(choices=vocabulary.codes),
        required=required,
        allow_empty=not required,
        max_length=max_length or len(vocabulary),
    )


class TermSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class FacetValueSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class HitSerializer(serializers.Serializer):
    """One search hit (the shape of both practices and recommendations)."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    countries = serializers.ListField(child=serializers.CharField())
    objectives = serializers.ListField(child=serializers.CharField())
    table = serializers.CharField(allow_blank=True)
    url = serializers.CharField()
    highlight = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Only when q is given: field -> HTML snippets with <mark>.",
    )


class PracticeHitSerializer(HitSerializer):
    principles = serializers.ListField(child=serializers.CharField())
    start_year = serializers.IntegerField(allow_null=True)


FACET_NAMES = (
    "country",
    "objective",
    "principle",
    "table",
    "stakeholder_group",
    "level",
    "population",
    "start_year",
    "language",
    "type",
)


class FacetsSerializer(serializers.Serializer):
    names = FACET_NAMES

    def get_fields(self):
        return {name: FacetValueSerializer(many=True) for name in self.names}


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    facets = FacetsSerializer()
    backend = serializers.ChoiceField(choices=["elasticsearch", "database"])
    degraded = serializers.BooleanField()


class PracticeSearchResponseSerializer(SearchResponseSerializer):
    results = PracticeHitSerializer(many=True)


class OrganisationRefSerializer(serializers.ModelSerializer):
    country = serializers.CharField(read_only=True, help_text="ISO 3166 code, or empty.")

    class Meta:
        model = Organisation
        fields = ["id", "slug", "name", "acronym", "country"]


class SourceSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(source="href")


class PracticeDetailSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    organisations = OrganisationRefSerializer(many=True)
    sources = SourceSerializer(many=True)
    labels = serializers.SerializerMethodField(help_text="Labels of the codes, in the requested language.")
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = PracticePage
        fields = [
            "id",
            "slug",
            "title",
            "summary",
            "body",
            "countries",
            "objectives",
            "principles",
            "table",
            "stakeholder_groups",
            "level",
            "populations",
            "organisations",
            "other_implementers",
            "start_year",
            "end_year",
            "status",
            "results",
            "lessons_learned",
            "sources",
            "contact",
            "language",
            "event",
            "url",
            "first_published_at",
            "last_published_at",
            "labels",
        ]

    def get_url(self, practice) -> str:
        return practice.full_url or practice.url

    def get_labels(self, practice) -> dict:
        language = self.context.get("language")

        def many(vocabulary, codes):
            return {code: vocabulary.label(code, language) for code in codes}

        return {
            "countries": many(COUNTRIES, practice.countries),
            "objectives": many(OBJECTIVES, practice.objectives),
            "principles": many(PRINCIPLES, practice.principles),
            "stakeholder_groups": many(STAKEHOLDER_GROUPS, practice.stakeholder_groups),
            "populations": many(POPULATIONS, practice.populations),
            "table": TABLES.label(practice.table, language) if practice.table else "",
            "level": LEVELS.label(practice.level, language) if practice.level else "",
            "status": PRACTICE_STATUSES.label(practice.status, language),
            "language": DOCUMENT_LANGUAGES.label(practice.language, language),
        }


class PracticeSubmissionSerializer(serializers.Serializer):
    """A practice proposed for the repository; published only after a curator's review."""

    title = serializers.CharField(max_length=255)
    summary = serializers.CharField(max_length=5000)
    countries = codes_field(COUNTRIES, max_length=40)
    objectives = codes_field(OBJECTIVES, required=True)
    principles = codes_field(PRINCIPLES)
    table = serializers.ChoiceField(choices=TABLES.codes, required=False, allow_blank=True)
    stakeholder_groups = codes_field(STAKEHOLDER_GROUPS)
    level = serializers.ChoiceField(choices=LEVELS.codes, required=False, allow_blank=True)
    populations = codes_field(POPULATIONS)
    other_implementers = serializers.CharField(max_length=500, required=False, allow_blank=True)
    start_year = serializers.IntegerField(min_value=1900, max_value=2100, required=False, allow_null=True)
    end_year = serializers.IntegerField(min_value=1900, max_value=2100, required=False, allow_null=True)
    results = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    lessons_learned = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    contact = serializers.CharField(max_length=255, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=DOCUMENT_LANGUAGES.codes, required=False)
    submitter_email = serializers.EmailField(required=False, help_text="Required when not logged in.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and not request.user.is_authenticated:  # what OPTIONS shows, too
            self.fields["submitter_email"].required = True

    def validate(self, attrs):
        request = self.context["request"]
        if not request.user.is_authenticated and not attrs.get("submitter_email"):
            raise serializers.ValidationError({"submitter_email": ["An e-mail address is required."]})
        if attrs.get("start_year") and attrs.get("end_year") and attrs["end_year"] < attrs["start_year"]:
            raise serializers.ValidationError({"end_year": ["The end year cannot be before the start year."]})
        return attrs

    def create(self, validated_data):
        request = self.context["request"]
        email = validated_data.pop("submitter_email", "") or (request.user.email if request.user.is_authenticated else "")
        try:
            return practice_submit(user=request.user, submitter_email=email, data=validated_data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None


class SubmissionCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()


class OrganisationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(read_only=True, help_text="ISO 3166 code, or empty.")
    country_label = serializers.SerializerMethodField()
    kind_label = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            "id",
            "slug",
            "name",
            "acronym",
            "country",
            "country_label",
            "kind",
            "kind_label",
            "stakeholder_group",
            "tables",
            "website",
            "description",
        ]

    def get_country_label(self, organisation) -> str:
        return COUNTRIES.label(organisation.country, self.context.get("language")) if organisation.country else ""

    def get_kind_label(self, organisation) -> str:
        return ORGANISATION_KINDS.label(organisation.kind, self.context.get("language"))


class OrganisationUpdateSerializer(serializers.ModelSerializer):
    """What an organisation's members may change in its profile (saved by
    ``workflows.organisations.organisation_update``, which the workspace calls too). Its tables
    are managed by the tables' secretariats."""

    country = serializers.ChoiceField(
        choices=list(COUNTRIES.codes), required=False, allow_blank=True, help_text="ISO 3166 code, or empty."
    )
    stakeholder_group = serializers.ChoiceField(
        choices=STAKEHOLDER_GROUPS.choices(),
        required=False,
        allow_blank=True,
        help_text="One of the 13 groups of GCM paragraph 44, or empty.",
    )

    class Meta:
        model = Organisation
        fields = ["acronym", "website", "description", "country", "stakeholder_group"]
        extra_kwargs = {"description": {"max_length": 5000}}


class TableSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField(allow_null=True)


class ThemeSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    objectives = serializers.ListField(child=serializers.CharField())
    guiding_questions = serializers.ListField(child=serializers.CharField(), source="question_list")
    participants = serializers.IntegerField(allow_null=True)
    countries_count = serializers.IntegerField(allow_null=True)


class EventSerializer(serializers.ModelSerializer):
    themes = ThemeSerializer(many=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = EventPage
        fields = ["id", "slug", "title", "date", "format", "summary", "report_title", "themes", "url"]

    def get_url(self, event) -> str:
        return event.full_url or event.url


class ItemRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class NumberedItemRefSerializer(ItemRefSerializer):
    number = serializers.IntegerField(allow_null=True)


class ThemeDetailSerializer(ThemeSerializer):
    recommendations = NumberedItemRefSerializer(many=True, help_text="The theme's published recommendations, in order.")


class DocumentRefSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    file_size = serializers.IntegerField(allow_null=True)
    content_type = serializers.CharField()


class EventDetailSerializer(EventSerializer):
    """An event with what came out of it: each theme's published recommendations, the published
    practices presented, and its report document (null when it has none)."""

    themes = serializers.SerializerMethodField()
    practices = serializers.SerializerMethodField()
    report = serializers.SerializerMethodField()

    class Meta(EventSerializer.Meta):
        fields = EventSerializer.Meta.fields + ["practices", "report"]

    @staticmethod
    def _ref(page, **extra) -> dict:
        return {"id": page.pk, "title": page.title, "url": page.full_url or page.url, **extra}

    @extend_schema_field(ThemeDetailSerializer(many=True))
    def get_themes(self, event) -> list[dict]:
        from ..selectors import published_recommendations

        by_theme: dict = {}
        for item in published_recommendations().filter(event=event).order_by("number", "pk"):
            by_theme.setdefault(item.theme_id, []).append(self._ref(item, number=item.number))
        return [{**ThemeSerializer(theme).data, "recommendations": by_theme.get(theme.pk, [])} for theme in event.themes.all()]

    @extend_schema_field(ItemRefSerializer(many=True))
    def get_practices(self, event) -> list[dict]:
        from ..selectors import published_practices

        return [self._ref(practice) for practice in published_practices().filter(event=event).order_by("title")]

    @extend_schema_field(DocumentRefSerializer(allow_null=True))
    def get_report(self, event) -> dict | None:
        document = event.report_document
        if document is None:
            return None
        request = self.context.get("request")
        url = request.build_absolute_uri(document.url) if request else document.url
        return {
            "title": event.report_title or document.title,
            "url": url,
            "file_size": document.file_size,
            "content_type": document.content_type,
        }
