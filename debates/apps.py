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
        # Through Wagtail's signal, so scheduled publication counts too: a poll gets
        # its counters and its proposers hear of it; a debate from a proposal tells
        # its proposer.
        from wagtail.signals import page_published

        page_published.connect(_on_page_published, dispatch_uid="debates.polls")


def _on_page_published(sender, instance, **kwargs):
    from debates.models import DebatePage
    from debates.polls import services
    from debates.polls.models import TopicPollPage

    page = instance.specific
    if isinstance(page, TopicPollPage):
        services.ensure_tallies(page)
        services.notify_put_to_poll(page)
    elif isinstance(page, DebatePage):
        services.notify_debate_published(page)
