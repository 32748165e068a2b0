"""The two workflows of Enlace, created once and found by their task types (not by name, so
administrators may rename them in Wagtail's settings), and assigned as data: a ``WorkflowPage``
row on each table space (the recommendation workflow) and on each repository of practices (the
practice moderation), in every language's tree. Wagtail finds an item's workflow on its nearest
ancestor with a row; the sections themselves keep their ancestors' (``cms.models.pages``)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from cms.models import PracticeIndexPage, TableSpacePage

from .models import CuratorReviewTask, LiaisonReviewTask, NetworkReviewTask, TableReviewTask

RECOMMENDATION_WORKFLOW_NAME = "Recomendaciones: mesa → Mesa de Vinculación → Red Regional"
PRACTICE_WORKFLOW_NAME = "Moderación de prácticas"


def _workflow_starting_with(task_class) -> Workflow | None:
    content_type = ContentType.objects.get_for_model(task_class)
    return (
        Workflow.objects.filter(active=True, workflow_tasks__task__content_type=content_type, workflow_tasks__sort_order=0)
        .order_by("pk")
        .first()
    )


def recommendation_workflow() -> Workflow | None:
    return _workflow_starting_with(TableReviewTask)


def practice_moderation_workflow() -> Workflow | None:
    return _workflow_starting_with(CuratorReviewTask)


def _create(name: str, tasks) -> Workflow:
    workflow = Workflow.objects.create(name=name)
    for order, task in enumerate(tasks):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


@transaction.atomic
def ensure_workflows() -> None:
    """Create the recommendation and practice-moderation workflows if missing (idempotent)."""
    if recommendation_workflow() is None:
        _create(
            RECOMMENDATION_WORKFLOW_NAME,
            [
                TableReviewTask.objects.create(name="Revisión de la mesa"),
                LiaisonReviewTask.objects.create(name="Revisión de la Mesa de Vinculación", quorum=2),
                NetworkReviewTask.objects.create(name="Validación de la Red Regional"),
            ],
        )
    if practice_moderation_workflow() is None:
        _create(PRACTICE_WORKFLOW_NAME, [CuratorReviewTask.objects.create(name="Revisión de curaduría")])
    assign_workflows()


def assign_workflows() -> None:
    """Assign the workflows to the sections whose items they review, in every language's tree
    (idempotent: an assignment changed in Wagtail's settings is left as it is)."""
    for sections, workflow in ((TableSpacePage, recommendation_workflow()), (PracticeIndexPage, practice_moderation_workflow())):
        assigned = set(WorkflowPage.objects.filter(page__in=sections.objects.all()).values_list("page_id", flat=True))
        WorkflowPage.objects.bulk_create(
            WorkflowPage(page_id=pk, workflow=workflow)
            for pk in sections.objects.values_list("pk", flat=True)
            if pk not in assigned
        )
