"""``{% kept %}``: a part of a page that every reader sees alike, rendered once
per purge of the page (``core.pagecache.kept_until_purged``).

The full-page cache serves visitors without a session; a logged-in reader's page
is rendered for them, but most of it (a debate's sides, its sources, the related
debates) is the same for every reader with the same access::

    {% load pagecache_tags %}
    {% kept "debate-sides" read_access.allowed %}...{% endkept %}

The part is named, and keyed by the host, the path, the language and the values
given after the name (what the part varies on: never the reader themselves). It
is purged with the path, exactly when the cached page would be. Only a GET of
the page is kept, never a preview (its path is the admin's) nor a form shown
again with its errors (a POST). A part holding a CSRF token, or a CSP nonce, is
never stored: it belongs to one reader.

``{% personal %}``: the opposite, a part that belongs to the reader (their
verdict, a form and its token), left as a slot when the page is rendered as a
shell for logged-in readers (``core.shells``), filled per reader from the slot's
own template; otherwise its content is rendered in place::

    {% personal "debate-verdict" moment="before" %}
        {% include "debates/includes/verdict.html" with moment="before" %}
    {% endpersonal %}

A personal part never sits inside a kept one.
"""

from django import template
from django.utils.translation import get_language

from core import shells
from core.pagecache import kept_until_purged

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if (
            request is None
            or request.method not in ("GET", "HEAD")
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        parts = [
            "fragment",
            self.name.resolve(context),
            request.scheme,
            request.get_host(),
            request.path,
            get_language() or "",
            *(value.resolve(context) for value in self.vary_on),
        ]

        def render():
            return self.nodelist.render(context)

        def keep(html):
            # Django's nonce is lazy: false until something used it.
            nonce = getattr(request, "_csp_nonce", None)
            return (
                "csrfmiddlewaretoken" not in html
                and "<!--slot:" not in html
                and not (nonce and str(nonce) in html)
            )

        return kept_until_purged(parts, render, path=request.path, keep=keep)


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]!r} takes a name, then the values the part varies on."
        )
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
    )


class PersonalNode(template.Node):
    def __init__(self, nodelist, name, args):
        self.nodelist = nodelist
        self.name = name
        self.args = args

    def render(self, context):
        request = context.get("request")
        if request is None or not shells.building(request):
            return self.nodelist.render(context)
        args = {name: value.resolve(context) for name, value in self.args.items()}
        return shells.marker(request, self.name, args)


@register.tag("personal")
def do_personal(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]!r} takes a slot's name, then its arguments as name=value."
        )
    name = bits[1].strip("\"'")
    args = {}
    for bit in bits[2:]:
        key, sep, value = bit.partition("=")
        if not sep:
            raise template.TemplateSyntaxError(f"{bits[0]!r}: {bit!r} is not a=b.")
        args[key] = parser.compile_filter(value)
    nodelist = parser.parse(("endpersonal",))
    parser.delete_first_token()
    return PersonalNode(nodelist, name, args)
