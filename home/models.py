from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import StandardBodyBlock


class HomePage(Page):
    """The front page: the featured debate, the latest ones, the open poll and events.

    Each slot is filled by its room once that room exists; until then the template
    says plainly what will appear there.
    """

    headline = models.CharField(
        _("headline"),
        max_length=120,
        blank=True,
        help_text=_("The front page's big line; the page title is used when empty."),
    )
    intro = models.TextField(
        _("intro"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the front page title."),
    )

    featured_debate = models.ForeignKey(
        "debates.DebatePage",
        verbose_name=_("featured debate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Left empty, the newest debate leads the front page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("headline"),
        FieldPanel("intro"),
        FieldPanel("featured_debate"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "debates.DebateIndexPage",
        "debates.PollIndexPage",
        "events.EventIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from debates import selectors as debate_selectors

        context = super().get_context(request, *args, **kwargs)
        latest = list(debate_selectors.published_debates()[:5])
        featured = self.featured_debate if self.featured_debate_id else None
        if featured is None or not featured.live:
            featured = latest[0] if latest else None
        context["featured_debate"] = featured
        context["latest_debates"] = [d for d in latest if d != featured][:4]
        from debates.polls.selectors import open_poll

        poll = open_poll()
        if poll is not None:
            prefetch_related_objects([poll], "options__proposal")
        context["open_poll"] = poll
        from events.selectors import upcoming_conferences

        context["upcoming_conferences"] = upcoming_conferences(limit=3)
        return context


class StandardPage(Page):
    """Legal and editorial pages: Mentions légales, CGV, Transparence..."""

    intro = models.TextField(_("standfirst"), max_length=600, blank=True)
    body = StreamField(StandardBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("editorial page")
        verbose_name_plural = _("editorial pages")


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
    def footer_pages(self) -> list[tuple[str, "Page"]]:
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
