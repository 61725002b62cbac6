from django.urls import path

from debates.polls import views

app_name = "polls"

urlpatterns = [
    path("propositions/", views.proposals, name="proposals"),
    path("propositions/proposer/", views.propose, name="propose"),
    path("propositions/<id:pk>/soutien/", views.support, name="support"),
    path("avis/sondage/<id:pk>/", views.vote, name="vote"),
]
