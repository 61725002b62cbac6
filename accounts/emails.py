from django.utils.translation import gettext as _

from core.outbox import compose


def account_deleted(*, email: str, name: str):
    """Builder for the outgoing queue: the goodbye, to the address just erased."""
    return compose(
        subject=_("[Versus] Your account has been deleted"),
        template="accounts/email/account_deleted",
        context={"name": name},
        to=[email],
    )
