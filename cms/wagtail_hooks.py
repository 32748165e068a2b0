"""The rule that a page in another language is public only while its Spanish original is.
(The admin's snippet viewsets, which ask the permission policies, are in workflows/wagtail_hooks.py.)"""

from django.http import Http404
from django.shortcuts import redirect
from wagtail import hooks

from . import i18n


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
