from django.urls import path

from debates import views

app_name = "debates"

urlpatterns = [
    path("verdict/<id:page_id>/", views.give_verdict, name="verdict"),
    path("reaction/<id:page_id>/", views.post_reaction, name="reaction"),
]
