"""Mail to the author of a reaction. A builder for the outgoing queue
(``core.outbox``): owed by ``debates.services`` with the moderation, built after
commit in the author's language."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.utils.translation import gettext as _

from core.outbox import compose
from debates.models import Reaction


def reaction_approved(*, reaction_id: int, author_id: int) -> EmailMultiAlternatives:
    reaction = Reaction.objects.select_related("debate").get(pk=reaction_id)
    # Looked up by id: an author who erased their account meanwhile gets nothing.
    author = get_user_model().objects.get(pk=author_id)
    return compose(
        subject=_("[Versus] Your reaction is published"),
        template="debates/email/reaction_approved",
        context={
            "reaction": reaction,
            "author": author,
            "url": reaction.debate.full_url,
        },
        to=[author.email],
    )
