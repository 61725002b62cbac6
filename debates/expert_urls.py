"""The citizen experts' public profiles, under /experts/: each lists the expert's
debates, so the debates room serves them."""

from django.urls import path

from debates import views

app_name = "experts"

urlpatterns = [
    path("<slug:slug>/", views.contributor_detail, name="contributor"),
]
