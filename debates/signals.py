"""Side effects of the page tree and the print editions on debates (signals, as
they cut across rooms), connected in ``DebatesConfig.ready()``."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from debates.models import DebatePage
from debates.polls import services as poll_services
from debates.polls.models import TopicPollPage
from debates.selectors import forget_editions
from newsroom import services as newsroom_services
from newsroom.models import Edition, EditionDebate


def connect() -> None:
    # Through Wagtail's signal, so scheduled publication counts too (the
    # scheduled-publishing command fires no admin hook): a poll gets its
    # counters and its proposers hear of it; a debate closes its commission and,
    # born from a proposal, tells its proposer.
    page_published.connect(_on_page_published, dispatch_uid="debates.polls")
    # Debate pages cache the editions they appeared in (selectors.edition_of).
    for model in (Edition, EditionDebate):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_editions,
                sender=model,
                dispatch_uid=f"debates.forget_editions.{model.__name__}.{signal!r}",
            )


def _on_page_published(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, TopicPollPage):
        poll_services.ensure_tallies(page)
        poll_services.notify_put_to_poll(page)
    elif isinstance(page, DebatePage):
        newsroom_services.mark_commission_published(page)
        poll_services.notify_debate_published(page)
