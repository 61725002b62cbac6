from decimal import Decimal

from django import template

from core.money import money

register = template.Library()


@register.filter
def euros(cents) -> str:
    """1 234,50 € from integer cents, never through a float."""
    return money(int(cents)) if cents not in (None, "") else ""


@register.filter
def vat_rate(rate) -> str:
    """20 % from Decimal("20.00")."""
    value = Decimal(rate).normalize()
    return f"{value:f}".replace(".", ",") + "\u00a0%"
