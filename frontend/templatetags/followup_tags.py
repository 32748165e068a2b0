"""The follow-up of a recommendation on its page, and the recommendations a practice is evidence
for on the practice's page. Public reads only: everything comes from ``cms.progress``."""

from django import template
from django.urls import reverse

from cms import progress
from cms.i18n import localize, original
from workflows import followups

register = template.Library()


@register.simple_tag(takes_context=True)
def recommendation_follow_up(context, recommendation):
    """``{"timelines", "practices", "following", "follow_url", "report_url"}`` of a recommendation."""
    request = context.get("request")
    user = getattr(request, "user", None)
    recommendation = original(recommendation) or recommendation  # reports belong to the original
    timelines = progress.timelines(recommendation)
    return {
        "timelines": timelines,
        "practices": localize(progress.linked_practices(recommendation).order_by("title")),
        "following": followups.is_following(user, recommendation),
        "signed_in": bool(user and user.is_authenticated),
        "follow_url": reverse("recommendation_follow", args=[recommendation.pk]),
        "report_url": reverse("followup_report", args=[recommendation.pk]),
    }


@register.simple_tag
def practice_evidence(practice):
    """The published recommendations published reports link this practice to."""
    return localize(progress.recommendations_evidenced_by(original(practice) or practice))
