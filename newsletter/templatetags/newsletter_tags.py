from django import template
from wagtail.rich_text import expand_db_html

from newsletter.services import consent
from newsletter.services.rendering import html_to_text

register = template.Library()


@register.inclusion_tag("newsletter/includes/account_choices.html", takes_context=True)
def newsletter_choices(context):
    """« Mon compte »'s newsletter card: the lists, ticked or not, and the
    address they go to. The form posts to the newsletter room."""
    user = context["request"].user
    return {**consent.account_choices(user), "request": context["request"]}


@register.filter
def as_plain_text(rich_text) -> str:
    """A rich text field's HTML (internal links expanded) as plain text."""
    return html_to_text(expand_db_html(str(rich_text)))
