from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    name = "debates"
    verbose_name = _("Debates")

    def ready(self):
        from accounts import personal_data
        from debates import services

        personal_data.register(
            "verdicts",
            export=services.export_verdicts,
            erase=services.erase_verdicts,
        )
        personal_data.register(
            "reactions",
            export=services.export_reactions,
            erase=services.anonymise_reactions,
        )
        from debates.polls import services as poll_services

        personal_data.register(
            "topics",
            export=poll_services.export_topics,
            erase=poll_services.erase_topics,
        )
        # Through Wagtail's signal, so scheduled publication counts too (the
        # scheduled-publishing command fires no admin hook): a poll gets its
        # counters and its proposers hear of it; a debate closes its commission and,
        # born from a proposal, tells its proposer.
        from wagtail.signals import page_published

        page_published.connect(_on_page_published, dispatch_uid="debates.polls")
        # Debate pages cache the editions they appeared in (selectors.edition_of).
        from django.db.models.signals import post_delete, post_save

        from debates.selectors import forget_editions
        from newsroom.models import Edition, EditionDebate

        for model in (Edition, EditionDebate):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_editions,
                    sender=model,
                    dispatch_uid=f"debates.forget_editions.{model.__name__}.{signal!r}",
                )


def _on_page_published(sender, instance, **kwargs):
    from debates.models import DebatePage
    from debates.polls import services
    from debates.polls.models import TopicPollPage
    from newsroom import services as newsroom_services

    page = instance.specific
    if isinstance(page, TopicPollPage):
        services.ensure_tallies(page)
        services.notify_put_to_poll(page)
    elif isinstance(page, DebatePage):
        newsroom_services.mark_commission_published(page)
        services.notify_debate_published(page)
