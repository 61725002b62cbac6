"""The site's routes plus Postmark's tracking webhook, as production mounts it once
EMAIL_ESP=postmark and ANYMAIL_WEBHOOK_SECRET are set (config.urls decides at start-up,
before a test can set them)."""

from anymail import urls as anymail_urls
from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path(
        "anymail/",
        include(
            (
                [
                    route
                    for route in anymail_urls.urlpatterns
                    if route.name == "postmark_tracking_webhook"
                ],
                "anymail_postmark",
            )
        ),
    ),
    *site_urlpatterns,
]
