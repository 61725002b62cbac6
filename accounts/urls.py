from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("mes-donnees/", views.export_data, name="export"),
    path("supprimer/", views.delete_account, name="delete"),
]
