"""The archive's RSS feed: each issue's subject and editorial, never a premium
body (https://docs.djangoproject.com/en/stable/ref/contrib/syndication/)."""

from django.contrib.syndication.views import Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from core.links import absolute_url
from newsletter.models import NewsletterIndexPage
from newsletter.selectors import archived_issues

FEED_ITEMS = 20


class IssuesFeed(Feed):
    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        return _("Versus: the newsletter")

    def description(self, request):
        return _("The past issues of the Versus newsletters.")

    def link(self, request):
        index = NewsletterIndexPage.objects.live().first()
        return (index.get_full_url(request) if index else None) or absolute_url("/")

    def items(self, request):
        index = NewsletterIndexPage.objects.live().first()
        return archived_issues(index)[:FEED_ITEMS] if index else []

    def item_title(self, issue):
        return escape(issue.subject)

    def item_link(self, issue):
        return issue.full_url

    def item_description(self, issue):
        return issue.editorial

    def item_pubdate(self, issue):
        return issue.first_published_at
