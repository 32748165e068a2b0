from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = "Enlace workflows"

    def ready(self):
        from . import policies, receivers

        policies.register()  # before Wagtail's admin asks for a policy (and makes a fallback)
        receivers.connect()
