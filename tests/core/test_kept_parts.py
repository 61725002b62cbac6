"""``{% kept %}``: a part of a page rendered once per purge, for readers the
page cache cannot serve whole."""

import pytest
from django.template import engines
from django.test import RequestFactory

from core import pagecache
from tests.core.pagecache import page_cache  # noqa: F401 - fixture

PART = engines["django"].from_string(
    "{% load pagecache_tags %}{% kept 'part' access %}{{ text|safe }}{% endkept %}"
)


def render(text, *, method="get", path="/debats/un-debat/", access=True, **extra):
    request = getattr(RequestFactory(), method)(path)
    for name, value in extra.items():
        setattr(request, name, value)
    return PART.render({"text": text, "access": access}, request)


@pytest.mark.usefixtures("page_cache")
def test_a_part_is_rendered_once_until_its_path_is_purged():
    assert render("first") == "first"
    assert render("second") == "first"
    assert render("other access", access=False) == "other access"
    assert render("other page", path="/debats/un-autre/") == "other page"

    pagecache.forget(["/debats/un-debat/"])

    assert render("third") == "third"


@pytest.mark.usefixtures("page_cache")
def test_a_purge_of_everything_drops_every_part():
    render("first")

    pagecache.forget(everything=True)

    assert render("second") == "second"


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize(
    ("first", "how"),
    [
        ('<input name="csrfmiddlewaretoken" value="a">', {}),
        ("a form shown again", {"method": "post"}),
        ("a draft", {"is_preview": True}),
    ],
)
def test_what_belongs_to_one_reader_or_one_request_is_never_kept(first, how):
    assert render(first, **how) == first

    assert render("next", **how) == "next"


def test_with_the_page_cache_off_nothing_is_kept():
    render("first")

    assert render("second") == "second"
