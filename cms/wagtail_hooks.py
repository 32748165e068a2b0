"""Admin registration of the organisation directory (contributions: workflows/wagtail_hooks.py)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "acronym", "country_label", "kind_label"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "acronym"]


register_snippet(OrganisationViewSet)
