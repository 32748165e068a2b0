"""Small views of the public site. (``/healthz`` and ``/readyz`` live in ``enlace/health.py``.)"""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.models import PracticeIndexPage
from search.service import suggest as suggest_titles
from workflows.services import practice_submit

from .forms import PracticeSubmissionForm, rate_limited


@never_cache
def practice_submission(request):
    """The public form to propose a practice: a draft that curators review before publication."""
    repository = PracticeIndexPage.objects.live().first()
    status = 200
    if request.method == "POST":
        form = PracticeSubmissionForm(request.POST, user=request.user)
        if rate_limited(request):
            return render(request, "frontend/practice_submission.html", {"form": form, "repository": repository, "rate_limited": True}, status=429)
        if form.is_valid():
            try:
                practice_submit(
                    user=request.user,
                    submitter_email=form.cleaned_data.get("submitter_email", "") or getattr(request.user, "email", ""),
                    data=form.data_for_service(),
                )
            except ValidationError as error:
                form.apply_service_errors(error)
            else:
                return redirect("practice_submission_done")
        status = 400
    else:
        form = PracticeSubmissionForm(user=request.user)
    return render(request, "frontend/practice_submission.html", {"form": form, "repository": repository}, status=status)


def practice_submission_done(request):
    repository = PracticeIndexPage.objects.live().first()
    return render(request, "frontend/practice_submission_done.html", {"repository": repository})


SUGGEST_MAX_LENGTH = 100  # characters of the typed text looked at


@require_GET
@never_cache  # an unpublished practice must disappear from the suggestions at once
def suggest(request):
    """Type-ahead for the search boxes: ``{"suggestions": [{"title", "url"}]}`` for ``?q=``,
    published practices only (``search.service.suggest`` reads published content only)."""
    text = request.GET.get("q", "")[:SUGGEST_MAX_LENGTH]
    found = suggest_titles(text, types=("practice",), limit=8) if len(text.strip()) >= 2 else []
    return JsonResponse({"suggestions": [{"title": item["title"], "url": item["url"]} for item in found]})
