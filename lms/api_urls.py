"""The LMS API alone, as a urlconf: used for the API's 404 answers (see ``LmsNinjaAPI``)."""

from django.urls import path

from lms.api import api

urlpatterns = [path("api/lms/", api.urls)]
