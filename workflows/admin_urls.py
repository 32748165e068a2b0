"""Admin views that Wagtail offers no hook to restrict, routed in front of Wagtail's own at
the same addresses (``enlace/urls.py`` includes this before ``wagtail.admin.urls``), each asking
the same rules as the rest of the admin (``workflows.admin_views``)."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", admin_views.bulk_action),
    path("pages/<int:parent_page_id>/", admin_views.page_explorer),
    path("pages/<int:parent_page_id>/results/", admin_views.page_explorer_results),
    path("choose-page/<int:parent_page_id>/", admin_views.page_chooser_browse),
    path("choose-page/chosen-multiple/", admin_views.page_chooser_chosen_multiple),
    path("reports/page-types-usage/", admin_views.page_types_usage),
    path("reports/page-types-usage/results/", admin_views.page_types_usage_results),
]
