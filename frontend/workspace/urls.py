"""``/espacio/`` (and ``/en/espacio/``...): the workspace, under the site's language prefixes."""

from django.urls import path

from . import views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
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
    path("recomendaciones/<int:pk>/<slug:action>/", views.recommendation_act, name="recommendation_act"),
    path("enmiendas/<int:pk>/<slug:action>/", views.amendment_decide, name="amendment_decide"),
    path("invitaciones/<int:pk>/<slug:action>/", views.invitation_answer, name="invitation_answer"),
    path("comentarios/<int:pk>/ocultar/", views.comment_hide, name="comment_hide"),
]
