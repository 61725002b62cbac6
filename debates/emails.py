from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def send_reaction_approved(*, reaction, author) -> None:
    context = {"reaction": reaction, "author": author, "url": reaction.debate.full_url}
    message = EmailMultiAlternatives(
        subject=_("[Versus] Your reaction is published"),
        body=render_to_string("debates/email/reaction_approved.txt", context),
        to=[author.email],
    )
    message.attach_alternative(
        render_to_string("debates/email/reaction_approved.html", context), "text/html"
    )
    message.send()
