from django.urls import path

from newsroom import views

app_name = "editions"

urlpatterns = [
    path("", views.edition_list, name="list"),
    path("<id:number>/", views.edition_detail, name="detail"),
    path("<id:number>/pdf/", views.edition_pdf, name="pdf"),
]
