"""The public check of certificates at /verify/<code>/, outside the language prefix."""

from django.urls import path

from lms.views import certificates
from website.ratelimits import throttle_by_address

# Guessing codes is slowed down per address; a real check is one or two requests.
_throttled = throttle_by_address("verify", "RATELIMIT_VERIFY_PER_ADDRESS")

app_name = "verify"

urlpatterns = [
    path("", _throttled(certificates.verify_form), name="form"),
    path("<str:code>/", _throttled(certificates.verify), name="certificate"),
]
