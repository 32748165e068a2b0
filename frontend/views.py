from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """The process is up (readiness of the database, search and broker is /readyz's job)."""
    return JsonResponse({"status": "ok"})
