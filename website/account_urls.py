"""Signing in and out, and setting a password, for participants (the admin has its own sign-in)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import views as auth
from django.urls import path, reverse_lazy

from website.forms import EmailOrUsernameAuthenticationForm, FirstPasswordResetForm
from website.throttled_auth import (
    ThrottledLoginMixin,
    ThrottledLoginView,
    ThrottledPasswordResetForm,
    ThrottledPasswordResetView,
)


class SignInForm(ThrottledLoginMixin, EmailOrUsernameAuthenticationForm):
    """Limits on guessing; an e-mail address or a username."""


class PasswordLinkForm(ThrottledPasswordResetForm, FirstPasswordResetForm):
    """Limits on asking; reaches accounts that never had a password (invited and imported people)."""

    def save(self, *args, **kwargs):
        # The link in the e-mail goes to BASE_URL, not to the host and scheme this request came in
        # by (behind a proxy that may be an internal name, or http).
        site = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        kwargs.update(domain_override=site.netloc, use_https=site.scheme == "https")
        return super().save(*args, **kwargs)


urlpatterns = [
    path(
        "login/",
        ThrottledLoginView.as_view(redirect_authenticated_user=True, form_class=SignInForm),
        name="login",
    ),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path(
        "password/reset/",
        ThrottledPasswordResetView.as_view(
            success_url=reverse_lazy("password_reset_done"), form_class=PasswordLinkForm
        ),
        name="password_reset",
    ),
    path("password/reset/sent/", auth.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(success_url=reverse_lazy("password_reset_complete")),
        name="password_reset_confirm",
    ),
    path("password/reset/done/", auth.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
