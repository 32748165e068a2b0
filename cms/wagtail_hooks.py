"""Admin registration of the organisation directory (contributions: workflows/wagtail_hooks.py),
and the rule that a page in another language is public only while its Spanish original is."""

from django.http import Http404
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import i18n
from .models import Organisation


@hooks.register("before_serve_page")
def serve_versions_of_public_originals_only(page, request, serve_args, serve_kwargs):
    """A translation or alias is served only while its Spanish original is live (an original
    unpublished, deleted or still in review takes its versions with it) and public (a view
    restriction added to the original sends the reader to it, where Wagtail asks to log in)."""
    source = i18n.original(page)
    if source is page:
        return None
    if source is None or not source.live:
        raise Http404
    if source.get_view_restrictions().exists():
        return redirect(source.get_url(request))
    return None


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "acronym", "country_label", "kind_label"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "acronym"]


register_snippet(OrganisationViewSet)
