"""Organisation profiles, edited by their members (SPEC §1: an object permission) through one
service that the workspace ("My organisation") and the API (``PATCH /api/v1/organisations/{id}/``)
both call. The tables an organisation takes part in are not the members' to change: the table's
secretariat manages them (``workflows.tables``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from wagtail.log_actions import log

from cms.models import Organisation

from .errors import NotAllowed, WorkflowError

EDITABLE_FIELDS = ("acronym", "website", "description", "country", "stakeholder_group")
MAX_DESCRIPTION = 5000
PERMISSION = "cms.change_organisation"


def can_edit_organisation(user, organisation: Organisation) -> bool:
    """Its members (guardian object permission), curators (model permission), administrators."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PERMISSION, organisation))


def organisations_of(user):
    """The organisations ``user`` is a member of, by name."""
    if not (user and user.is_authenticated and user.is_active):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct().order_by("name")


@transaction.atomic
def organisation_update(*, organisation: Organisation, user, **data) -> Organisation:
    """Change the profile fields in ``data`` (``EDITABLE_FIELDS``). NotAllowed unless the user
    may edit the organisation; a bad value is a WorkflowError on its field, nothing saved.
    Recorded in Wagtail's audit log."""
    if not can_edit_organisation(user, organisation):
        raise NotAllowed(gettext("Only members of this organisation may edit its profile."))
    unknown = sorted(set(data) - set(EDITABLE_FIELDS))
    if unknown:
        raise WorkflowError(f"not editable: {', '.join(unknown)}", field=unknown[0])
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    for name, value in data.items():
        setattr(organisation, name, (value or "").strip())
    if len(organisation.description) > MAX_DESCRIPTION:
        raise WorkflowError(gettext("At most %(count)s characters.") % {"count": MAX_DESCRIPTION}, field="description")
    try:
        organisation.full_clean()
    except ValidationError as error:
        errors = error.message_dict
        field = next((name for name in data if name in errors), None) or next(iter(errors))
        raise WorkflowError(" ".join(errors[field]), field=field if field in EDITABLE_FIELDS else None) from None
    organisation.save()
    log(instance=organisation, action="wagtail.edit", user=user, data={"fields": sorted(data)})
    return organisation
