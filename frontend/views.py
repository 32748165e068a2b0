"""Small views of the public site. (``/healthz`` and ``/readyz`` live in ``enlace/health.py``.)"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from cms.models import PracticeIndexPage
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
