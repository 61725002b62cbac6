from anymail import urls as anymail_urls
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.db import connection
from django.http import JsonResponse
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from debates import feeds, seo
from payments import views as payment_views


@never_cache
def healthz(request):
    """For the load balancer: answers 200 once the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def tracking_webhooks(esp: str | None = None) -> list:
    """Only the chosen provider's tracking webhook, and only once its secret is set.
    Anymail's other routes would answer a server error (no keys for them) or be open
    to anyone; inbound mail is not used."""
    esp = esp or settings.EMAIL_ESP
    if not (esp and settings.ANYMAIL.get("WEBHOOK_SECRET")):
        return []
    name = f"{esp}_tracking_webhook"
    return [route for route in anymail_urls.urlpatterns if route.name == name]


urlpatterns = [
    # Wagtail's password reset has no rate limit: anyone could have it mail an
    # editor again and again. allauth's is limited and answers alike for every
    # address.
    re_path(
        r"^admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password"),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    # Outside the language prefixes: Stripe calls one fixed URL.
    path("stripe/webhook/", payment_views.webhook, name="stripe_webhook"),
    # The email provider's tracking events (bounces, complaints), behind the
    # basic-auth secret ANYMAIL_WEBHOOK_SECRET: /anymail/<provider>/tracking/.
    path("anymail/", include((tracking_webhooks(), "anymail"))),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt", content_type="text/plain; charset=utf-8"
        ),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# French at the root, English under /en/: the language is in the URL, so a page is
# the same for every visitor who asks for it and can be cached whole.
urlpatterns += i18n_patterns(
    path("compte/", include("accounts.urls")),
    path("compte/", include("allauth.urls")),
    path("experts/", include("newsroom.urls")),
    path("experts/", include("debates.expert_urls")),
    path("editions/", include("newsroom.edition_urls")),
    path("abonnement/", include("subscriptions.urls")),
    path("billetterie/", include("events.urls")),
    path("avis/", include("debates.urls")),
    path("", include("debates.polls.urls")),
    path("lettre/", include("newsletter.urls")),
    path("flux/debats.rss", feeds.LatestDebatesFeed(), name="debates_feed_rss"),
    path("flux/debats.atom", feeds.LatestDebatesAtomFeed(), name="debates_feed_atom"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
