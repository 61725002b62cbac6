"""The public archive of past issues (``/lettre/``) and the issues themselves.

An issue is a page: editors compose it in the Wagtail admin, and once published
it stays readable in the archive, in the sitemap (Wagtail's, like every live
page) and in the archive's feed. A premium issue shows its body to those
``subscriptions.paywall.can_read`` lets read it and the teaser to others, as a
premium debate does. What is sent, and when, is in ``IssueDispatch``.

Editors preview an issue in two modes (Wagtail's preview panel, « Preview »):
« Email », the email exactly as it will be sent, and « Web page », the archive's
page; the panel's mobile, tablet and desktop sizes apply to both.
https://docs.wagtail.org/en/stable/reference/models.html#wagtail.models.Page.preview_modes
"""

import datetime

from django.db import models
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.links import absolute_url
from core.revisions import LatestRevisionGuard
from newsletter.blocks import MOMENT, IssueBodyBlock
from newsletter.models.sending import IssueDispatch
from newsletter.services import rendering
from subscriptions import paywall

EDITORIAL_FEATURES = ["bold", "italic", "link"]
ISSUES_PER_PAGE = 20


class NewsletterIndexPage(LatestRevisionGuard, Page):
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


class NewsletterIssuePage(LatestRevisionGuard, Page):
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
            heading=pgettext_lazy("the admin page of an issue", "Sending"),
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
        dispatch = IssueDispatch.objects.filter(issue=self).first()
        return dispatch.state if dispatch else IssueDispatch.State.READY

    def content_moment(self) -> datetime.datetime:
        """The moment the self-filling blocks pick their content at: when the
        send started (so the archive shows what subscribers received), else
        when it is scheduled or the page goes live, else now (the send renders
        the email once, at its start, with now)."""
        now = timezone.now()
        dispatch = (
            IssueDispatch.objects.filter(issue_id=self.pk)
            .only("started_at", "scheduled_for")
            .first()
            if self.pk
            else None
        )
        if dispatch is not None and dispatch.started_at:
            return dispatch.started_at
        later = [
            moment
            for moment in (
                dispatch.scheduled_for if dispatch else None,
                self.go_live_at,
            )
            if moment and moment > now
        ]
        return min(later, default=now)

    @property
    def preview_modes(self):
        return [("email", _("Email")), ("", _("Web page"))]

    def serve_preview(self, request, mode_name):
        if mode_name != "email":
            return super().serve_preview(request, mode_name)
        _subject, html, _text = rendering.render_issue(self)
        # A sample link: the real one is each recipient's own, put in at sending.
        sample = absolute_url(reverse("newsletter:unsubscribe", args=["exemple"]))
        return HttpResponse(html.replace(rendering.UNSUBSCRIBE_MARK, sample))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context[MOMENT] = self.content_moment()
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
