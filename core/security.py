"""Security headers Django does not set by itself, and the admin's own policy.

Sits inside Django's ContentSecurityPolicyMiddleware, so that the policy chosen here
is the one that middleware writes.
"""

from django.conf import settings

ADMIN_PREFIX = "/admin/"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Wagtail's preview (a request it builds itself, ``is_dummy``) shows the
        # page in a frame of the admin: the public policy's frame-ancestors
        # 'none' would blank it.
        in_admin = request.path.startswith(ADMIN_PREFIX) or getattr(
            request, "is_dummy", False
        )
        if in_admin and not hasattr(response, "_csp_config"):
            # Views may still choose theirs with django.views.decorators.csp.
            response._csp_config = settings.SECURE_CSP_ADMIN
        # What runs the site is nobody's business; an app that names itself makes
        # an attacker's search for a known flaw shorter.
        del response["Server"]
        del response["X-Powered-By"]
        return response
