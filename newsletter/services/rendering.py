"""An issue as an email: subject, HTML and plain text, rendered once when the
send starts. Each recipient's own link stands as ``UNSUBSCRIBE_MARK`` until the
batch puts the provider's merge field, or the link itself, in its place.

The HTML is email HTML: nested ``role="presentation"`` tables 600 px wide at
most (Outlook gets the width from conditional comments), the CSS written once in
the template's ``<style>`` and inlined by css-inline, which keeps the ``<style>``
too so that phones and dark mode read their media queries from ``<head>``. The
text part is rendered from the same blocks, each with its text template (or its
HTML made text, for the editor's own paragraphs). Nothing is loaded from another
host: no tracking pixel, no web font, only the site's own images.

https://www.caniemail.com/ (what each client supports)
https://css-inline.org/ (the inliner)
"""

import re
from html import unescape

import css_inline
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.rich_text import expand_db_html

from core.links import absolute_url
from newsletter.blocks import MOMENT

UNSUBSCRIBE_MARK = "VERSUS_UNSUBSCRIBE_URL"
PREHEADER_WORDS = 24
_RELATIVE = re.compile(r'(href|src)="/(?!/)')
# A site path in the text part: after « (» (a rich text link) or « : » (a block's).
_TEXT_RELATIVE = re.compile(r"(?:(?<=\()|(?<=: ))/(?=[^\s/])")
_INLINER = css_inline.CSSInliner(keep_style_tags=True)


def _absolute_links(html: str) -> str:
    """Links and images of the site, made absolute: an email has no host."""
    root = absolute_url("/").rstrip("/")
    return _RELATIVE.sub(lambda m: f'{m.group(1)}="{root}/', html)


def _block_parts(child, context) -> tuple[str, str]:
    """One body block as email HTML and as text; the editor's own blocks
    (headings, paragraphs) keep their web template, styled by the email's CSS."""
    block = child.block
    if hasattr(block, "render_email"):
        return (
            block.render_email(child.value, context),
            block.render_text(child.value, context),
        )
    html = block.render(child.value, context)
    return html, html_to_text(html)


def render_email(template: str, context: dict) -> str:
    """``template`` rendered, its CSS inlined and its links made absolute."""
    return _absolute_links(_INLINER.inline(render_to_string(template, context)))


def render_issue(issue) -> tuple[str, str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "issue": issue,
            "subject": issue.subject,
            "archive_url": issue.get_full_url() or absolute_url(issue.url or "/"),
            "unsubscribe_url": UNSUBSCRIBE_MARK,
            MOMENT: issue.content_moment(),
        }
        parts = [_block_parts(child, context) for child in issue.body]
        editorial_text = html_to_text(expand_db_html(str(issue.editorial)))
        context["preheader"] = Truncator(editorial_text).words(PREHEADER_WORDS)
        context["blocks_html"] = [html for html, _ in parts if html.strip()]
        context["blocks_text"] = [text for _, text in parts if text.strip()]
        context["editorial_text"] = editorial_text
        html = render_email("newsletter/email/issue.html", context)
        text = render_to_string("newsletter/email/issue.txt", context)
        text = _TEXT_RELATIVE.sub(absolute_url("/").rstrip("/") + "/", text)
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
