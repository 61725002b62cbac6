from django.urls import path

from newsroom import views

app_name = "newsroom"

urlpatterns = [
    # Before the profiles: "candidature" would otherwise be taken for an expert's slug.
    path("candidature/", views.apply, name="apply"),
    path("candidature/merci/", views.application_thanks, name="application_thanks"),
    path("<slug:slug>/", views.contributor_detail, name="contributor"),
]
