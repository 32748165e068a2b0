from django.apps import AppConfig


class EnlaceConfig(AppConfig):
    """Cross-cutting infrastructure of the project: the transactional outbox."""

    name = "enlace"
    verbose_name = "Enlace platform"
    default_auto_field = "django.db.models.BigAutoField"
