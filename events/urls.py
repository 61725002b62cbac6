from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("commande/<str:key>/", views.order, name="order"),
    path("paiement-demo/<str:token>/", views.demo_checkout, name="demo_checkout"),
    path("billet/<str:code>/", views.ticket, name="ticket"),
    path("reservation/<str:key>/", views.booking, name="booking"),
    path(
        "reservation/<str:key>/devis/<str:number>/", views.quote_pdf, name="quote_pdf"
    ),
    path(
        "reservation/<str:key>/facture/<str:number>/",
        views.invoice_pdf,
        name="invoice_pdf",
    ),
]
