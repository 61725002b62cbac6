"""No input gets a server error: NUL bytes, invalid UTF-8, stray quotes, huge or
negative numbers and very long values, in every path parameter of every URL
pattern, every GET parameter a view reads and every field of every form on the
pages, anonymous and signed in.

The demo site is built once for the module (``seed_demo``, then one paid seat
order, an accepted quote and two demo checkouts, so that the secret links have
real keys) and crawled once; each test then sweeps one kind of input and lists
every failure it found, with its URL, in one assertion. Run with ``-s`` to see
how many requests each sweep sent and how long it took.
"""

import io
from collections import Counter

import pytest
import stripe
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from tests.core.sweep import (
    ODD_VALUES,
    Sweep,
    crawl,
    resolve_route,
    site_routes,
    watching_reads,
    with_param,
)

User = get_user_model()

# Wagtail leaves the temporary file of a new image rendition to the garbage
# collector; the crawl is the first to render the experts' photos.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)

PAGES_PER_TYPE = 2
SECRET_LINK_ROUTES = {
    "events:order",
    "events:ticket",
    "events:booking",
    "events:quote_pdf",
    "events:invoice_pdf",
    "events:demo_checkout",
    "subscriptions:demo_checkout",
}
LOGIN_VIEWS = {"account_login", "wagtailadmin_login", "wagtailcore_login"}

# The values each sweep sends. The English site runs the same views as the French
# one: its patterns get the values that tell a refused path from a served one.
# A negative number is refused by the id converter like any word; the search
# operators are a search box's business.
PATH_VALUES = [v for v in ODD_VALUES if v not in ("negative", "search operators")]
ENGLISH_PATH_VALUES = ["NUL", "huge integer"]
# A pattern's view may be reached several ways (GET and POST, anonymous and signed
# in): every value goes the first way, and the values a view gets to see (past the
# refusal of NUL and broken UTF-8) the other ways too. The admin sends an anonymous
# visitor to its sign-in page whatever the path: its patterns get the number that
# tells an id converter from a bounded one.
VIEW_PATH_VALUES = ["huge integer", "very long"]
ADMIN_PATH_VALUES = ["huge integer"]
# In a query string or a urlencoded body both broken UTF-8 values decode alike (to
# U+FFFD), and the search operators hold a stray quote.
GET_VALUES = [label for label in ODD_VALUES if label != "invalid UTF-8"]
# Into every field of a form at once (but the bot trap, left empty as a reader
# leaves it): whatever a field's cleaning or the view's own reading of the body
# does with them shows. Negative numbers are Django's IntegerField's to refuse,
# tested where each form is.
FORM_VALUES = [v for v in GET_VALUES if v not in ("stray quote", "negative")]
# Into one field at a time, the others as a reader fills them in: values a field
# may accept, so that the whole form is valid and the service behind it runs. A
# choice field accepts none but its own, so it gets the number only.
FIELD_VALUES = ["huge integer", "search operators"]
# Into a form found by another identity (a reader's form sent anonymous, and the
# other way round), at once.
OTHER_IDENTITY_VALUES = ["NUL"]


class Site:
    """The seeded site, its routes and what the crawl saw."""

    def __init__(self, *, clients, users, page_shapes, site_map, sweep):
        self.clients = clients
        self.users = users
        self.page_shapes = page_shapes
        self.map = site_map
        self.crawl = sweep
        self.routes = site_routes()

    def client(self, identity: str) -> Client:
        """The identity's client, signed in again if a form signed it out."""
        client = self.clients[identity]
        user = self.users.get(identity)
        if user is not None and "_auth_user_id" not in client.session:
            client.force_login(user)
        return client

    def send(self, sweep, identity, method, url, **kwargs):
        return sweep.send(self.client(identity), identity, method, url, **kwargs)

    def samples(self) -> dict[str, list[str]]:
        """Route -> the path values of a real URL of that route, as text."""
        found = {}
        for visit in self.map.visits:
            match = resolve_route(visit.url)
            if match is None or match.route in found:
                continue
            found[match.route] = [str(value) for value in match.args] or [
                str(value) for value in match.captured_kwargs.values()
            ]
        return found


def _page_urls(per_type: int, languages=None) -> list[str]:
    """Live pages of each type, in every language, with their sub-routes."""
    by_type = {}
    for page in Page.objects.live().public().specific().order_by("path"):
        by_type.setdefault(type(page), []).append(page)
    urls = []
    for pages in by_type.values():
        for page in pages[:per_type]:
            for code in languages or [code for code, _name in settings.LANGUAGES]:
                with translation.override(code):
                    url = page.get_url()
                    if url is None:  # the tree's root, above every site
                        continue
                    urls.append(url)
                    if isinstance(page, RoutablePageMixin):
                        urls += [
                            url + page.reverse_subpage(pattern.name)
                            for pattern in page.get_subpage_urls()
                        ]
    return urls


def _secret_links(reader) -> list[str]:
    """Pages reached by a secret link, made through the site as a buyer would:
    a paid seat order and its ticket, a held one at its demo checkout, an
    institution's quote accepted with its invoice, a subscription's checkout."""
    from events import services
    from events.models import Booking, ConferencePage, Quote, SeatOrder
    from subscriptions.models import Plan

    buyer = Client()
    conference = next(c for c in ConferencePage.objects.live() if not c.is_past)
    price = conference.prices.order_by("sort_order").first()
    seats = {"price": price.pk, "quantity": 1, "name": "Ana Lopez"}
    checkouts = []
    for email in ("ana@example.org", "ben@example.org"):
        held = buyer.post(conference.url + "reserver/", {**seats, "email": email})
        assert held.status_code == 302, held.content
        checkouts.append(held["Location"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        buyer.post(checkouts[0], {"action": "pay"})
    paid = SeatOrder.objects.filter(status=SeatOrder.Status.PAID).latest("pk")
    booking = Booking.objects.filter(quotes__isnull=False).latest("pk")
    quote = booking.quotes.exclude(status=Quote.Status.SUPERSEDED).get()
    held = SeatOrder.objects.filter(status=SeatOrder.Status.HELD).latest("pk")
    with TestCase.captureOnCommitCallbacks(execute=True):
        invoice = services.accept_quote(quote, po_number="BC-1")
        # The others have a quote to accept, and its form.
        for other in Booking.objects.filter(quotes__isnull=True):
            services.send_quote(other)
    subscriber = Client()
    subscriber.force_login(reader)
    plan = Plan.objects.filter(is_active=True).first()
    started = subscriber.post(reverse("subscriptions:checkout", args=[plan.pk]))
    key = booking.access_key
    return [
        *checkouts,
        started["Location"],
        reverse("events:order", args=[paid.access_key]),
        reverse("events:order", args=[held.access_key]),
        reverse("events:ticket", args=[paid.tickets.first().code]),
        reverse("events:booking", args=[key]),
        reverse("events:quote_pdf", args=[key, quote.number]),
        reverse("events:invoice_pdf", args=[key, invoice.number]),
        *(
            reverse("events:booking", args=[other.access_key])
            for other in Booking.objects.exclude(pk=booking.pk)
        ),
    ]


def _skip(url: str) -> bool:
    """The crawl stays on the public site; the admin is swept by its patterns."""
    path = url.split("?")[0]
    return path.startswith(("/static/", "/media/")) or (
        path.startswith("/admin/") and not path.startswith("/admin/login/")
    )


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The demo site, built and crawled once for the module, rolled back after."""
    with django_db_blocker.unblock(), watching_reads(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        users = {
            "reader": User.objects.get(email="lecteur@example.org"),
            "subscriber": User.objects.get(email="abonne@example.org"),
        }
        secret_urls = _secret_links(users["reader"])
        page_shapes = _page_urls(1)
        clients = {"anonymous": Client()}
        for identity, user in users.items():
            clients[identity] = Client()
            clients[identity].force_login(user)
        # The English site runs the same views: the crawl reads its home page and
        # follows links from there, the path sweep walks all its patterns.
        plain = [
            route.url([])
            for route in site_routes()
            if not route.params and not route.key.startswith(("admin/", "en/"))
        ]
        pages = _page_urls(PAGES_PER_TYPE, [settings.LANGUAGE_CODE])
        sweep = Sweep()
        site_map = crawl(
            sweep,
            clients,
            {
                "anonymous": [*pages, *plain, *secret_urls, "/en/", "/admin/login/"],
                "reader": [*pages, *plain, *secret_urls],
                "subscriber": [url for url in plain if "/abonnement/" in url],
            },
            skip=_skip,
        )
        print(f"\nodd input, crawl: {sweep.summary()}")
        yield Site(
            clients=clients,
            users=users,
            page_shapes=page_shapes,
            site_map=site_map,
            sweep=sweep,
        )
        transaction.set_rollback(True)


def report(sweep: Sweep) -> str:
    return f"{len(sweep.failures)} server errors:\n" + "\n".join(sweep.failures)


@pytest.mark.django_db
def test_the_crawl_itself_gets_no_server_error(site):
    assert not site.crawl.failures, report(site.crawl)
    assert len(site.map.visits) > 150
    reached = {
        resolve_route(visit.url).view_name
        for visit in site.map.visits
        if visit.status == 200 and resolve_route(visit.url)
    }
    assert reached >= SECRET_LINK_ROUTES, "secret links not reached with real keys"


def _reaching(site, sweep, url, *, admin: bool) -> list[tuple[str, str]]:
    """The identities and methods whose request for ``url`` reaches the view: not
    sent to the sign-in page, not refused for its method. Odd values are sent
    that way only; the others stop before any path value is used."""
    combos = []
    for identity in ("anonymous",) if admin else ("anonymous", "reader"):
        for method in ("GET",) if admin else ("GET", "POST"):
            visit = site.send(sweep, identity, method, url)
            if visit is None:
                continue
            login = resolve_route(visit.location) if visit.location else None
            if visit.status == 405 or (login and login.url_name in LOGIN_VIEWS):
                continue
            combos.append((identity, method))
    return combos or [("anonymous", "GET")]


@pytest.mark.django_db
def test_every_path_parameter_of_every_url_pattern_shrugs_off_odd_values(site):
    sweep, samples, sent, shadowed = Sweep(), site.samples(), set(), set()

    def send(identity, method, url, label):
        if (identity, method, url) not in sent:
            sent.add((identity, method, url))
            site.send(sweep, identity, method, url, odd=label)

    for route in site.routes:
        params = route.params
        sample = samples.get(route.key) or [
            "1" if p.kind in ("int", "id") or r"\d" in p.regex else "x" for p in params
        ]
        if len(sample) != len(params):
            sample = ["x"] * len(params)
        match = resolve_route(route.url(sample))
        if match is not None and match.route != route.key:
            shadowed.add(route.key)  # an earlier pattern answers its URLs
        admin = route.key.startswith("admin/")
        if route.key.startswith("en/"):
            # Without parameters, the French twin is what the crawl and the
            # other ways sent; here it is only resolved.
            if params:
                site.send(sweep, "anonymous", "GET", route.url(sample))
            elif match is not None:
                sweep.routes_resolved.add(match.route)
            ways = {("anonymous", "GET"): ENGLISH_PATH_VALUES}
        else:
            first, *others = _reaching(site, sweep, route.url(sample), admin=admin)
            ways = {first: ADMIN_PATH_VALUES if admin else PATH_VALUES}
            ways |= dict.fromkeys(others, VIEW_PATH_VALUES)
        for index in range(len(params)):
            for (identity, method), labels in ways.items():
                for label in labels:
                    odd = [*sample[:index], ODD_VALUES[label], *sample[index + 1 :]]
                    send(identity, method, route.url(odd), label)
    # Wagtail serves every other path: the last segment of a page of each type (or
    # of its sub-route), and one more below it. Parents are pages of their own.
    for url in site.page_shapes:
        segments = [segment for segment in url.split("/") if segment]
        values = ENGLISH_PATH_VALUES if url.startswith("/en/") else PATH_VALUES
        for index in (len(segments) - 1, len(segments)):
            for label in values:
                odd = [*segments[:index], ODD_VALUES[label]]
                send("anonymous", "GET", "/" + "/".join(odd) + "/", label)
    with_params = sum(1 for route in site.routes if route.params)
    print(
        f"\nodd input, {len(site.routes)} patterns ({with_params} with path "
        f"parameters): {sweep.summary()}"
    )

    assert not sweep.failures, report(sweep)
    assert len(site.routes) > 400
    unresolved = {
        route.key
        for route in site.routes
        if route.key not in sweep.routes_resolved and route.key not in shadowed
    }
    assert not unresolved, f"never reached with plausible values: {unresolved}"
    # The secret links were swept around their real keys, not made-up ones.
    real = {route.name for route in site.routes if route.key in samples}
    assert real >= SECRET_LINK_ROUTES, SECRET_LINK_ROUTES - real
    # Refused, not ignored: a NUL or broken UTF-8 in a path is a page not found.
    for label in ("NUL", "invalid UTF-8", "invalid UTF-8 sequence"):
        assert set(sweep.by_value[label]) == {404}, (label, sweep.by_value[label])
    assert sweep.by_value["huge integer"][404] > 50


@pytest.mark.django_db
def test_every_get_parameter_the_views_read_shrugs_off_odd_values(site):
    sweep = Sweep()
    params = site.map.get_params()
    for (_route, key), visit in params.items():
        for label in GET_VALUES:
            url = with_param(visit.url, key, ODD_VALUES[label])
            site.send(sweep, visit.identity, "GET", url, odd=label)
    print(f"\nodd input, {len(params)} GET parameters: {sweep.summary()}")

    assert not sweep.failures, report(sweep)
    keys = {key for _route, key in params}
    assert {"q", "theme", "page", "tri", "ville", "next"} <= keys, keys
    assert len(params) > 20
    # A NUL in a query string is refused; the rest is the normal page, the odd
    # value ignored or searched for.
    assert set(sweep.by_value["NUL"]) <= {302, 400}, sweep.by_value["NUL"]
    assert sweep.by_value["NUL"][400] > 20
    assert sweep.by_value["search operators"][200] > 20


@pytest.mark.django_db
def test_every_form_field_shrugs_off_odd_values_anonymous_and_signed_in(site):
    sweep = Sweep()
    forms = site.map.unique_forms()
    for form in forms:
        other = "reader" if form.identity == "anonymous" else "anonymous"
        button = (form.buttons or [None])[0]
        for identity, everywhere, one_by_one in (
            (form.identity, FORM_VALUES, FIELD_VALUES),
            (other, OTHER_IDENTITY_VALUES, []),
        ):

            def post(body, label=None, identity=identity, action=form.action):
                return site.send(sweep, identity, "POST", action, body=body, odd=label)

            read = set()
            for variant in form.buttons or [None]:
                visit = post(form.body(button=variant))
                read |= visit.post_keys if visit else set()
            for label in everywhere:
                odd = dict.fromkeys(form.visible_fields, ODD_VALUES[label])
                post(form.body(button=button, odd=odd), f"{label} in every field")
            # Keys the view read beyond the form's own fields are swept too.
            buttons = {name for name, _value in form.buttons}
            for name in sorted(set(form.fields) | (read - buttons)):
                free = name in form.text or name not in form.fields
                for label in one_by_one if free else one_by_one[:1]:
                    odd = {name: ODD_VALUES[label]}
                    post(form.body(button=button, odd=odd), f"{label} in {name}")
    print(f"\nodd input, {len(forms)} forms: {sweep.summary()}")

    assert not sweep.failures, report(sweep)
    assert len(forms) > 25, [form.signature for form in forms]
    signatures = {form.signature[1] for form in forms}
    assert {
        "debates:verdict",
        "debates:reaction",
        "polls:vote",
        "polls:propose",
        "events:booking",
        "newsroom:apply",
        "account_signup",
    } <= signatures, signatures
    # A NUL in a field is the form's to refuse, next to the field (allauth's
    # forms answer 200 with the errors, ours 400).
    assert sweep.by_value["NUL in every field"][400] >= 8, sweep.by_value


# Cookie values as the client quotes them: a NUL goes as ``"\\000"``, which any
# server lets through and Django decodes back to a NUL.
COOKIE_VALUES = {
    "NUL": "abcdefgh\x00ijklmnop",
    "stray quote": '"',
    "huge integer": "9" * 20,
    "very long": "x" * 2000,
    "latin-1": "\xff\xfe",
}


@pytest.mark.django_db
def test_every_cookie_the_site_sets_shrugs_off_odd_values(site):
    sweep = Sweep()
    names = site.crawl.cookies_set | {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        CookieStorage.cookie_name,
    }
    for name in sorted(names):
        for label, value in COOKIE_VALUES.items():
            for identity in ("anonymous", "reader"):
                client = Client()
                if identity == "reader":
                    client.force_login(site.users["reader"])
                client.cookies[name] = value
                for method, url, body in (
                    ("GET", "/", None),
                    ("GET", "/compte/", None),
                    ("POST", "/compte/login/", "login=lea%40example.org&password=x"),
                ):
                    odd = f"{label} in {name}"
                    sweep.send(client, identity, method, url, body=body, odd=odd)
    print(f"\nodd input, cookies {sorted(names)}: {sweep.summary()}")

    assert not sweep.failures, report(sweep)
    assert "csrftoken" in site.crawl.cookies_set


@pytest.mark.django_db
def test_the_stripe_webhook_answers_garbage_with_400(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_versus"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_versus"
    settings.STRIPE_DEMO_MODE = False
    client = Client()
    now = int(timezone.now().timestamp())
    bodies = [
        b"",
        b"\x00",
        b"\xff\xfe",
        b'{"id": "evt_1"',
        b"[]",
        b'{"id": "evt_1", "type": "invoice.paid", "created": 1, "data": {}}',
        b"9" * 10_000,
    ]
    forged = ["", "t=1,v1=00", "t=\x00,v1=\xff", f"t={now},v1=abc"]
    sent = [(body, signature) for body in bodies for signature in forged]
    # Signed with our secret, and still garbage: not JSON, not an event.
    for body in bodies:
        text = body.decode("latin-1")
        header = stripe.WebhookSignature.generate_signature_header(
            text, settings.STRIPE_WEBHOOK_SECRET
        )
        sent.append((text.encode("latin-1"), header))
    statuses = Counter()
    for body, signature in sent:
        response = client.post(
            "/stripe/webhook/",
            body,
            content_type="application/json",
            headers={"Stripe-Signature": signature},
        )
        statuses[response.status_code] += 1

    assert statuses == {400: len(sent)}
