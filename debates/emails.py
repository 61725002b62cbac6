from django.utils.translation import gettext as _

from config.emails import send_templated


def send_reaction_approved(*, reaction, author) -> None:
    send_templated(
        subject=_("[Versus] Your reaction is published"),
        template="debates/email/reaction_approved",
        context={
            "reaction": reaction,
            "author": author,
            "url": reaction.debate.full_url,
        },
        to=[author.email],
    )
