from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "enlace_search"
    verbose_name = "Enlace search"
