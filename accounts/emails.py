from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def send_account_deleted(*, email: str, name: str) -> None:
    context = {"name": name}
    message = EmailMultiAlternatives(
        subject=_("[Versus] Your account has been deleted"),
        body=render_to_string("accounts/email/account_deleted.txt", context),
        to=[email],
    )
    message.attach_alternative(
        render_to_string("accounts/email/account_deleted.html", context), "text/html"
    )
    message.send()
