"""Small helpers for the public site's templates: navigation and language links."""

from django import template
from django.conf import settings
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The home page's live children, for the main navigation."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site.root_page.get_children().live().in_menu()


@register.simple_tag
def site_languages():
    return settings.LANGUAGES
