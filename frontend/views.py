"""Small views of the public site. (``/healthz`` and ``/readyz`` live in ``enlace/health.py``.)"""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.i18n import localize
from cms.models import PracticeIndexPage
from search.service import suggest as suggest_titles
from workflows.practices import practice_submit

from .forms import PracticeSubmissionForm, rate_limited
from .search import in_reader_language, recommendation_search, site_search


def repository():
    """The repository of practices in the reader's language."""
    page = PracticeIndexPage.objects.originals().live().first()
    return localize([page])[0] if page else None


def public_form_view(request, form_class, *, template: str, context: dict, scope: str, email_field: str, submit, done_url: str):
    """The one flow of the public forms: the rate limit of ``scope`` (429), the form's and the
    service's own field errors (400, nothing saved), or a redirect to ``done_url``.
    ``submit(form, email)`` calls the service; ``email`` is the form's ``email_field`` (asked of
    anonymous people only), else the user's."""
    if request.method != "POST":
        return render(request, template, {**context, "form": form_class(user=request.user)})
    form = form_class(request.POST, user=request.user)
    if rate_limited(request, scope):
        return render(request, template, {**context, "form": form, "rate_limited": True}, status=429)
    if form.is_valid():
        email = form.cleaned_data.get(email_field) or getattr(request.user, "email", "")
        try:
            submit(form, email)
        except ValidationError as error:
            form.apply_service_errors(error)
        else:
            return redirect(done_url)
    return render(request, template, {**context, "form": form}, status=400)


@never_cache
def practice_submission(request):
    """The public form to propose a practice: a draft that curators review before publication."""
    return public_form_view(
        request,
        PracticeSubmissionForm,
        template="frontend/practice_submission.html",
        context={"repository": repository()},
        scope="practice-submit",
        email_field="submitter_email",
        submit=lambda form, email: practice_submit(user=request.user, submitter_email=email, data=form.data_for_service()),
        done_url=reverse("practice_submission_done"),
    )


def practice_submission_done(request):
    return render(request, "frontend/practice_submission_done.html", {"repository": repository()})


SUGGEST_MAX_LENGTH = 100  # characters of the typed text looked at


@require_GET
@never_cache  # an unpublished practice must disappear from the suggestions at once (no browser copy)
def suggest(request):
    """Type-ahead for the search boxes: ``{"suggestions": [{"title", "url", "lang"}]}`` for ``?q=``
    (``lang``: the title's language, Spanish for a page not translated into the reader's),
    published practices only (``search.service.suggest`` reads published content only).
    Anonymous readers' suggestions come from the search response cache (``search.cache``)."""
    text = request.GET.get("q", "")[:SUGGEST_MAX_LENGTH]
    anonymous = not request.user.is_authenticated
    found = suggest_titles(text, types=("practice",), limit=8, cache=anonymous) if len(text.strip()) >= 2 else []
    in_reader_language(request, found)
    return JsonResponse({"suggestions": [{"title": item["title"], "url": item["url"], "lang": item["lang"]} for item in found]})


@require_GET
def search_everything(request):
    """``/buscar/?q=``: the site's one search box (in every page's header), grouped by type."""
    context = site_search(request)
    return render(request, "frontend/site_search.html", context, status=400 if context.get("search_errors") else 200)


@require_GET
def search_recommendations(request):
    """The faceted search of published recommendations (the practice search page's twin)."""
    context = recommendation_search(request)
    return render(request, "frontend/recommendation_search.html", context, status=400 if context.get("search_errors") else 200)
