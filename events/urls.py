from django.urls import path

from events.views import bookings, seats

app_name = "events"

urlpatterns = [
    path("commande/<str:key>/", seats.order, name="order"),
    path("paiement-demo/<str:token>/", seats.demo_checkout, name="demo_checkout"),
    path("billet/<str:code>/", seats.ticket, name="ticket"),
    path("reservation/<str:key>/", bookings.booking, name="booking"),
    path(
        "reservation/<str:key>/devis/<str:number>/",
        bookings.quote_pdf,
        name="quote_pdf",
    ),
    path(
        "reservation/<str:key>/facture/<str:number>/",
        bookings.invoice_pdf,
        name="invoice_pdf",
    ),
]
