from django.urls import path

from newsroom import views

app_name = "newsroom"

urlpatterns = [
    # Included before the experts' profiles, which share /experts/ (config.urls):
    # "candidature" would otherwise be taken for an expert's slug.
    path("candidature/", views.apply, name="apply"),
    path("candidature/merci/", views.application_thanks, name="application_thanks"),
]
