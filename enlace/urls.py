from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from enlace import health
from frontend import errors as frontend_errors
from frontend import feeds as frontend_feeds
from frontend import login as frontend_login
from frontend import opendata as frontend_opendata
from frontend import progress as frontend_progress
from frontend import views as frontend_views
from frontend.sitemaps import SITEMAPS

urlpatterns = [
    # The admin's login in two steps when the account has a second factor (frontend/login.py).
    path("admin/login/", frontend_login.AdminLoginView.as_view(), name="wagtailadmin_login"),
    # A few admin views guarded in front of Wagtail's (what a user may not see stays hidden).
    path("admin/", include("workflows.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", include("enlace.api_urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", frontend_errors.favicon, name="favicon"),
    path("readyz", health.readyz, name="readyz"),
    # Every public page and its language versions (hreflang alternates): frontend/sitemaps.py.
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.DEBUG:  # media from disk, but documents only through /documents/ (its privacy checks)
    urlpatterns += [
        re_path(r"^media/(?!documents/)(?P<path>.*)$", static_serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# The public site, once per language: Spanish unprefixed, then /en/, /pt/, /fr/ (cms/i18n.py).
urlpatterns += i18n_patterns(
    path("login/", frontend_login.SiteLoginView.as_view(), name="login"),
    path("login/codigo/", frontend_login.login_code, name="login_code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("practicas/proponer/", frontend_views.practice_submission, name="practice_submission"),
    path("practicas/proponer/gracias/", frontend_views.practice_submission_done, name="practice_submission_done"),
    path("sugerencias/", frontend_views.suggest, name="suggest"),
    path("buscar/", frontend_views.search_everything, name="site_search"),
    path("buscar/recomendaciones/", frontend_views.search_recommendations, name="recommendation_search"),
    path("seguimiento/informar/<int:pk>/", frontend_progress.report, name="followup_report"),
    path("seguimiento/informar/<int:pk>/gracias/", frontend_progress.report_done, name="followup_report_done"),
    path("seguimiento/seguir/<int:pk>/", frontend_progress.follow, name="recommendation_follow"),
    path("datos/", frontend_opendata.open_data, name="open_data"),
    path("datos/descarga/", frontend_opendata.open_data_download, name="open_data_download"),
    path("novedades/practicas/", frontend_feeds.PracticesFeed(), name="feed_practices"),
    path("novedades/recomendaciones/", frontend_feeds.RecommendationsFeed(), name="feed_recommendations"),
    path("novedades/seguimiento/", frontend_feeds.FollowUpsFeed(), name="feed_follow_ups"),
    path("espacio/", include("frontend.workspace.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Error pages in the site's frame and the request's language (frontend/errors.py).
handler403 = "frontend.errors.permission_denied"
handler404 = "frontend.errors.page_not_found"
handler500 = "frontend.errors.server_error"
