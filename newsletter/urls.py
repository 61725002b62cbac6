from django.urls import path

from newsletter import feeds, views

app_name = "newsletter"

urlpatterns = [
    path("inscription/", views.signup, name="signup"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("mes-lettres/", views.account_choices, name="account_choices"),
    path("flux.rss", feeds.IssuesFeed(), name="feed"),
]
