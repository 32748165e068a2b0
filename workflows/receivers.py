"""Keep a recommendation's status in step with Wagtail's workflow events, whichever door they
came through (our services, or the admin's own submit/cancel/publish buttons): the receivers
only find the item a signal is about and call the service (``recommendations.after_*``)."""

from wagtail.signals import page_published, page_unpublished, workflow_cancelled, workflow_submitted

from cms.i18n import is_original
from cms.models import RecommendationPage

from . import recommendations


def _recommendation(instance):
    """The Spanish original a signal is about (its versions in other locales follow it)."""
    obj = getattr(instance, "content_object", instance)
    obj = getattr(obj, "specific", obj)
    return obj if isinstance(obj, RecommendationPage) and is_original(obj) else None


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    item = _recommendation(instance)
    if item is not None and instance.current_task_state is not None:
        recommendations.after_submission(item, user, instance.current_task_state.task.specific.stage)


def on_workflow_cancelled(sender, instance, user=None, **kwargs):
    item = _recommendation(instance)
    if item is not None:
        recommendations.after_cancellation(item)


def on_page_published(sender, instance, **kwargs):
    item = _recommendation(instance)
    if item is not None:
        recommendations.after_publication(item)


def on_page_unpublished(sender, instance, **kwargs):
    item = _recommendation(instance)
    if item is not None:
        recommendations.after_unpublication(item)


def wagtail_mail_replaced(sender, **kwargs) -> None:
    """Holds the place of Wagtail's own workflow e-mails (see ``connect``): ours are sent instead."""


# Wagtail's workflow e-mails, by the dispatch uid it connects them with (wagtail.admin.signal_handlers).
WAGTAIL_WORKFLOW_MAILS = {
    "group_approval_task_submitted_email_notification": ("task_submitted", "TaskState"),
    "workflow_state_submitted_email_notification": ("workflow_submitted", "WorkflowState"),
    "workflow_state_rejected_email_notification": ("workflow_rejected", "WorkflowState"),
    "workflow_state_approved_email_notification": ("workflow_approved", "WorkflowState"),
}


def connect() -> None:
    from wagtail import signals
    from wagtail.models import TaskState, WorkflowState

    workflow_submitted.connect(on_workflow_submitted, sender=WorkflowState, dispatch_uid="enlace_submitted")
    workflow_cancelled.connect(on_workflow_cancelled, sender=WorkflowState, dispatch_uid="enlace_cancelled")
    page_published.connect(on_page_published, dispatch_uid="enlace_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="enlace_unpublished")
    # One decision, one e-mail: Wagtail's workflow e-mails go out synchronously inside the
    # transaction, in the site's language, linking to the admin; ours are Celery tasks sent
    # after commit, in the recipient's language, linking to the workspace (workflows.tasks).
    # This runs before wagtail.admin's ready() connects them (INSTALLED_APPS order), so a
    # receiver already holding each of their dispatch uids makes Django skip theirs.
    senders = {"TaskState": TaskState, "WorkflowState": WorkflowState}
    for uid, (signal, sender) in WAGTAIL_WORKFLOW_MAILS.items():
        getattr(signals, signal).connect(wagtail_mail_replaced, sender=senders[sender], dispatch_uid=uid)
