"""Who sells, as quotes and invoices print it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="doc-full")
class SellerSettings(BaseGenericSetting):
    """Who sells, as printed on quotes and invoices (each document keeps a copy)."""

    legal_name = models.CharField(
        _("legal name"), max_length=120, default="Versus Média"
    )
    legal_form = models.CharField(
        _("legal form and share capital"),
        max_length=120,
        default="SAS au capital de 10 000 €",
    )
    street = models.CharField(
        _("registered office"), max_length=160, default="12 rue des Débats"
    )
    postcode = models.CharField(_("postcode"), max_length=10, default="75011")
    city = models.CharField(_("city"), max_length=80, default="Paris")
    siret = models.CharField(_("SIRET"), max_length=14, default="99012345700014")
    rcs = models.CharField(
        _("RCS registration"), max_length=80, default="RCS Paris 990 123 457"
    )
    vat_number = models.CharField(
        _("VAT number"), max_length=20, default="FR08990123457"
    )
    iban = models.CharField(
        _("IBAN"), max_length=34, default="FR7630006000011234567890189"
    )
    bic = models.CharField(_("BIC"), max_length=11, default="AGRIFRPPXXX")
    billing_email = models.EmailField(
        _("billing email"), default="facturation@versus.example"
    )
    late_penalty = models.CharField(
        _("late-payment penalty rate"),
        max_length=200,
        default="trois fois le taux d'intérêt légal",
        help_text=_("At least three times the legal interest rate."),
    )
    quote_validity_days = models.PositiveSmallIntegerField(
        _("quote validity (days)"), default=30
    )
    payment_days = models.PositiveSmallIntegerField(
        _("payment term (days)"), default=30
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldPanel("legal_form"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel(
                    [FieldPanel("siret"), FieldPanel("rcs"), FieldPanel("vat_number")]
                ),
            ],
            heading=_("Seller"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("iban"), FieldPanel("bic")]),
                FieldPanel("billing_email"),
                FieldPanel("late_penalty"),
                FieldRowPanel(
                    [FieldPanel("quote_validity_days"), FieldPanel("payment_days")]
                ),
            ],
            heading=_("Payment terms"),
        ),
    ]

    class Meta:
        verbose_name = _("billing details")
