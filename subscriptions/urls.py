from django.urls import path

from subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.pricing, name="pricing"),
    path("commander/<id:plan_id>/", views.checkout, name="checkout"),
    path("demo/<str:token>/", views.demo_checkout, name="demo_checkout"),
    path("bienvenue/", views.welcome, name="welcome"),
    path("mon-abonnement/", views.account, name="account"),
    path("resilier/", views.cancel, name="cancel"),
    path("reprendre/", views.resume, name="resume"),
    path("moyen-de-paiement/", views.portal, name="portal"),
]
