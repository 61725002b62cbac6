"""The publication's own settings: what the masthead and footer say and the
paywall's monthly quota, editable by editors without a deployment. Every room
reads them, so they live at the bottom (``core.selectors.site_settings``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Page


def _footer_page(label):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """What the masthead and footer say, editable without a deployment."""

    publication_name = models.CharField(
        _("publication name"), max_length=80, default="Versus"
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        blank=True,
        default="Le journal de débats qui vous laisse trancher",
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    premium_quota = models.PositiveSmallIntegerField(
        _("free subscriber debates a month"),
        default=3,
        help_text=_(
            "How many subscriber debates a registered reader may open for free each "
            "calendar month. 0 keeps them for subscribers only."
        ),
    )

    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    legal_notice_page = _footer_page(_("legal notice"))
    terms_page = _footer_page(_("terms of sale"))
    privacy_page = _footer_page(_("privacy"))
    cookies_page = _footer_page(_("cookies"))
    transparency_page = _footer_page(_("transparency"))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("publication_name"),
                FieldPanel("tagline"),
                FieldPanel("contact_email"),
            ],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social networks"),
        ),
        FieldPanel("premium_quota"),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("terms_page"),
                FieldPanel("privacy_page"),
                FieldPanel("cookies_page"),
                FieldPanel("transparency_page"),
            ],
            heading=_("Footer pages"),
        ),
    ]

    # One query for the footer, not one per page link.
    select_related = [
        "legal_notice_page",
        "terms_page",
        "privacy_page",
        "cookies_page",
        "transparency_page",
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def _kept_parts(cls) -> list[str]:
        fields = ",".join(field.attname for field in cls._meta.concrete_fields)
        return ["site-settings", fields]

    @classmethod
    def _get_or_create(cls):
        """Read from the database once per purge of everything, not on every
        request: the query selects the five footer pages whole, and every page
        shows them. Saving these settings purges everything (``core.pagepurge``)
        once committed, and drops the copy at once for the one who saved; the
        fields' names are part of the key, so a deployment that changes them
        never reads an older copy."""
        from core.pagecache import kept_until_purged

        return kept_until_purged(cls._kept_parts(), super()._get_or_create)

    def save(self, *args, **kwargs):
        from core.pagecache import forget_kept

        super().save(*args, **kwargs)
        forget_kept(self._kept_parts())

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]

    @property
    def footer_pages(self) -> list[tuple[str, Page]]:
        pages = [
            (_("Legal notice"), self.legal_notice_page),
            (_("Terms of sale"), self.terms_page),
            (_("Privacy"), self.privacy_page),
            (_("Cookies"), self.cookies_page),
            (_("Transparency"), self.transparency_page),
        ]
        return [
            (label, page) for label, page in pages if page is not None and page.live
        ]
