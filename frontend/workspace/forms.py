"""Forms of the workspace: they shape and validate input; the services decide."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.models import EventPage, EventTheme
from cms.taxonomies import ADDRESSEES, COUNTRIES, OBJECTIVES, STAKEHOLDER_GROUPS, table_name
from workflows.roles import tables_drafted_by

User = get_user_model()


class WorkspaceForm(forms.Form):
    """Field errors and help announced with their field (``aria-describedby``), and the
    services' refusals mapped onto the field they name."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            described = [f"id_{name}-help"] if field.help_text else []
            if name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
                described.append(f"id_{name}-errors")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def add_service_error(self, error) -> None:
        """A ``workflows.errors.WorkflowError`` on its field (or the form)."""
        self.add_error(error.field if error.field in self.fields else None, error.message)


def person_label(user) -> str:
    return user.get_full_name() or user.get_username()


class RecommendationForm(WorkspaceForm):
    """Every field of a recommendation (SPEC §2). ``table`` only when creating: an item's table is
    where it lives."""

    table = forms.ChoiceField(label=_("Working table"))
    title = forms.CharField(label=_("Title"), max_length=255)
    text = forms.CharField(label=_("Recommendation"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8}))
    rationale = forms.CharField(label=_("Rationale"), max_length=10000, required=False, widget=forms.Textarea(attrs={"rows": 5}))
    addressed_to = forms.MultipleChoiceField(label=_("Addressed to"), required=False, widget=forms.CheckboxSelectMultiple)
    objectives = forms.MultipleChoiceField(label=_("GCM objectives"), required=False, widget=forms.CheckboxSelectMultiple)
    countries = forms.MultipleChoiceField(
        label=_("Countries of Latin America and the Caribbean"), required=False, widget=forms.CheckboxSelectMultiple
    )
    other_countries = forms.MultipleChoiceField(label=_("Other countries"), required=False, widget=forms.CheckboxSelectMultiple)
    event = forms.ModelChoiceField(label=_("Source event"), required=False, queryset=EventPage.objects.none())
    theme = forms.ModelChoiceField(
        label=_("Theme"), required=False, queryset=EventTheme.objects.none(), help_text=_("A theme of the source event.")
    )

    def __init__(self, *args, user, item=None, **kwargs):
        if item is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(item)
        super().__init__(*args, **kwargs)
        language = get_language()
        self.item = item
        if item is None:
            tables = sorted(tables_drafted_by(user))
            self.fields["table"].choices = [(code, table_name(code, language)) for code in tables]
            if len(tables) == 1:
                self.fields["table"].initial = tables[0]
        else:
            del self.fields["table"]
        self.fields["addressed_to"].choices = ADDRESSEES.choices(language)
        self.fields["objectives"].choices = [(code, f"{code}. {label}") for code, label in OBJECTIVES.choices(language)]
        self.fields["countries"].choices = [(t.code, t.label(language)) for t in COUNTRIES.terms if t.in_region]
        self.fields["other_countries"].choices = [(t.code, t.label(language)) for t in COUNTRIES.terms if not t.in_region]
        self.fields["event"].queryset = EventPage.objects.originals().live().order_by("-date")
        self.fields["theme"].queryset = EventTheme.objects.filter(page__in=self.fields["event"].queryset).select_related("page")
        self.fields["theme"].label_from_instance = lambda theme: f"{theme.page.title}: {theme.title}"

    @staticmethod
    def initial_from(item) -> dict:
        region = {t.code for t in COUNTRIES.terms if t.in_region}
        return {
            "title": item.title,
            "text": item.text,
            "rationale": item.rationale,
            "addressed_to": item.addressed_to,
            "objectives": item.objectives,
            "countries": [c for c in item.countries if c in region],
            "other_countries": [c for c in item.countries if c not in region],
            "event": item.event_id,
            "theme": item.theme_id,
        }

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["countries"] = data.pop("countries", []) + data.pop("other_countries", [])
        return data


class CommentForm(WorkspaceForm):
    comment = forms.CharField(label=_("Comment"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RequestChangesForm(WorkspaceForm):
    comment = forms.CharField(
        label=_("What should change"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("A comment is required to request changes.")},
        help_text=_("The authors read it on their workspace and in an e-mail."),
    )


class WithdrawForm(WorkspaceForm):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please give the reason for withdrawing it.")},
        help_text=_("Recorded in its history and sent to the other authors and its reviewers."),
    )


class CompareForm(forms.Form):
    """Two versions of an item to compare (``?desde=&hasta=``)."""

    desde = forms.TypedChoiceField(label=_("From"), coerce=int)
    hasta = forms.TypedChoiceField(label=_("To"), coerce=int)

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(v.id, f"{v.at:%Y-%m-%d %H:%M} · {v.label}") for v in versions]
        self.fields["desde"].choices = self.fields["hasta"].choices = choices


class AmendmentForm(WorkspaceForm):
    """New wording for a recommendation (the current one to start from), and why."""

    title = forms.CharField(label=_("Title"), max_length=255)
    text = forms.CharField(label=_("Recommendation"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8}))
    rationale = forms.CharField(label=_("Rationale"), max_length=10000, required=False, widget=forms.Textarea(attrs={"rows": 5}))
    justification = forms.CharField(
        label=_("Justification"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the wording should change: the authors read it before they decide."),
        error_messages={"required": _("Say why the wording should change.")},
    )


class ReasonForm(WorkspaceForm):
    reason = forms.CharField(
        label=_("Reason (optional)"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DraftCommentForm(WorkspaceForm):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("A comment cannot be empty.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class NotificationSettingsForm(WorkspaceForm):
    """How often each kind of notification is e-mailed (all are listed in the workspace)."""

    def __init__(self, *args, **kwargs):
        from workflows.models import Frequency, NotificationCategory

        super().__init__(*args, **kwargs)
        for category in NotificationCategory:
            self.fields[category.value] = forms.ChoiceField(
                label=category.label, choices=Frequency.choices, widget=forms.RadioSelect
            )
        self.fields["workflow"].help_text = _("Items waiting for your review are e-mailed at least daily, whatever you choose.")


# --- Contributions, consolidation, organisation, table (issue #16) ------------------------------


def region_country_choices(language) -> tuple[list, list]:
    """The region's countries and the others, in ``language``."""
    region = [(t.code, t.label(language)) for t in COUNTRIES.terms if t.in_region]
    others = [(t.code, t.label(language)) for t in COUNTRIES.terms if not t.in_region]
    return region, others


class ContributionForm(WorkspaceForm):
    """A contribution: its table (one the user drafts in), text, objectives, countries and one
    attachment, uploaded here. The type and size limits are the service's (a refusal is an error
    on ``attachment``)."""

    table = forms.ChoiceField(label=_("Working table"))
    title = forms.CharField(label=_("Title"), max_length=255)
    text = forms.CharField(label=_("Text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 10}))
    objectives = forms.MultipleChoiceField(label=_("GCM objectives"), required=False, widget=forms.CheckboxSelectMultiple)
    countries = forms.MultipleChoiceField(label=_("Countries of the region"), required=False, widget=forms.CheckboxSelectMultiple)
    other_countries = forms.MultipleChoiceField(
        label=_("Countries outside the region"), required=False, widget=forms.CheckboxSelectMultiple
    )
    attachment = forms.FileField(label=_("Attachment"), required=False, max_length=255, widget=forms.FileInput)
    remove_attachment = forms.BooleanField(label=_("Remove the current attachment"), required=False)

    def __init__(self, *args, user, contribution=None, **kwargs):
        from workflows.documents import allowed_extensions

        if contribution is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(contribution)
        super().__init__(*args, **kwargs)
        language = get_language()
        self.contribution = contribution
        tables = set(tables_drafted_by(user)) | ({contribution.table} if contribution is not None else set())
        self.fields["table"].choices = [(code, table_name(code, language)) for code in sorted(tables)]
        if len(tables) == 1:
            self.fields["table"].initial = next(iter(tables))
        self.fields["objectives"].choices = [(code, f"{code}. {label}") for code, label in OBJECTIVES.choices(language)]
        self.fields["countries"].choices, self.fields["other_countries"].choices = region_country_choices(language)
        extensions = allowed_extensions()
        self.fields["attachment"].widget.attrs["accept"] = ",".join(f".{extension}" for extension in extensions)
        self.fields["attachment"].help_text = _(
            "Accepted types: %(types)s; at most %(size)s MB. Only the people of the table can download it."
        ) % {
            "types": ", ".join(extensions),
            "size": settings.CONTRIBUTION_ATTACHMENT_MAX_MB,
        }
        if contribution is None or contribution.attachment_id is None:
            del self.fields["remove_attachment"]
        else:
            self.fields["attachment"].label = _("Replace the attachment")

    @staticmethod
    def initial_from(contribution) -> dict:
        region = {t.code for t in COUNTRIES.terms if t.in_region}
        return {
            "table": contribution.table,
            "title": contribution.title,
            "text": contribution.text,
            "objectives": contribution.objectives,
            "countries": [c for c in contribution.countries if c in region],
            "other_countries": [c for c in contribution.countries if c not in region],
        }

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in ("table", "title", "text", "objectives")}
        data["countries"] = self.cleaned_data["countries"] + self.cleaned_data["other_countries"]
        if self.cleaned_data.get("attachment"):
            data["upload"] = self.cleaned_data["attachment"]
        elif self.cleaned_data.get("remove_attachment"):
            data["attachment"] = None
        return data


class ContributionCommentForm(WorkspaceForm):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("A comment cannot be empty.")},
    )


class ConsolidateForm(WorkspaceForm):
    """The contributions of the recommendation's table that it consolidates."""

    contributions = forms.ModelMultipleChoiceField(
        label=_("Contributions it consolidates"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Contributions of its table that this recommendation takes up."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributions"].queryset = candidates.order_by("-created_at")
        self.fields["contributions"].label_from_instance = lambda c: f"{c.title} · {person_label(c.author)}"


class OrganisationForm(WorkspaceForm):
    """What its members change in an organisation's profile (its tables are the secretariat's)."""

    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    website = forms.URLField(label=_("Website"), max_length=200, required=False, assume_scheme="https")
    country = forms.ChoiceField(label=_("Country"), required=False)
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"), required=False, help_text=_("The groups of paragraph 44 of the Global Compact.")
    )

    def __init__(self, *args, organisation, **kwargs):
        if "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(organisation, name) for name in self.base_fields}
        super().__init__(*args, **kwargs)
        language = get_language()
        region, others = region_country_choices(language)
        self.fields["country"].choices = [
            ("", "—"),
            (_("Latin America and the Caribbean"), region),
            (_("Countries outside the region"), others),
        ]
        self.fields["stakeholder_group"].choices = [("", "—"), *STAKEHOLDER_GROUPS.choices(language)]

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class TableOrganisationForm(WorkspaceForm):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, empty_label=_("Choose an organisation"))

    def __init__(self, *args, choices, **kwargs):
        from cms.models import Organisation

        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in choices]).order_by("name")


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Find a person by name"), max_length=100, required=False)


class TableDelegateForm(WorkspaceForm):
    person = forms.ModelChoiceField(queryset=User.objects.filter(is_active=True), widget=forms.HiddenInput)
