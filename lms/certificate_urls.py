"""The learner's certificates, under each language's prefix (/en/certificates/, ...)."""

from django.urls import path

from lms.views import certificates

app_name = "certificates"

urlpatterns = [
    path("", certificates.certificate_list, name="list"),
    path("courses/<uuid:course_key>/", certificates.course_certificate, name="course"),
    path("<str:code>/", certificates.download, name="download"),
]
