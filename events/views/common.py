"""What the public views of events share: pages reached by a secret link stay out
of search engines, the visitor's language, rate limits, and the conference page
answered again with a form's errors."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from core.ratelimit import request_over_limit

NOINDEX = {"X-Robots-Tag": "noindex, nofollow"}


def private(response):
    """Pages reached by a secret link stay out of search engines."""
    for header, value in NOINDEX.items():
        response[header] = value
    return response


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def limited(request, action: str) -> bool:
    limit, seconds = settings.RATE_LIMITS[action]
    return request_over_limit(request, f"events:{action}", limit, seconds)


def conference_page(request, conference, **context):
    return TemplateResponse(
        request,
        "events/conference_page.html",
        conference.get_context(request) | context,
        status=400 if context else 200,
    )


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)
