"""An issue as an email: subject, HTML and plain text, rendered once when the
send starts. Each recipient's own link stands as ``UNSUBSCRIBE_MARK`` until the
batch puts the provider's merge field, or the link itself, in its place.

The HTML is a plain table layout for now; inlined CSS (css-inline or MJML) and
the blocks that fill themselves come with the editors' tools.
"""

import re
from html import unescape

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from core.links import absolute_url

UNSUBSCRIBE_MARK = "VERSUS_UNSUBSCRIBE_URL"
_RELATIVE = re.compile(r'(href|src)="/(?!/)')


def _absolute_links(html: str) -> str:
    """Links and images of the site, made absolute: an email has no host."""
    root = absolute_url("/").rstrip("/")
    return _RELATIVE.sub(lambda m: f'{m.group(1)}="{root}/', html)


def render_issue(issue) -> tuple[str, str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "issue": issue,
            "subject": issue.subject,
            "archive_url": issue.get_full_url() or absolute_url(issue.url or "/"),
            "unsubscribe_url": UNSUBSCRIBE_MARK,
        }
        html = _absolute_links(render_to_string("newsletter/email/issue.html", context))
        text = render_to_string("newsletter/email/issue.txt", context)
        text = text.replace("(/", "(" + absolute_url("/").rstrip("/") + "/")
    return issue.subject, html, text


_LINK = re.compile(r'<a\b[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Rich text as plain text for the email's text part: paragraphs kept,
    links written out after their words."""
    html = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", str(html))
    html = _BREAK.sub("\n\n", html)
    lines = [" ".join(line.split()) for line in unescape(strip_tags(html)).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
