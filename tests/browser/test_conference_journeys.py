"""Conferences in Chromium: a reader buys two seats by card (demo checkout) and
gets the tickets; a town hall asks for a quote, an editor sends it, the town hall
accepts it with its purchase-order number, the invoice arrives, the editor records
the transfer and the booking shows paid."""

import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import UserFactory
from events.factories import (
    ConferenceOfferPageFactory,
    ConferencePageFactory,
    EventIndexPageFactory,
)
from events.models import Booking, SeatOrder
from tests.browser.axe import assert_accessible
from tests.browser.screenshots import save_screenshots_at_widths
from tests.browser.steps import admin_log_in


def test_a_reader_buys_two_seats_by_card_and_receives_the_tickets(
    page, site_url, home_page
):
    index = EventIndexPageFactory(parent=home_page)
    conference = ConferencePageFactory(
        parent=index, title="Gratuité des transports : le débat à Rennes", capacity=50
    )

    page.goto(site_url + index.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Événements")
    assert_accessible(page, context="events index")
    page.get_by_role("link", name=conference.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(conference.title)
    expect(page.get_by_text("50 places restantes.")).to_be_visible()
    assert_accessible(page, context="conference page")
    save_screenshots_at_widths(page, "conference")

    # The conference page is the same for everyone (cached whole): it takes the
    # price and the quantity; the next step, for this buyer only, the rest.
    page.get_by_label("Plein tarif").check()
    page.get_by_label("Quantité").fill("2")
    page.get_by_role("button", name="Réserver ces places").click()
    booking = page.locator("form[method=post][action$='/reserver/']")
    expect(booking.get_by_label("Plein tarif")).to_be_checked()
    expect(booking.get_by_label("Quantité")).to_have_value("2")
    booking.get_by_label("Votre nom").fill("Ana Lopez")
    booking.get_by_label("Votre adresse e-mail").fill("ana@example.org")
    booking.get_by_role("button", name="Réserver et payer par carte").click()

    expect(page.locator(".notice--demo")).to_contain_text("Mode démo")
    page.get_by_role("button", name=re.compile("Payer 16,00")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(conference.title)
    expect(page.get_by_role("heading", name="Billets")).to_be_visible()
    expect(page.locator(".ticket svg")).to_have_count(2)
    assert_accessible(page, context="order page with tickets")
    save_screenshots_at_widths(page, "tickets")

    order = SeatOrder.objects.get()
    assert order.status == SeatOrder.Status.PAID
    assert order.tickets.count() == 2
    message = mail.outbox[-1]
    assert message.to == ["ana@example.org"]
    assert [name for name, _content, _type in message.attachments] == [
        "billet-1.png",
        "billet-2.png",
        f"versus-{conference.slug}.ics",
    ]
    page.goto(site_url + conference.url)
    expect(page.get_by_text("48 places restantes.")).to_be_visible()


def test_a_town_hall_books_a_debate_from_quote_to_paid_invoice(
    new_page, site_url, home_page
):
    index = EventIndexPageFactory(parent=home_page)
    offer = ConferenceOfferPageFactory(parent=index)
    UserFactory(
        email="redaction@example.org", verified=True, is_staff=True, is_superuser=True
    )
    town_hall = new_page()

    # The town hall asks for a quote.
    town_hall.goto(site_url + offer.url)
    expect(town_hall.get_by_role("heading", level=1)).to_have_text(offer.title)
    town_hall.get_by_label("Type d'organisme").select_option("local_authority")
    town_hall.get_by_label("Raison sociale").fill("Commune de Saint-Débat")
    town_hall.get_by_label("SIRET").fill("990 123 457 00015")
    town_hall.get_by_label("Adresse de facturation").fill("1 place de la Mairie")
    town_hall.get_by_label("Code postal").fill("35000")
    town_hall.get_by_label("Ville").fill("Rennes")
    town_hall.get_by_label("Nom du contact").fill("Louise Martin")
    town_hall.locator("form", has=town_hall.get_by_label("SIRET")).get_by_label(
        "E-mail"
    ).fill("culture@saint-debat.example")
    town_hall.get_by_label("Téléphone").fill("02 99 00 00 00")
    town_hall.get_by_label(re.compile("bon de commande doit figurer")).check()
    town_hall.get_by_label("Débat contradictoire").check()
    town_hall.get_by_label("Captation vidéo").check()
    town_hall.get_by_label("Date souhaitée").fill("2030-03-12")
    town_hall.get_by_role("button", name="Demander un devis").click()

    # A wrong SIRET: the message sits next to the field and nothing is stored.
    expect(town_hall.locator("#id_siret_error, .errorlist").first).to_contain_text(
        "SIRET"
    )
    assert Booking.objects.count() == 0
    assert_accessible(town_hall, context="quote request form with errors")
    save_screenshots_at_widths(town_hall, "quote-request-errors")
    town_hall.get_by_label("SIRET").fill("990 123 457 00014")
    town_hall.get_by_label("Date souhaitée").fill("2030-03-12")
    town_hall.get_by_role("button", name="Demander un devis").click()
    expect(town_hall.get_by_text("Demandé")).to_be_visible()
    booking = Booking.objects.get()
    booking_url = town_hall.url

    # An editor sends the quote from the admin.
    editor = new_page()
    admin_log_in(editor, site_url, "redaction@example.org")
    editor.goto(site_url + reverse("events_bookings:detail", args=[booking.pk]))
    expect(editor.get_by_text("Commune de Saint-Débat").first).to_be_visible()
    editor.get_by_role("button", name="Envoyer le devis").click()
    expect(editor.get_by_text(re.compile(r"DEV-\d{4}-0001")).first).to_be_visible()

    # The town hall accepts it with its purchase-order number.
    town_hall.goto(booking_url)
    expect(town_hall.get_by_role("heading", name=re.compile("Devis"))).to_be_visible()
    expect(town_hall.get_by_text("2\u202f880,00\u00a0€").first).to_be_visible()
    assert_accessible(town_hall, context="booking page with its quote")
    save_screenshots_at_widths(town_hall, "quote")
    town_hall.get_by_label("Votre numéro de bon de commande").fill("BC-2026-117")
    town_hall.get_by_label(re.compile("J'accepte ce devis")).check()
    town_hall.get_by_role("button", name=re.compile("Accepter")).click()
    expect(town_hall.get_by_text(re.compile(r"FAC-\d{4}-0001")).first).to_be_visible()
    invoice = booking.invoices.get()
    assert any(invoice.number in message.subject for message in mail.outbox)

    # The transfer arrives; the editor records it.
    editor.reload()
    editor.get_by_label("Référence bancaire").fill("VIR MANDAT 2026 117")
    editor.get_by_label("Reçu le").fill(timezone.localdate().isoformat())
    editor.get_by_role("button", name="Enregistrer le paiement").click()
    expect(editor.get_by_text("Payé").first).to_be_visible()

    town_hall.reload()
    expect(town_hall.get_by_text("Payé").first).to_be_visible()
    booking.refresh_from_db()
    assert booking.state == Booking.State.PAID
    assert any("Paiement reçu" in message.subject for message in mail.outbox)
