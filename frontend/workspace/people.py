"""The workspace's people: "My organisation" (``/espacio/organizacion/``: its members edit its
profile through ``workflows.organisations``, the same service as the API) and "My table"
(``/espacio/mesa/N/``: the table's secretariat manages its organisations and delegates through
``workflows.tables``, which checks the right again and writes the audit log).

A table's management page answers 404 to those who do not read the table and 403 to its readers
who may not manage it; an organisation's profile (public) answers 403 to non-members."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.models import Organisation
from cms.taxonomies import TABLES, table_name
from workflows import organisations, tables
from workflows.errors import WorkflowError
from workflows.roles import group_name, reads_table

from . import forms
from .views import render

User = get_user_model()


# --- My organisation ---------------------------------------------------------------------------


@login_required
def my_organisation(request):
    """The user's organisation (a choice when they belong to several)."""
    mine = list(organisations.organisations_of(request.user))
    if not mine:
        raise Http404
    if len(mine) == 1:
        return redirect("workspace:organisation", pk=mine[0].pk)
    return render(request, "organisations.html", {"organisations": mine, "nav": "organisation"})


@login_required
def organisation(request, pk):
    item = get_object_or_404(Organisation, pk=pk)
    if not organisations.can_edit_organisation(request.user, item):
        raise PermissionDenied  # the directory is public; the profile is its members' to edit
    form = forms.OrganisationForm(request.POST or None, organisation=item)
    if request.method == "POST" and form.is_valid():
        try:
            organisations.organisation_update(organisation=item, user=request.user, **form.service_data())
        except WorkflowError as error:
            if error.status_code != 400:
                raise PermissionDenied(error.message) from None
            form.add_service_error(error)
        else:
            messages.success(request, _("The organisation's profile was saved."))
            return redirect("workspace:organisation", pk=item.pk)
    context = {
        "organisation": item,
        "form": form,
        "table_names": [table_name(code) for code in item.tables],
        "nav": "organisation",
    }
    return render(request, "organisation.html", context, status=400 if form.errors else 200)


# --- My table ----------------------------------------------------------------------------------


@login_required
def my_table(request):
    managed = tables.tables_managed_by(request.user)
    if not managed:
        raise Http404
    if len(managed) == 1:
        return redirect("workspace:table", table=managed[0])
    return render(
        request, "tables.html", {"tables": [{"code": code, "label": table_name(code)} for code in managed], "nav": "table"}
    )


def managed_table(user, table: str) -> str:
    """``table`` if ``user`` manages it: 404 if they do not read it, 403 if they read it only."""
    if table not in TABLES or not reads_table(user, table):
        raise Http404
    if not tables.can_manage_table(user, table):
        raise PermissionDenied
    return table


def table_context(request, table, **overrides) -> dict:
    search = forms.PersonSearchForm(request.GET or None)
    found = []
    if search.is_valid() and search.cleaned_data["q"].strip():
        delegates = set(User.objects.filter(groups__name=group_name("delegate", table)).values_list("pk", flat=True))
        found = [
            {"person": person, "delegate": person.pk in delegates} for person in tables.find_people(search.cleaned_data["q"])
        ]
    context = {
        "table": table,
        "table_label": table_name(table),
        "organisations": tables.organisations_in(table),
        "people": tables.people_of(table),
        "search": search,
        "found": found,
        "organisation_form": forms.TableOrganisationForm(choices=tables.organisations_not_in(table)),
        "delegate_form": None,
        "error": None,
        "nav": "table",
    }
    context.update(overrides)
    return context


@login_required
def table_page(request, table):
    table = managed_table(request.user, table)
    return render(request, "table.html", table_context(request, table))


def table_url(table: str) -> str:
    return reverse("workspace:table", kwargs={"table": table})


def refused(request, table, error: WorkflowError, **overrides):
    """The table's page again with the service's refusal (400), or 403."""
    if error.status_code != 400:
        raise PermissionDenied(error.message)
    return render(request, "table.html", table_context(request, table, error=error.message, **overrides), status=400)


@login_required
@require_POST
def table_organisation_add(request, table):
    table = managed_table(request.user, table)
    form = forms.TableOrganisationForm(request.POST, choices=tables.organisations_not_in(table))
    if not form.is_valid():
        return render(request, "table.html", table_context(request, table, organisation_form=form), status=400)
    try:
        item = tables.table_add_organisation(table=table, organisation=form.cleaned_data["organisation"], user=request.user)
    except WorkflowError as error:
        form.add_service_error(error)
        return refused(request, table, error, organisation_form=form)
    messages.success(request, _("%(organisation)s now takes part in the table.") % {"organisation": item.name})
    return redirect(table_url(table))


@login_required
@require_POST
def table_organisation_remove(request, table, pk):
    table = managed_table(request.user, table)
    item = get_object_or_404(Organisation, pk=pk)
    try:
        tables.table_remove_organisation(table=table, organisation=item, user=request.user)
    except WorkflowError as error:
        return refused(request, table, error)
    messages.success(request, _("%(organisation)s no longer takes part in the table.") % {"organisation": item.name})
    return redirect(table_url(table))


@login_required
@require_POST
def table_delegate_add(request, table):
    table = managed_table(request.user, table)
    form = forms.TableDelegateForm(request.POST)
    if not form.is_valid():
        return refused(request, table, WorkflowError(_("Choose a person from the search results."), field="person"))
    person = form.cleaned_data["person"]
    try:
        tables.table_add_delegate(table=table, person=person, user=request.user)
    except WorkflowError as error:
        return refused(request, table, error)
    messages.success(request, _("%(person)s is now a delegate of the table.") % {"person": forms.person_label(person)})
    return redirect(table_url(table))


@login_required
@require_POST
def table_delegate_remove(request, table, pk):
    table = managed_table(request.user, table)
    person = get_object_or_404(User, pk=pk)
    try:
        tables.table_remove_delegate(table=table, person=person, user=request.user)
    except WorkflowError as error:
        return refused(request, table, error)
    messages.success(request, _("%(person)s is no longer a delegate of the table.") % {"person": forms.person_label(person)})
    return redirect(table_url(table))
