from django.utils.translation import gettext as _

from config.emails import send_templated


def send_account_deleted(*, email: str, name: str) -> None:
    send_templated(
        subject=_("[Versus] Your account has been deleted"),
        template="accounts/email/account_deleted",
        context={"name": name},
        to=[email],
    )
