"""The public practice submission form, with spam protection that needs no third party:
a honeypot field, a minimum time between showing the form and submitting it (a signed
timestamp), and a per-client rate limit kept in Django's cache (the client identified like
the API's throttles do, honouring ``REST_FRAMEWORK["NUM_PROXIES"]``)."""

from __future__ import annotations

import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework.throttling import BaseThrottle

from cms.taxonomies import COUNTRIES, LEVELS, OBJECTIVES

MIN_SECONDS = 3  # a person needs more than this to fill the form
MAX_AGE = 6 * 3600  # a form left open longer must be reloaded
RATE_LIMIT = 5  # submissions per client address (see client_ip)...
RATE_WINDOW = 3600  # ...per hour
SALT = "frontend.practice-submission"


def _year_choices():
    return [("", "—")] + [(str(year), str(year)) for year in range(time.gmtime().tm_year + 1, 1989, -1)]


class PracticeSubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title of the practice"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the practice does, for whom, and where."),
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=COUNTRIES.choices(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to select more than one."),
    )
    objectives = forms.MultipleChoiceField(
        label=_("GCM objectives"), choices=OBJECTIVES.choices(), widget=forms.CheckboxSelectMultiple
    )
    level = forms.ChoiceField(label=_("Level"), choices=[("", "—")] + LEVELS.choices(), required=False)
    start_year = forms.TypedChoiceField(
        label=_("Start year"), choices=_year_choices, coerce=int, empty_value=None, required=False
    )
    contact = forms.CharField(label=_("Public contact (optional)"), max_length=255, required=False)
    submitter_email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("We will write to you about the review. It is never shown publicly."),
    )
    # Spam protection: a field people do not see (bots fill it) and a signed render time.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    rendered = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["objectives"].choices = [(code, f"{code}. {label}") for code, label in OBJECTIVES.choices(get_language())]
        self.anonymous = not (user and user.is_authenticated)
        if self.anonymous:
            self.fields["submitter_email"].required = True
        else:
            del self.fields["submitter_email"]
        for name, field in self.fields.items():
            if field.help_text and name != "objectives":
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"
        if not self.is_bound:
            self.initial["rendered"] = signing.dumps(time.time(), salt=SALT)

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():  # errors and help are announced with the field
            described = [f"id_{name}-help"] if field.help_text else []
            if name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
                described.append(f"id_{name}-errors")
            if described and name != "objectives":
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("This submission looks automated and was not accepted."), code="spam")
        return ""

    def clean_rendered(self):
        try:
            rendered = float(signing.loads(self.cleaned_data["rendered"], salt=SALT, max_age=MAX_AGE))
        except (signing.BadSignature, TypeError, ValueError) as exc:
            raise ValidationError(_("The form has expired. Please reload the page and try again."), code="expired") from exc
        if time.time() - rendered < MIN_SECONDS:
            raise ValidationError(_("The form was sent too quickly. Please check it and send it again."), code="too_fast")
        return rendered

    @property
    def spam_errors(self):
        return [error for name in ("website", "rendered") for error in self.errors.get(name, [])]

    def data_for_service(self) -> dict:
        data = {name: self.cleaned_data[name] for name in ("title", "summary", "countries", "objectives", "contact")}
        data["level"] = self.cleaned_data["level"] or ""
        data["start_year"] = self.cleaned_data["start_year"]
        return data

    def apply_service_errors(self, error: ValidationError) -> None:
        """Map the service's field errors onto the form; others become form errors."""
        messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for field, field_messages in messages.items():
            target = field if field in self.fields else None
            for message in field_messages:
                self.add_error(target, message)


def client_ip(request) -> str:
    """The client's address as the API's throttles see it (DRF ``BaseThrottle.get_ident``):
    behind ``REST_FRAMEWORK["NUM_PROXIES"]`` trusted proxies (``TRUSTED_PROXY_COUNT``) the
    address the nearest of them saw, from ``X-Forwarded-For``; with 0, ``REMOTE_ADDR`` and
    the header is ignored, so a client cannot pick its own identity."""
    return BaseThrottle().get_ident(request) or "unknown"


def rate_limited(request, scope: str = "practice-submit") -> bool:
    """Count this attempt; true when the IP address went over the limit of ``scope`` (one
    counter per public form) in the window."""
    key = f"{scope}:{client_ip(request)}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > RATE_LIMIT
