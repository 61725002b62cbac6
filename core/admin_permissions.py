from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

ACCESS_ADMIN = "wagtailadmin.access_admin"


def admin_access_grants(user) -> QuerySet[Permission]:
    """The rows that give ``user`` Wagtail's admin access, through their own
    permissions or a group's, as Django's ``ModelBackend`` reads them (empty: no
    access, unless a superuser). A queryset, so that a page can ask it in the
    same query as other things it needs."""
    app_label, codename = ACCESS_ADMIN.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).filter(Q(user=user) | Q(group__user=user))


class RefusingPermissionPolicy(ModelPermissionPolicy):
    """The model's usual permissions, less some actions nobody may take in the
    admin, superusers included: records that only arrive through their own path
    (a public form, a Stripe event) are never added, edited or deleted by hand."""

    def __init__(self, model, *, refused: set[str], **kwargs):
        super().__init__(model, **kwargs)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.refused]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
