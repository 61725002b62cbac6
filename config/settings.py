"""Versus settings: one module, driven by environment variables.

Every variable is read here once, with its type and default, and documented in the
README. With no variable at all the project runs in development mode on embedded
defaults (SQLite, local-memory cache, console email, demo payments). With
``DJANGO_ENV=production`` the secrets must be given: nothing is invented.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str, require
from config.media import object_storage

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VERSUS_VAR_DIR", str(BASE_DIR / "var")))

DJANGO_ENV = env_str("DJANGO_ENV", "development")
if DJANGO_ENV not in {"development", "production"}:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"DJANGO_ENV must be 'development' or 'production', got {DJANGO_ENV!r}."
    )
PRODUCTION = DJANGO_ENV == "production"

if PRODUCTION:
    require(
        [
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "EMAIL_ESP",
            "STRIPE_SECRET_KEY",
            "STRIPE_WEBHOOK_SECRET",
        ]
    )

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)

# A fixed, public key that only ever signs development data. Production refuses to
# start without SECRET_KEY (above).
SECRET_KEY = (
    env_str("SECRET_KEY") or "django-insecure-versus-development-key-not-secret"
)

# Keys the hashes standing for readers in verdict rows. Changing it unties every
# past verdict from its reader (they could then vote again), so set it once.
VERDICT_PSEUDONYM_KEY = env_str("VERDICT_PSEUDONYM_KEY") or SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Applications -----------------------------------------------------------------

INSTALLED_APPS = [
    # Versus rooms, from the bottom layer up (docs/architecture.md)
    "core",
    "accounts",
    "payments",
    "subscriptions",
    "newsroom",
    "debates",
    "events",
    "newsletter",
    "home",
    "demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
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
    # Accounts
    "allauth",
    "allauth.account",
    # Email
    "anymail",
    # Background tasks and their schedule
    "django_tasks_db",
    "crontask",
    # Django
    "whitenoise.runserver_nostatic",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.OddInputMiddleware",
    # Before anything that reads the database: a cached page costs no query.
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A logged-in reader's page from the shell all such readers share, filled
    # for them, before Wagtail routes it (core.shells).
    "core.shells.ShellMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's page routing, kept between requests (a logged-in reader's page).
    "core.routing.RouteMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {
                # WAL lets readers go on while one writer commits; IMMEDIATE takes the
                # write lock at BEGIN so concurrent writers wait instead of failing
                # with "database is locked" half-way through a transaction.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Tests use a file too, not SQLite's in-memory default: Django hands an
            # in-memory database's single connection to the live server's threads,
            # so two requests of one browser page (the Wagtail editor's ping and a
            # save) would share it and break each other's savepoints.
            "TEST": {"NAME": VAR_DIR / "test.sqlite3"},
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's full-text fields there.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "versus",
        },
        # Whole pages for visitors without a session (core.pagecache): shared by
        # every server, so that a purge reaches them all.
        "pages": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "versus-pages",
        },
    }
    # Sessions are read from Redis and written through to the database, so a Redis
    # restart or eviction never logs readers out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }
# How long a page for visitors without a session is kept whole (core.pagecache);
# every publication purges what it changes before that. 0 turns the cache off (the
# tests do, see tests/conftest.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

# A CDN in front of the site is told which URLs to purge, by a task after commit
# (core.pagepurge), through Wagtail's frontend cache backends: Cloudflare (an API
# token allowed to purge, and the zone), CloudFront (the distribution), or any
# cache that accepts an HTTP PURGE (Varnish, nginx), at this address.
# https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_CLOUDFLARE_TOKEN"):
    if not env_str("FRONTEND_CACHE_CLOUDFLARE_ZONE"):
        raise ImproperlyConfigured(
            "FRONTEND_CACHE_CLOUDFLARE_TOKEN needs FRONTEND_CACHE_CLOUDFLARE_ZONE "
            "(the zone id on the Cloudflare dashboard's overview page)."
        )
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        "ZONEID": env_str("FRONTEND_CACHE_CLOUDFLARE_ZONE"),
    }
if env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }

# --- Accounts ---------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:overview"

# https://docs.allauth.org/en/latest/account/configuration.html
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# Who reads or subscribes to a political debate title is nobody else's business:
# sign-up, password reset and login by code answer the same whether the address
# has an account or not. The owner of an existing account is emailed instead
# (« someone tried to sign up with your address », « no account for this address »).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
# Per connection and per account: a stranger's failures lock a password out for
# five minutes at most, and never the owner's sign-in by emailed code.
# https://docs.allauth.org/en/latest/account/rate_limits.html
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "request_login_code": "20/m/ip,3/m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Versus] "
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}

# --- Email ------------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Versus <bonjour@versus.example>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_ESP = env_str("EMAIL_ESP")
# The key's name differs by provider; EMAIL_ESP_API_KEY is passed under that name.
_ESP_KEY_NAMES = {
    "brevo": "BREVO_API_KEY",
    "mailgun": "MAILGUN_API_KEY",
    "mailjet": "MAILJET_API_KEY",
    "postmark": "POSTMARK_SERVER_TOKEN",
    "resend": "RESEND_API_KEY",
    "sendgrid": "SENDGRID_API_KEY",
    "amazon_ses": None,  # uses the usual AWS_* variables through boto3
}
ANYMAIL = {}
if EMAIL_ESP:
    if EMAIL_ESP not in _ESP_KEY_NAMES:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"EMAIL_ESP must be one of {', '.join(sorted(_ESP_KEY_NAMES))}, "
            f"got {EMAIL_ESP!r}."
        )
    MAILERS = {"default": {"BACKEND": f"anymail.backends.{EMAIL_ESP}.EmailBackend"}}
    if _ESP_KEY_NAMES[EMAIL_ESP]:
        if PRODUCTION:
            require(["EMAIL_ESP_API_KEY"])
        ANYMAIL[_ESP_KEY_NAMES[EMAIL_ESP]] = env_str("EMAIL_ESP_API_KEY")
    if EMAIL_ESP == "mailjet":
        ANYMAIL["MAILJET_SECRET_KEY"] = env_str("EMAIL_ESP_SECRET_KEY")
else:
    # Console output plus one .eml file per message under var/mail/, so a developer
    # can open exactly what a reader would receive.
    MAILERS = {
        "default": {
            "BACKEND": "core.mail.DevelopmentEmailBackend",
            "OPTIONS": {"folder": str(VAR_DIR / "mail")},
        }
    }
# The provider's API address, where it has several (Mailgun's EU region, for one).
EMAIL_ESP_API_URL = env_str("EMAIL_ESP_API_URL")
if EMAIL_ESP and EMAIL_ESP_API_URL:
    ANYMAIL[f"{EMAIL_ESP.upper()}_API_URL"] = EMAIL_ESP_API_URL
# Every email is queued (core.outbox) and tried again after a refusal, first after
# this many seconds, then twice as long each time, up to six hours.
EMAIL_RETRY_BASE_SECONDS = env_int("EMAIL_RETRY_BASE_SECONDS", 60)
ANYMAIL_WEBHOOK_SECRET = env_str("ANYMAIL_WEBHOOK_SECRET")
if ANYMAIL_WEBHOOK_SECRET:
    ANYMAIL["WEBHOOK_SECRET"] = ANYMAIL_WEBHOOK_SECRET

# --- Newsletter -------------------------------------------------------------------

# Recipients per second, for all workers together (newsletter.services.throttle);
# a batch never holds more recipients than that.
NEWSLETTER_SEND_RATE = env_int("NEWSLETTER_SEND_RATE", 50)
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 500)
NEWSLETTER_FROM_EMAIL = env_str("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# The mailto: half of List-Unsubscribe; empty leaves only the one-click URL.
NEWSLETTER_UNSUBSCRIBE_MAILTO = env_str(
    "NEWSLETTER_UNSUBSCRIBE_MAILTO", "desinscription@versus.example"
)
# Postmark sends bulk mail through a broadcast stream of its own.
NEWSLETTER_POSTMARK_STREAM = env_str("NEWSLETTER_POSTMARK_STREAM", "broadcast")
# A confirmation link works this long; an unsubscribe link, years (an old email
# must still let its reader leave).
NEWSLETTER_CONFIRM_MAX_AGE = env_int("NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600)
NEWSLETTER_UNSUBSCRIBE_MAX_AGE = env_int(
    "NEWSLETTER_UNSUBSCRIBE_MAX_AGE", 5 * 365 * 24 * 3600
)
# A batch a worker claimed or handed to the provider longer ago than this is
# taken to be abandoned by a stopped worker (newsletter.services.sending.sweep).
NEWSLETTER_CLAIM_SECONDS = env_int("NEWSLETTER_CLAIM_SECONDS", 600)
# A refused batch waits this long, then twice as long each time, up to an hour.
NEWSLETTER_RETRY_BASE_SECONDS = env_int("NEWSLETTER_RETRY_BASE_SECONDS", 60)
# Sign-up form: (requests, window in seconds) per connection and per address.
NEWSLETTER_SIGNUPS_PER_IP = (env_int("NEWSLETTER_SIGNUPS_PER_IP_PER_HOUR", 20), 3600)
NEWSLETTER_SIGNUPS_PER_ADDRESS = (5, 3600)

# --- Background tasks -------------------------------------------------------------

# "database": tasks are rows in the database, run by `manage.py db_worker`
# (django-tasks-db), so a task queued in a transaction exists exactly when the
# change that queued it does; `make run` starts that worker beside the server,
# and a server started alone leaves its tasks waiting for one. "immediate": run
# at once, in the process that queued them (the tests, see tests/conftest.py).
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(sorted(_TASK_BACKENDS))}, "
        f"got {TASKS_BACKEND!r}."
    )
TASKS = {
    "default": {
        "BACKEND": _TASK_BACKENDS[TASKS_BACKEND],
        # "newsletter": an issue's batches, apart from the transactional emails.
        "QUEUES": ["default", "email", "newsletter"],
    }
}
# The schedule (`@cron` above the tasks of core, events and subscriptions) is kept
# by `manage.py crontask`, which only enqueues. With Redis, the scheduler holds a
# lock there: a second one started on another server waits and gives up, so each
# job is enqueued once however many servers run it.
CRONTASK = {"REDIS_URL": REDIS_URL} if REDIS_URL else {}

# --- Language and time ------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# Readers keep their choice for a year; the cookie is strictly necessary (it only
# remembers the language they picked) and is listed on the Cookies page.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Once this many readers have given both verdicts on a debate born from a reader's
# proposal, the proposer is sent the opinion shift figures.
PROPOSER_FIGURES_AFTER = env_int("PROPOSER_FIGURES_AFTER", 30)

# --- Stripe -----------------------------------------------------------------------

# Without a secret key the site runs in demo mode: the same pages, a labelled demo
# checkout, and Stripe-shaped events fed to the same handler. Production requires
# the keys (above). The SDK's pinned API version must also be the webhook
# endpoint's (see the README).
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY").strip()
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET").strip()
STRIPE_DEMO_MODE = not STRIPE_SECRET_KEY
# Another address for Stripe's API: a Stripe-compatible server for staging or a
# load test. Empty means Stripe itself.
STRIPE_API_BASE = env_str("STRIPE_API_BASE").strip()
if STRIPE_SECRET_KEY.startswith(("sk_live_", "rk_live_")) and DEBUG:
    raise ImproperlyConfigured(
        "A live Stripe key with DEBUG on is refused: use a test key in development."
    )

# --- Client address and rate limits -----------------------------------------------

# How to find the reader's address behind the proxies (core.client): the number of
# proxies that append to X-Forwarded-For (the README's TLS-terminating proxy is
# one), or a header the platform sets and clients cannot forge (CF-Connecting-IP).
# Every limit reads the address from there, allauth's included.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if PRODUCTION else 0)
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = CLIENT_IP_HEADER or None


# (attempts, window in seconds). Per IP limits count every reader behind one
# address (a school, an office), so they are set well above the per-reader ones.
RATE_LIMITS = {
    "proposals_per_reader": (5, 24 * 3600),
    "proposals_per_ip": (30, 24 * 3600),
    "supports_per_reader": (60, 10 * 60),
    "supports_per_ip": (600, 10 * 60),
    "ballots_per_reader": (20, 10 * 60),
    "ballots_per_ip": (env_int("BALLOTS_PER_IP_PER_10_MIN", 600), 10 * 60),
    "seat_order": (env_int("SEAT_ORDERS_PER_IP_PER_10_MIN", 20), 10 * 60),
    "waiting_list": (10, 10 * 60),
    "booking_request": (10, 3600),
}

# --- Static and media -------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Files readers pay for (print-edition PDFs): outside MEDIA_ROOT and with no URL, so
# only the views that check access can hand them out.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
# With a bucket named, media go to S3 (config/media.py): public media under media/,
# private files under private/ (or in their own bucket), signed for this many
# seconds when a view that checked access hands one out. Several app servers need
# it (or a shared disk); one server may keep its own disk.
MEDIA_OBJECT_STORAGE = object_storage(
    bucket=env_str("AWS_STORAGE_BUCKET_NAME"),
    private_bucket=env_str("AWS_PRIVATE_STORAGE_BUCKET_NAME"),
    region=env_str("AWS_S3_REGION_NAME"),
    endpoint_url=env_str("AWS_S3_ENDPOINT_URL"),
    access_key=env_str("AWS_ACCESS_KEY_ID"),
    secret_key=env_str("AWS_SECRET_ACCESS_KEY"),
    custom_domain=env_str("AWS_S3_CUSTOM_DOMAIN"),
    public_acl=env_str("AWS_DEFAULT_ACL"),
    signed_url_seconds=env_int("PRIVATE_MEDIA_URL_SECONDS", 60),
)
# Production serves compressed files with a content hash in their name, cached for
# ever; development serves the sources as they are, with no collectstatic step.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.storage.PrivateFileStorage"},
    **(MEDIA_OBJECT_STORAGE.storages() if MEDIA_OBJECT_STORAGE else {}),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Without collectstatic, WhiteNoise finds files where they live.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# --- Wagtail ----------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Versus"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail 8's autosave is off. It takes its snapshot of the form when a change
# event fires; text typed into a StreamField paragraph that was just added only
# reaches Draftail's hidden input, with no event, so the indicator says
# « Enregistré » while the last paragraph is not saved. And the editorial journey
# has seen a submitted debate lose that paragraph while autosave was on. Editors
# save drafts themselves, as before Wagtail 8.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Wagtail documents are public media: anything sold is a ProtectedFileField in
# private storage, never a Wagtail document. On S3 the document view redirects to
# the file's plain URL, so the bucket carries the bytes while the view still checks
# collection privacy and counts the download (the file's own URL stays public:
# privacy there is no paywall); on disk the view streams the file. ("direct" would
# link to the bucket and skip the view.)
WAGTAILDOCS_SERVE_METHOD = "redirect" if MEDIA_OBJECT_STORAGE else "serve_view"
# Editors' sign-in counts failures with the same limits as readers' (allauth's).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
# The admin would otherwise fetch each editor's picture from gravatar.com, telling
# a third party who edits Versus and when (the admin's policy would block it too).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security ---------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Other sites never learn which debate a reader came from.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (Django's own middleware). The public site runs only its
# own files: no inline script, no inline style, nothing from another origin. An
# inline script, if one is ever needed, takes the request's nonce
# (``nonce="{{ csp_nonce }}"``); the nonce only appears in the header when a
# template used it, so pages without one stay identical for every visitor.
# Forms may lead to Stripe: Checkout and the billing portal are reached by a
# redirect after a POST, which form-action also governs.
STRIPE_PAGES = ["https://checkout.stripe.com", "https://billing.stripe.com"]
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "form-action": [CSP.SELF, *STRIPE_PAGES],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
# The Wagtail admin (core.security picks it by path) ships inline scripts and
# styles in its widgets and previews pages in a frame of its own.
SECURE_CSP_ADMIN = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "frame-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
if MEDIA_OBJECT_STORAGE:
    # Images (renditions) come from the bucket or its custom domain.
    for _policy in (SECURE_CSP, SECURE_CSP_ADMIN):
        _policy["img-src"] += MEDIA_OBJECT_STORAGE.public_origins()
if PRODUCTION:
    SECURE_CSP["upgrade-insecure-requests"] = True
    SECURE_CSP_ADMIN["upgrade-insecure-requests"] = True
# No page uses a device or sensor, nor lets an embedded frame use one; and no
# interest-based advertising cohort is ever computed from our pages.
PERMISSIONS_POLICY = {
    name: []
    for name in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
if PRODUCTION:
    # TLS ends at the load balancer, which sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Logging ----------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {
            "handlers": ["console"],
            "level": "ERROR",
            "propagate": False,
        },
        # One line per background task is noise at INFO.
        "django.tasks": {"level": "WARNING"},
        # The scheduler would log each run of its lock refresh, every 5 seconds.
        "apscheduler": {"level": "WARNING"},
        # The SDK logs every request at INFO, with its URL.
        "stripe": {"level": "WARNING"},
        # fpdf2 subsets fonts through fontTools, which narrates every glyph.
        "fontTools": {"level": "WARNING"},
        "fpdf": {"level": "WARNING"},
    },
}
