"""``WAGTAIL_FINISH_WORKFLOW_ACTION``: what happens when the last stage approves.

Wagtail's default publishes with the *approver's* page permissions, but in Enlace the
approval of the last stage is itself the right to publish (the Red Regional has no publish
permission on the table spaces), so the permission check is the workflow's, not the page
tree's. Edits after an approval restart the workflow (``services``), so the latest revision
is the one every stage approved. Kept free of module-level model imports: Wagtail imports
this while its models load.
"""


def publish_approved(workflow_state, user=None):
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
