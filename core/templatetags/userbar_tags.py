"""Wagtail's user bar, drawn only for those who may enter the admin.

``{% wagtailuserbar %}`` asks ``user.has_perm("wagtailadmin.access_admin")`` on
every page a logged-in reader opens: for a reader, two queries (their own
permissions, then their groups') to draw nothing. ``{% editor_userbar %}`` asks
the same question in one query, or none when it is already answered: nobody
logged in, an inactive account, a superuser, or permissions already read during
the request (the debate page's paywall reads them, ``subscriptions.paywall``).
Only then does it hand over to Wagtail's own tag, which checks again.

https://docs.wagtail.org/en/stable/topics/writing_templates.html#wagtail-user-bar
"""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from core.admin_permissions import ACCESS_ADMIN, admin_access_grants

register = template.Library()


def may_enter_admin(user) -> bool:
    """Whether ``user`` holds Wagtail's admin access, through their own
    permissions or a group's, as Django's ``ModelBackend`` decides it."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if hasattr(user, "_perm_cache"):
        # ModelBackend's cache of this request: has_perm costs nothing more.
        return user.has_perm(ACCESS_ADMIN)
    return admin_access_grants(user).exists()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position: str = "bottom-right") -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not may_enter_admin(user):
        return ""
    return wagtailuserbar(context, position)
