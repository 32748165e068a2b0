"""``/espacio/`` (and ``/en/espacio/``...): the workspace, under the site's language prefixes."""

from django.urls import path

from . import contributions, people, security, views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    path("seguridad/", security.security, name="security"),
    path("avisos/", views.notification_list, name="notifications"),
    path("avisos/preferencias/", views.notification_settings, name="notification_settings"),
    path("avisos/baja/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("recomendaciones/", views.recommendations, name="recommendations"),
    path("recomendaciones/nueva/", views.recommendation_new, name="recommendation_new"),
    path("recomendaciones/<int:pk>/", views.recommendation, name="recommendation"),
    path("recomendaciones/<int:pk>/editar/", views.recommendation_edit, name="recommendation_edit"),
    path("recomendaciones/<int:pk>/vista-previa/", views.recommendation_preview, name="recommendation_preview"),
    path("recomendaciones/<int:pk>/cambios/", views.recommendation_changes, name="recommendation_changes"),
    path("recomendaciones/<int:pk>/retirar/", views.recommendation_withdraw, name="recommendation_withdraw"),
    path("recomendaciones/<int:pk>/enmiendas/nueva/", views.amendment_new, name="amendment_new"),
    path("recomendaciones/<int:pk>/coautoria/", views.co_authors, name="co_authors"),
    path("recomendaciones/<int:pk>/comentarios/", views.comment_post, name="comment_post"),
    # Contributions, organisation, table (before the catch-all of a recommendation's actions below).
    path("aportes/", contributions.contributions, name="contributions"),
    path("aportes/nuevo/", contributions.contribution_new, name="contribution_new"),
    path("aportes/<int:pk>/", contributions.contribution, name="contribution"),
    path("aportes/<int:pk>/editar/", contributions.contribution_edit, name="contribution_edit"),
    path("aportes/<int:pk>/comentar/", contributions.contribution_comment, name="contribution_comment"),
    path("recomendaciones/<int:pk>/aportes/", contributions.recommendation_contributions, name="recommendation_contributions"),
    path("organizacion/", people.my_organisation, name="my_organisation"),
    path("organizacion/<int:pk>/", people.organisation, name="organisation"),
    path("mesa/", people.my_table, name="my_table"),
    path("mesa/<str:table>/", people.table_page, name="table"),
    path("mesa/<str:table>/organizaciones/agregar/", people.table_organisation_add, name="table_organisation_add"),
    path("mesa/<str:table>/organizaciones/<int:pk>/quitar/", people.table_organisation_remove, name="table_organisation_remove"),
    path("mesa/<str:table>/delegados/agregar/", people.table_delegate_add, name="table_delegate_add"),
    path("mesa/<str:table>/delegados/<int:pk>/quitar/", people.table_delegate_remove, name="table_delegate_remove"),
    path("recomendaciones/<int:pk>/<slug:action>/", views.recommendation_act, name="recommendation_act"),
    path("enmiendas/<int:pk>/<slug:action>/", views.amendment_decide, name="amendment_decide"),
    path("invitaciones/<int:pk>/<slug:action>/", views.invitation_answer, name="invitation_answer"),
    path("comentarios/<int:pk>/ocultar/", views.comment_hide, name="comment_hide"),
]
