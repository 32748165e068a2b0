from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Enlace content"

    def ready(self):
        from . import i18n

        i18n.connect()
