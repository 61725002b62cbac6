"""The public archive of past issues (``/lettre/``) and the issues themselves.

An issue is a page: editors compose it in the Wagtail admin, and once published
it stays readable in the archive, in the sitemap (Wagtail's, like every live
page) and in the archive's feed. A premium issue shows its body to those
``subscriptions.paywall.can_read`` lets read it and the teaser to others, as a
premium debate does. What is sent, and when, is in ``IssueDispatch``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from newsletter.blocks import IssueBodyBlock
from subscriptions import paywall

EDITORIAL_FEATURES = ["bold", "italic", "link"]
ISSUES_PER_PAGE = 20


class NewsletterIndexPage(Page):
    """The archive of the issues sent (``/lettre/``)."""

    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count = 1

    class Meta:
        verbose_name = _("newsletter archive")

    def get_context(self, request, *args, **kwargs):
        from newsletter.selectors import archived_issues

        context = super().get_context(request, *args, **kwargs)
        context["issues"] = archived_issues(self)[:ISSUES_PER_PAGE]
        return context


class NewsletterIssuePage(Page):
    """One issue of a newsletter: its subject, the editorial and the body."""

    newsletter = models.ForeignKey(
        "newsletter.Newsletter",
        on_delete=models.PROTECT,
        related_name="issues",
        verbose_name=_("newsletter"),
    )
    subject = models.CharField(
        _("email subject"),
        max_length=200,
        help_text=_("What readers see in their inbox."),
    )
    editorial = RichTextField(_("editorial"), features=EDITORIAL_FEATURES)
    body = StreamField(IssueBodyBlock(), verbose_name=_("body"), blank=True)
    premium = models.BooleanField(
        _("body for subscribers in the archive"),
        default=False,
        help_text=_(
            "The email goes to every subscriber of the list; in the public "
            "archive, only subscribers read the body past its first paragraph."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("newsletter"), FieldPanel("subject"), FieldPanel("premium")],
            heading=_("Sending"),
        ),
        FieldPanel("editorial"),
        FieldPanel("body"),
    ]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    @property
    def send_state(self) -> str:
        """The dispatch's state, « ready » until one exists."""
        from newsletter.models.sending import IssueDispatch

        dispatch = IssueDispatch.objects.filter(issue=self).first()
        return dispatch.state if dispatch else IssueDispatch.State.READY

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        access = paywall.can_read(request.user, self)
        context["read_access"] = access
        context["visible_body"], context["body_cut"] = paywall.visible_body(
            self.body, access
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        paywall.set_cache_headers(response, request)
        return response
