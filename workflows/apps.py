from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = "Enlace workflows"

    def ready(self):
        from . import receivers

        receivers.connect()
