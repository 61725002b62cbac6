from django import template

from core.money import format_rate, money

register = template.Library()


@register.filter
def euros(cents) -> str:
    """1 234,50 € (€1,234.50 in English) from integer cents, never through a float."""
    return money(int(cents)) if cents not in (None, "") else ""


@register.filter
def vat_rate(rate) -> str:
    """20 % (20% in English) from Decimal("20.00")."""
    return format_rate(rate)
