"""Many buyers at the same instant (PostgreSQL): the capacity holds, and quote
numbers come out once each, in one unbroken run."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from events import services
from events.models import Booking, Quote, SeatOrder, SeatStock
from tests.events.conftest import TOWN_HALL

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent transactions and row locks are PostgreSQL's",
    ),
    pytest.mark.django_db(transaction=True),
]


def at_once(count, work):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run(n):
        try:
            barrier.wait()
            results.append(work(n))
        except services.SeatError as refused:
            results.append(refused)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_concurrent_buyers_never_exceed_the_capacity(small_conference):
    price = small_conference.prices.get(category="individual")

    def buy(n):
        return services.hold_seats(
            small_conference,
            price=price,
            quantity=3,
            name=f"Buyer {n}",
            email=f"buyer{n}@example.org",
        )

    results, errors = at_once(8, buy)

    assert errors == []
    held = [result for result in results if isinstance(result, SeatOrder)]
    refused = [result for result in results if isinstance(result, services.SeatError)]
    # Ten seats, three per buyer: three orders fit, one seat stays free.
    assert (len(held), len(refused)) == (3, 5)
    assert SeatStock.objects.get(conference_id=small_conference.pk).taken == 9
    assert SeatOrder.objects.count() == 3


def test_concurrent_quotes_get_consecutive_numbers_without_gaps(offer):
    chosen = offer.formats.first()
    bookings = [
        services.request_booking(
            buyer=dict(TOWN_HALL),
            offer=offer,
            format_id=chosen.pk,
            preferred_date=timezone.localdate().replace(
                year=timezone.localdate().year + 1
            ),
        )
        for _ in range(6)
    ]

    _results, errors = at_once(6, lambda n: services.send_quote(bookings[n]))

    assert errors == []
    year = timezone.localdate().year
    assert sorted(Quote.objects.values_list("number", flat=True)) == [
        f"DEV-{year}-{n:04d}" for n in range(1, 7)
    ]
    assert Booking.objects.filter(state=Booking.State.QUOTED).count() == 6


def test_concurrent_acceptances_get_consecutive_invoice_numbers(offer):
    from events.models import Invoice

    chosen = offer.formats.first()
    quotes = [
        services.send_quote(
            services.request_booking(
                buyer=dict(TOWN_HALL),
                offer=offer,
                format_id=chosen.pk,
                preferred_date=timezone.localdate().replace(
                    year=timezone.localdate().year + 1
                ),
            )
        )
        for _ in range(5)
    ]

    _results, errors = at_once(
        5, lambda n: services.accept_quote(quotes[n], po_number=f"BC-{n}")
    )

    assert errors == []
    year = timezone.localdate().year
    assert sorted(Invoice.objects.values_list("number", flat=True)) == [
        f"FAC-{year}-{n:04d}" for n in range(1, 6)
    ]


def test_a_double_click_on_accept_issues_one_invoice(offer):
    from events.models import Invoice

    quote = services.send_quote(
        services.request_booking(
            buyer=dict(TOWN_HALL),
            offer=offer,
            format_id=offer.formats.first().pk,
            preferred_date=timezone.localdate().replace(
                year=timezone.localdate().year + 1
            ),
        )
    )

    def accept(n):
        try:
            return services.accept_quote(quote, po_number="BC-1")
        except services.QuoteAlreadyAccepted as already:
            return already

    results, errors = at_once(2, accept)

    assert errors == []
    assert sorted(type(result).__name__ for result in results) == [
        "Invoice",
        "QuoteAlreadyAccepted",
    ]
    assert Invoice.objects.count() == 1
    assert Booking.objects.get().state == Booking.State.INVOICED
