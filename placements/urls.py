"""Practice placements on the site, under /<language>/placements/."""

from django.urls import path

from placements import views

app_name = "placements"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("new/", views.placement_create, name="create"),
    path("<int:placement_id>/", views.placement_detail, name="placement"),
    path("<int:placement_id>/edit/", views.placement_edit, name="edit"),
    path("<int:placement_id>/conversations/<int:number>/", views.conversation_record, name="record"),
    path("<int:placement_id>/conversations/<int:number>/my-part/", views.conversation_part, name="part"),
]
