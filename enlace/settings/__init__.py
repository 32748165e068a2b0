"""Settings for every mode, read from environment variables only.

With no variable set this is the *embedded* mode: a SQLite file under ``var/``, the database
search backend, Celery tasks run eagerly in-process and e-mail printed to the console. Setting
``DATABASE_URL``, ``ELASTICSEARCH_URL`` and ``CELERY_BROKER_URL`` switches the same code to
PostgreSQL, Elasticsearch and Redis. ``docs/configuration.md`` lists every variable.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("ENLACE_VAR_DIR", str(BASE_DIR / "var")))

# --- Mode -------------------------------------------------------------------------------
# The embedded mode (no DATABASE_URL) is a developer's machine: debug on unless switched off.
# Any server database means a deployment, where debug is off unless switched on.
DATABASE_URL = env_str("DATABASE_URL")
EMBEDDED = not DATABASE_URL
DEBUG = env_bool("DJANGO_DEBUG", EMBEDDED)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:  # a deployment must never run on a key that is in the source
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "embedded-mode-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# --- Applications -----------------------------------------------------------------------
INSTALLED_APPS = [
    "enlace",
    "cms",
    "workflows",
    "search",
    "frontend",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "enlace.logging.RequestIdMiddleware",  # first: every later log line carries the request id
    # Database unreachable: 503 + Retry-After instead of a 500 (enlace/middleware.py).
    "enlace.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (CONTENT_SECURITY_POLICY below).
    "csp.middleware.CSPMiddleware",
    # The admin's own inline scripts (date pickers, inline panels) get the nonce; nothing else does.
    "enlace.accounts.csp.AdminScriptNonceMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The site's language is in its URL (/en/, /pt/, /fr/; Spanish unprefixed); the API and
    # the admin negotiate theirs (enlace/middleware.py).
    "enlace.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with a second factor (enlace/accounts/).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The admin refuses privileged roles without their second factor (ENLACE_REQUIRE_2FA).
    "enlace.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out login on any door into the lock-out answer (enlace/accounts/).
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:  # a deployment serves its collected static files itself (runserver does in debug)
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
    )

ROOT_URLCONF = "enlace.urls"
WSGI_APPLICATION = "enlace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# No request from any page to another host: the Wagtail admin shows initials, not Gravatar images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Database ---------------------------------------------------------------------------
if DATABASE_URL:
    # conn_health_checks: a kept connection is tested before a request reuses it, so a
    # database restart costs no failed request once the server is back (docs/operations.md).
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True)
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded database's git-ignored home
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "enlace.sqlite3",
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------
# Throttle and rate-limit counters live here: with several web processes they must share one
# cache (CACHE_URL=redis://...), or each process counts on its own.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# --- Authentication and object permissions ----------------------------------------------
AUTHENTICATION_BACKENDS = [
    # First: refuses any login of a locked-out account or address (django-axes).
    "enlace.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
# Failed logins, counted in the database by django-axes on the three doors (/login/,
# /admin/login/, /api/v1/auth/token/), so every web process sees the same counts: after
# LOGIN_FAILURE_LIMIT failures for one username, or from one address, within
# LOGIN_LOCKOUT_MINUTES of each other, logins of that account or from that address are refused
# (429) until LOGIN_LOCKOUT_MINUTES have passed or an administrator runs `axes_reset_username`
# / `axes_reset_ip` (docs/accounts.md).
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
if LOGIN_FAILURE_LIMIT < 1 or LOGIN_LOCKOUT_MINUTES < 1:
    raise ImproperlyConfigured("LOGIN_FAILURE_LIMIT and LOGIN_LOCKOUT_MINUTES must be at least 1.")
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]  # per account and per address
AXES_LOCKOUT_CALLABLE = "enlace.accounts.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Attempts while locked out are refused without prolonging the lock-out.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The client's address: the connection's, or the X-Forwarded-For entry TRUSTED_PROXY_COUNT hops
# back behind that many proxies (never a header a client could set itself).
AXES_IPWARE_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)

# Second factor (django-otp): TOTP apps and single-use recovery codes, set up by anyone in the
# workspace (/espacio/seguridad/). ENLACE_REQUIRE_2FA makes it compulsory for administrators,
# the network and curators before they reach the admin; off by default where debug is on (the
# embedded demo's accounts log in with their password only).
ENLACE_REQUIRE_2FA = env_bool("ENLACE_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = "Enlace"
# Minutes a password accepted on a login page waits for its second factor.
LOGIN_CODE_MINUTES = 5

# Guardian's anonymous user is not used: anonymous visitors see published content only.
ANONYMOUS_USER_NAME = None

# --- Languages --------------------------------------------------------------------------
LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English")), ("pt", _("Portuguese")), ("fr", _("French"))]
LANGUAGE_CODES = [code for code, _label in LANGUAGES]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Content localisation (cms/i18n.py): Spanish pages are the originals, mirrored into the other
# locales as aliases until they are translated.
WAGTAIL_I18N_ENABLED = True
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "America/Panama")
USE_I18N = True
USE_TZ = True

# --- Static and media files -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# The open-data bulk download (cms/opendata.py): where the nightly zip is written, and its licence.
OPENDATA_DIR = Path(env_str("OPENDATA_DIR", str(VAR_DIR / "opendata")))
OPENDATA_LICENCE = env_str("OPENDATA_LICENCE", "CC-BY-4.0")
OPENDATA_LICENCE_URL = env_str("OPENDATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Wagtail ----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Enlace"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's own search (admin listings) stays on the database: the public faceted search is
# ours, in search/, and Wagtail's Elasticsearch backend cannot create its index on every node.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Documents are always served by Django (/documents/<id>/<name>), never by a redirect to the
# storage: a table's attachments are checked against the reader (workflows/wagtail_hooks.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Largest attachment of a contribution (workspace and API uploads), in megabytes; its types are
# WAGTAILDOCS_EXTENSIONS. Keep the proxy's client_max_body_size (deploy/nginx.conf) above it.
CONTRIBUTION_ATTACHMENT_MAX_MB = env_int("CONTRIBUTION_ATTACHMENT_MAX_MB", 10)
if CONTRIBUTION_ATTACHMENT_MAX_MB < 1:
    raise ImproperlyConfigured("CONTRIBUTION_ATTACHMENT_MAX_MB must be at least 1.")

# --- Search (ours) ----------------------------------------------------------------------
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "elasticsearch" if ELASTICSEARCH_URL else "database")
if SEARCH_BACKEND not in {"database", "elasticsearch"}:
    raise ImproperlyConfigured("SEARCH_BACKEND must be 'database' or 'elasticsearch'.")
if SEARCH_BACKEND == "elasticsearch" and not ELASTICSEARCH_URL:
    raise ImproperlyConfigured("SEARCH_BACKEND=elasticsearch needs ELASTICSEARCH_URL.")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "enlace")
SEARCH_ES_TIMEOUT = float(env_str("SEARCH_ES_TIMEOUT", "5"))  # seconds a search waits before degrading
SEARCH_ES_RETRY_AFTER = float(env_str("SEARCH_ES_RETRY_AFTER", "5"))  # seconds on the database after a failure
SEARCH_ES_REPLICAS = env_int("SEARCH_ES_REPLICAS", 0)  # replicas of new indices (1+ on a cluster)
SEARCH_TASK_BACKOFF_MAX = env_int("SEARCH_TASK_BACKOFF_MAX", 300)  # longest wait between index task retries
SEARCH_TASK_MAX_RETRIES = env_int("SEARCH_TASK_MAX_RETRIES", 20)  # then search_check --repair catches up
# Anonymous search answers cached this many seconds, keyed by the index generation (search/cache.py);
# off without a shared CACHE_URL (a per-process cache would miss the other processes' index writes).
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 300 if CACHE_URL else 0)
# A CSV answer is kept only when its whole text is at most this many characters.
SEARCH_CACHE_MAX_BYTES = env_int("SEARCH_CACHE_MAX_BYTES", 5_000_000)
# Every this many lookups a process logs its cache hit ratio (logger search.cache, INFO; 0 = never).
SEARCH_CACHE_LOG_EVERY = env_int("SEARCH_CACHE_LOG_EVERY", 1000)
# Beat runs `search_check --repair` this often (seconds; 0 = never): drift repair.
SEARCH_REPAIR_SECONDS = env_int("SEARCH_REPAIR_SECONDS", 24 * 60 * 60)

# --- Celery -----------------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
# Without a broker, tasks run eagerly in the calling process (the embedded mode).
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# At-least-once delivery (tests/platform/test_faults_worker.py): a task is acknowledged when it
# has finished, not when it is received; a pool process killed mid-task gives its task back at
# once; a whole worker killed mid-task leaves it unacknowledged in Redis, which hands it to
# another worker after the visibility timeout. Every task is idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Longer than the longest task (or Redis hands a running task to a second worker). Each worker
# looks for such tasks every 10 s (kombu's restore sweep; its default throttle would make it
# every 100 s after the first sweep).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 600),
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]}
CELERY_TIMEZONE = TIME_ZONE

# --- E-mail -----------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))  # for the file-based backend
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Enlace <no-reply@enlace.invalid>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- REST API ---------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "enlace.api.StrictPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "NUM_PROXIES": env_int("TRUSTED_PROXY_COUNT", 0),  # client = X-Forwarded-For entry this many hops back
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "600/minute"),
        "submissions": env_str("API_SUBMISSION_RATE", "10/hour"),
    },
    "EXCEPTION_HANDLER": "enlace.api.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Enlace API",
    "DESCRIPTION": "Practices, recommendations and their approval workflow, organisations, tables and events "
    "of the Mecanismo de Diálogo Permanente de Sociedad Civil de América Latina y el Caribe.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["enlace.api.only_api_v1"],
    "ENUM_NAME_OVERRIDES": {
        "TableEnum": "cms.taxonomies.TABLE_CODES",
        "ReviewStageEnum": "cms.taxonomies.REVIEW_STAGE_CODES",
        "FrequencyEnum": "workflows.api.serializers.FREQUENCY_CODES",
        "CountriesEnum": "cms.taxonomies.COUNTRY_CODES",
        "FollowUpStatusEnum": "cms.taxonomies.FOLLOW_UP_STATUS_CODES",
        "FollowUpScopeEnum": "cms.taxonomies.FOLLOW_UP_SCOPE_CODES",
    },
}
# CORS is off unless origins are listed (the API is same-origin by default).
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
if CORS_ALLOWED_ORIGINS:
    INSTALLED_APPS.append("corsheaders")
    MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.common.CommonMiddleware"), "corsheaders.middleware.CorsMiddleware")

# --- Content-Security-Policy (django-csp) ----------------------------------------------------
# Scripts only from the site itself (or carrying the response's nonce): never inline. Styles allow
# 'unsafe-inline' for style attributes (the site's bar charts and map legend, Wagtail's admin).
# Images may be data: URIs (the admin's and the API docs' icons). CSP_REPORT_URI, when set,
# receives the browsers' violation reports.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
if env_str("CSP_REPORT_URI"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] = [env_str("CSP_REPORT_URI")]
# Wagtail's admin would load avatars from an outside service: the policy keeps it on the site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor would it ask an outside host for Wagtail's latest version on the dashboard.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Production safety ------------------------------------------------------------------
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", False)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes speak plain http to the process
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SESSION_COOKIE_HTTPONLY = True
    # `check --deploy` warnings silenced on purpose (docs/operations.md, "Security checks"):
    # W008: https redirection is the reverse proxy's job (deploy/nginx.conf); DJANGO_SSL_REDIRECT=1
    #       turns it on in Django when there is no such proxy.
    # W021: HSTS preload is a commitment of the domain owner (DJANGO_HSTS_PRELOAD=1), not a default.
    SILENCED_SYSTEM_CHECKS = ["security.W008", "security.W021"]

# One JSON object per line when debug is off (LOG_FORMAT=json|text), every record with the
# id of its request (enlace/logging.py).
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'json' or 'text', not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "enlace.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "enlace.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}
# Celery workers and beat keep this configuration (JSON lines) instead of replacing the root
# logger's handlers with their own text format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Demo accounts' password for seed_demo when --password is not given.
DEMO_PASSWORD = env_str("DEMO_PASSWORD")

# --- Workflows ----------------------------------------------------------------------------
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflows.finish.publish_approved"
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Items waiting at a stage longer than this get a daily reminder to their approvers.
REVIEW_REMINDER_DAYS = env_int("REVIEW_REMINDER_DAYS", 7)
# The transactional outbox (enlace/outbox.py): pending messages are relayed by beat.
OUTBOX_RELAY_SECONDS = env_int("OUTBOX_RELAY_SECONDS", 10)
OUTBOX_RELAY_GRACE_SECONDS = env_int("OUTBOX_RELAY_GRACE_SECONDS", 5)
OUTBOX_CONNECT_TIMEOUT = env_int("OUTBOX_CONNECT_TIMEOUT", 2)
CELERY_BEAT_SCHEDULE = {
    "review-reminders": {"task": "workflows.send_reminders", "schedule": 24 * 60 * 60},
    # Each person's daily or weekly digest goes out when their period has passed (workflows/digests.py).
    "notification-digests": {"task": "workflows.send_digests", "schedule": env_int("DIGEST_CHECK_SECONDS", 3600)},
    "relay-outbox": {"task": "enlace.relay_outbox", "schedule": OUTBOX_RELAY_SECONDS},
    # The open-data bulk download, rebuilt daily (cms/opendata.py; served at /datos/).
    "open-data": {"task": "cms.build_open_data", "schedule": env_int("OPENDATA_BUILD_SECONDS", 24 * 60 * 60)},
}
if SEARCH_REPAIR_SECONDS > 0:  # search_check --repair: whatever index task was lost, caught up
    CELERY_BEAT_SCHEDULE["search-repair"] = {"task": "search.repair_drift", "schedule": SEARCH_REPAIR_SECONDS}
