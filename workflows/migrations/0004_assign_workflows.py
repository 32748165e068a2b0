"""Workflow assignment becomes data (issue #20): an install set up before it gets the
``WorkflowPage`` rows that ``workflows.setup.assign_workflows`` writes (the recommendation
workflow on every table space, the practice moderation on every repository of practices), so its
items keep their workflows. Nothing happens where the workflows are not set up yet."""

from django.db import migrations


def assign(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for section, task in (("TableSpacePage", "tablereviewtask"), ("PracticeIndexPage", "curatorreviewtask")):
        content_type = ContentType.objects.filter(app_label="workflows", model=task).first()
        workflow = (
            Workflow.objects.filter(active=True, workflow_tasks__task__content_type=content_type, workflow_tasks__sort_order=0)
            .order_by("pk")
            .first()
            if content_type
            else None
        )
        if workflow is None:
            continue
        assigned = set(WorkflowPage.objects.values_list("page_id", flat=True))
        pages = apps.get_model("cms", section).objects.values_list("pk", flat=True)
        WorkflowPage.objects.bulk_create(WorkflowPage(page_id=pk, workflow=workflow) for pk in pages if pk not in assigned)


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0003_notifications"),
        ("cms", "0009_contribution_attachment_label"),
        ("wagtailcore", "0047_add_workflow_models"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(assign, migrations.RunPython.noop)]
