"""The public check of certificates at /verify/<code>/, outside the language prefix."""

from django.urls import path

from lms.views import certificates

app_name = "verify"

urlpatterns = [
    path("", certificates.verify_form, name="form"),
    path("<str:code>/", certificates.verify, name="certificate"),
]
