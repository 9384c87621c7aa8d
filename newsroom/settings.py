"""Settings for Newsroom, read from the environment (see .env.example)."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags, process_link
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

INSECURE_DEVELOPMENT_KEY = "insecure-local-development-key-do-not-use-in-production"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("DJANGO_ALLOW_INSECURE_KEY"):
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 on a laptop). "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Public, so `check --deploy` refuses it (newsroom.E001 in newsroom/checks.py).
    SECRET_KEY = INSECURE_DEVELOPMENT_KEY

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin (see DESIGN.md).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "taggit",
    "django_prose_editor",
    # Background jobs on Redis: the rqworker command and the queue dashboard (newsroom.jobs).
    "django_rq",
    "articles",
    "media",
    "audit",
    # The project package itself: system checks (checks.py) and template tags.
    "newsroom.apps.NewsroomConfig",
    # The demo content and seed_demo; nothing else imports it.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous readers' stored pages, answered before the rest of the stack runs: a page is
    # stored with the headers of the middleware below (its policies, language, Vary). It
    # answers only while no scheduled change is due (read in the same round trip to the
    # cache); when one is, the request goes on to the next middleware.
    "newsroom.pagecache.PageCacheMiddleware",
    # Scheduled changes go live before a page is read or rendered.
    "articles.middleware.ScheduledChangesMiddleware",
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "newsroom.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "newsroom.security.FormTooLargeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Anonymous readers' page views may read from a replica (newsroom.db_routers).
    "newsroom.db_routers.ReplicaReadsMiddleware",
    # Who acts in this request, for the audit entries of Django's own writes (accounts).
    "audit.context.ActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Databases (issue 11.5; production) -------------------------------------------------
# Persistent connections in production: opening a PostgreSQL connection costs more than a
# cached page. DEBUG (a laptop, runserver) closes them after each request. The health check
# makes a connection that died while idle reconnect instead of failing the next request.
CONN_MAX_AGE = int(os.environ.get("DJANGO_CONN_MAX_AGE", "0" if DEBUG else "600"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default has writers in parallel (the web process, the in-process job
    # thread making renditions, the demo seeder): write-ahead logging lets readers go on
    # while one writes, and a writer waits for the other rather than failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# Optional read replicas (comma-separated URLs): anonymous readers' page views read from
# them; admin and write requests, and every write, use the primary (newsroom.db_routers).
DATABASE_REPLICAS = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    _alias = f"replica{_number}"
    DATABASES[_alias] = dj_database_url.parse(
        _url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
    # The test run has no replica of its own: it reads the primary's test database.
    DATABASES[_alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(_alias)
DATABASE_ROUTERS = ["newsroom.db_routers.ReplicaRouter"] if DATABASE_REPLICAS else []
# An index's INCLUDE columns are for PostgreSQL (article_status_published includes the id);
# SQLite builds the index without them, and its indexes carry the row id anyway.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
# --- end of databases ---------------------------------------------------------------------
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Page cache (newsroom/pagecache.py; README "Page cache and CDN") ------------------------
# Owned by the page cache: whole reader pages for anonymous readers, purged exactly by the
# write path's events. Redis in production (REDIS_URL), per-process memory on a laptop.
if REDIS_URL:
    # A Redis that is down or unreachable must cost a page little: fail fast, render uncached.
    CACHES["default"]["OPTIONS"] = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
else:
    # Pages are a few tens of kB; keep enough of them (and the purge stamps) in memory.
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": 5000}
NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", True)
# The same store as the scheduler's next due time (articles.services.NEXT_DUE_KEY, in
# "default"): a stored page is answered only when that time is read with it.
NEWSROOM_PAGE_CACHE_ALIAS = "default"
# Seconds a page stays in the application's cache at most (purges end it sooner).
NEWSROOM_PAGE_CACHE_TTL = int(os.environ.get("NEWSROOM_PAGE_CACHE_TTL", "3600"))
# Cache-Control for browsers (max-age) and for nginx or a CDN (s-maxage): short, because
# only the application's own cache is purged exactly (unless NEWSROOM_CDN_PURGE is set).
NEWSROOM_PAGE_MAX_AGE = int(os.environ.get("NEWSROOM_PAGE_MAX_AGE", "0"))
NEWSROOM_PAGE_S_MAXAGE = int(os.environ.get("NEWSROOM_PAGE_S_MAXAGE", "10"))
NEWSROOM_PAGE_STALE_WHILE_REVALIDATE = int(
    os.environ.get("NEWSROOM_PAGE_STALE_WHILE_REVALIDATE", "30")
)
# Told the addresses of purged pages: a dotted path to a callable taking a list of paths, or
# an http(s) URL that is POSTed {"paths": [...]}. Empty: no CDN to tell.
NEWSROOM_CDN_PURGE = os.environ.get("NEWSROOM_CDN_PURGE", "")
# Seconds by which app servers' clocks may disagree (NTP): a page whose tags were purged this
# close to the start of its render is answered but not stored.
NEWSROOM_PAGE_CACHE_CLOCK_MARGIN = float(os.environ.get("NEWSROOM_PAGE_CACHE_CLOCK_MARGIN", "0.1"))
# --- end of page cache settings -------------------------------------------------------------
# Sessions are read from the cache (Redis in production) and written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# django-axes first: it refuses a locked-out account before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the default; adding one is described in README.md.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("nl", _("Dutch")),
    ("de", _("German")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
]
LANGUAGE_COOKIE_NAME = "newsroom_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
LOCALE_PATHS = [BASE_DIR / "newsroom" / "locale"]
# Formats Django's locales leave out (a date with a time in Arabic), before Django's own.
FORMAT_MODULE_PATH = ["newsroom.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Amsterdam")

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# Reader pages never fill a field from another language behind the reader's back.
MODELTRANSLATION_ENABLE_FALLBACKS = False
MODELTRANSLATION_AUTO_POPULATE = False

TAGGIT_CASE_INSENSITIVE = True

# The body editor's Link never makes links from plain text (see the module; the options
# autolink and linkOnPaste are off in articles.models.BODY_EXTENSIONS).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/admin/editor-links.js")],
        "extensions": {"Link": process_link},
    },
    # The article body's own editor node: a reference to a placed picture or video
    # (articles/body.py). The sanitizer allows <figure data-placement> and nothing else new;
    # articles.body.keep_only_references then drops any figure that is not an empty reference.
    {
        "js": [static_lazy("articles/admin/placement-node.js")],
        "extensions": {"Placement": html_tags(["figure"], {"figure": ["data-placement"]})},
    },
]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
# newsroom/static is found as the newsroom app's static folder.

MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/uploads/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "uploads"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
if os.environ.get("DJANGO_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
        },
    }

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

# Site identity, used in bylines, feeds and the page header.
NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")
NEWSROOM_PAGE_SIZE = int(os.environ.get("NEWSROOM_PAGE_SIZE", "12"))
# Addresses per sitemap file (the protocol allows 50,000); past it /sitemap.xml is an index.
NEWSROOM_SITEMAP_LIMIT = int(os.environ.get("NEWSROOM_SITEMAP_LIMIT", "50000"))

# Security: strict by default in production; a laptop (DEBUG) stays on plain http.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY") else None
)
# A load balancer's plain-http health check must not be redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# A long live blog posts a few thousand fields (each placed item is about a dozen); Django's
# default of 1,000 refused articles with more than about 80 items. Over the limit the editor
# gets an explanation in their language (newsroom.security.FormTooLargeMiddleware).
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DJANGO_DATA_UPLOAD_MAX_NUMBER_FIELDS", "10000"))


def origin(url):
    """The scheme and host of an absolute URL ("" for a path on this site)."""
    parts = urlsplit(url if "//" in url else "")
    return f"{parts.scheme or 'https'}://{parts.netloc}" if parts.netloc else ""


# Where uploaded pictures and static files come from when they are not on this host.
ASSET_ORIGINS = sorted(
    {
        o
        for o in (
            origin(MEDIA_URL),
            origin(STATIC_URL),
            origin(os.environ.get("DJANGO_S3_ENDPOINT_URL", "")),
            origin("//" + os.environ["DJANGO_S3_CUSTOM_DOMAIN"])
            if os.environ.get("DJANGO_S3_CUSTOM_DOMAIN")
            else "",
        )
        if o
    }
)
# The only frames a reader page opens: the video players, after the reader clicks play.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

# Content-Security-Policy (django-csp) for reader pages: scripts and styles from files only,
# never inline, so an injected <script> or style attribute does nothing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *ASSET_ORIGINS],
        "style-src": [SELF, *ASSET_ORIGINS],
        "img-src": [SELF, *ASSET_ORIGINS],
        "font-src": [SELF, *ASSET_ORIGINS],
        "media-src": [SELF, *ASSET_ORIGINS],
        "connect-src": [SELF],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The admin's policy (newsroom.security.ContentSecurityPolicyMiddleware). Scripts stay strict:
# files from this site, plus the one inline script that carries this response's nonce (the
# prose editor's import map). Styles may be inline: the editor (Tiptap) injects its base CSS
# and the admin's widgets set style attributes; a style cannot run code.
NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, NONCE, *ASSET_ORIGINS],
        "style-src": [SELF, UNSAFE_INLINE, *ASSET_ORIGINS],
        "img-src": [SELF, "data:", "blob:", *ASSET_ORIGINS],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
        "frame-ancestors": [SELF],
    },
}

# Permissions-Policy: every powerful feature off for every origin, ours included; only the
# video players may go full screen, play on their own once clicked, and decode protected media.
NEWSROOM_PERMISSIONS_POLICY = {
    **dict.fromkeys(
        [
            "accelerometer",
            "ambient-light-sensor",
            "bluetooth",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "identity-credentials-get",
            "idle-detection",
            "local-fonts",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "publickey-credentials-create",
            "publickey-credentials-get",
            "screen-wake-lock",
            "serial",
            "usb",
            "xr-spatial-tracking",
        ],
        [],
    ),
    **dict.fromkeys(
        ["autoplay", "encrypted-media", "fullscreen", "picture-in-picture"],
        ["self", *(f'"{o}"' for o in VIDEO_PLAYER_ORIGINS)],
    ),
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account from
# one address, that pair is locked out for DJANGO_LOGIN_COOLOFF_MINUTES, the right password
# included; other accounts and addresses are not affected.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_ip"
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Picture desk (media app)
# Uploads larger than this many bytes, or pictures with more pixels than this, are refused
# (the pixel limit stops decompression bombs before anything is decoded).
NEWSROOM_IMAGE_MAX_BYTES = int(os.environ.get("NEWSROOM_IMAGE_MAX_BYTES", str(25 * 1024 * 1024)))
NEWSROOM_IMAGE_MAX_PIXELS = int(os.environ.get("NEWSROOM_IMAGE_MAX_PIXELS", "60000000"))
# GPS position, camera serials and other metadata are removed unless this is on.
NEWSROOM_IMAGE_KEEP_METADATA = env_bool("NEWSROOM_IMAGE_KEEP_METADATA")
# Rendition widths in pixels, and whether to write AVIF when this Pillow can.
NEWSROOM_IMAGE_WIDTHS = [int(w) for w in env_list("NEWSROOM_IMAGE_WIDTHS", "320,640,960,1280,1920")]
NEWSROOM_IMAGE_AVIF = env_bool("NEWSROOM_IMAGE_AVIF", True)

# --- Background jobs (issue 11.4; production) --------------------------------------------
# Where newsroom.jobs runs renditions (and later imports and exports): "rq" on the Redis
# queue, worked by `make worker`; "thread" in the web process after the response (the
# embedded default: no Redis, nothing else to start); "sync" at once (the tests).
NEWSROOM_JOBS = os.environ.get("NEWSROOM_JOBS", "rq" if REDIS_URL else "thread")
if NEWSROOM_JOBS not in ("rq", "thread", "sync"):
    raise ImproperlyConfigured("NEWSROOM_JOBS must be rq, thread or sync.")
if NEWSROOM_JOBS == "rq" and not REDIS_URL:
    raise ImproperlyConfigured("NEWSROOM_JOBS=rq needs REDIS_URL (the queue lives in Redis).")
RQ_QUEUES = {
    # Ten minutes for one job: a very large picture's whole ladder in every format.
    "default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600},
}
# The queue dashboard in the admin, only where there is a queue to show.
RQ_SHOW_ADMIN_LINK = NEWSROOM_JOBS == "rq"
# --- end of background jobs ---------------------------------------------------------------
