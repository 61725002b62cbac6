from django import template

from debates.polls import selectors

register = template.Library()


@register.inclusion_tag("debates/polls/includes/my_topics.html", takes_context=True)
def my_topics(context):
    """« Mon compte »: the reader's ballots and proposals."""
    user = context["user"]
    return {
        "ballots": selectors.reader_ballots(user),
        "proposals": selectors.reader_proposals(user),
    }
