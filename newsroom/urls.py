from django.urls import path

from newsroom import views

app_name = "newsroom"

urlpatterns = [
    path("<slug:slug>/", views.contributor_detail, name="contributor"),
]
