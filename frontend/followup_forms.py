"""The public follow-up report form. Its rules are ``workflows.followups``'s (the form only reads
the fields and maps the service's field errors back); its spam protection is the practice
submission form's, reused from ``frontend.forms``: a honeypot field and a signed render time."""

from __future__ import annotations

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from cms.selectors import published_practices
from cms.taxonomies import FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES

from . import forms as practice_forms

BLANK = [("", "—")]


class FollowUpReportForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Country or scope"), help_text=_("The country where it happened, or the region as a whole.")
    )
    status = forms.ChoiceField(label=_("Implementation status"))
    actor = forms.CharField(
        label=_("Who acted"),
        max_length=255,
        help_text=_("The government body, UN agency or organisation that acted."),
    )
    date = forms.DateField(
        label=_("Date of the fact reported"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For example 2023-08-08."),
    )
    description = forms.CharField(
        label=_("What was done"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    evidence_urls = forms.CharField(
        label=_("Evidence (links)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One web address per line: a law, a decree, a news item, a report. Required for “partially implemented” and “implemented”."
        ),
    )
    practices = forms.TypedMultipleChoiceField(
        label=_("Related practices"),
        required=False,
        coerce=int,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Practices of the repository that show this. Hold Ctrl (or Cmd) to select more than one."),
    )
    reporter_email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("We will write to you about the review. It is never shown publicly."),
    )
    # Spam protection, as on the practice submission form.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    rendered = forms.CharField(widget=forms.HiddenInput)

    clean_website = practice_forms.PracticeSubmissionForm.clean_website
    clean_rendered = practice_forms.PracticeSubmissionForm.clean_rendered
    spam_errors = practice_forms.PracticeSubmissionForm.spam_errors
    apply_service_errors = practice_forms.PracticeSubmissionForm.apply_service_errors

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # The region ("419") first, then the countries of the region, then the rest.
        self.fields["country"].choices = BLANK + FOLLOW_UP_SCOPES.choices()
        self.fields["status"].choices = BLANK + FOLLOW_UP_STATUSES.choices()
        self.fields["practices"].choices = list(published_practices().order_by("title").values_list("pk", "title"))
        self.anonymous = not (user and user.is_authenticated)
        if self.anonymous:
            self.fields["reporter_email"].required = True
        else:
            del self.fields["reporter_email"]
        self._describe()
        if not self.is_bound:
            self.initial["rendered"] = signing.dumps(time.time(), salt=practice_forms.SALT)

    def _describe(self) -> None:
        """Help and errors are announced with their field."""
        for name, field in self.fields.items():
            described = [f"id_{name}-help"] if field.help_text else []
            if self.is_bound and self._errors is not None and name in self._errors:
                field.widget.attrs["aria-invalid"] = "true"
                described.append(f"id_{name}-errors")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def full_clean(self):
        super().full_clean()
        self._describe()

    def add_error(self, field, error):
        super().add_error(field, error)
        self._describe()

    def clean_evidence_urls(self) -> list[str]:
        lines = (self.cleaned_data.get("evidence_urls") or "").splitlines()
        return [line.strip() for line in lines if line.strip()]

    def data_for_service(self) -> dict:
        data = {name: self.cleaned_data[name] for name in ("country", "status", "actor", "date", "description")}
        data["evidence_urls"] = self.cleaned_data["evidence_urls"]
        data["practices"] = self.cleaned_data["practices"]
        return data
