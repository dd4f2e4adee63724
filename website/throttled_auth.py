"""Sign-in and password reset with limits on guessing (see website.ratelimits).

A sign-in is refused, before the password is checked, when its account or its address
has had too many failed attempts in the last minute; only failures count, so a person
signing in to their own account is not held back by someone else's mistakes on another.
The admin's sign-in uses the same checks (website.admin_login).
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import views as auth
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.http import HttpRequest, HttpResponse

from website import ratelimits
from website.ratelimits import Rule, Throttled, throttled_message


def _login_rules(request: HttpRequest | None, username: str) -> list[tuple[Rule, str]]:
    account = Rule.from_setting("login-account", "RATELIMIT_LOGIN_FAILURES_PER_ACCOUNT")
    address = Rule.from_setting("login-address", "RATELIMIT_LOGIN_FAILURES_PER_ADDRESS")
    rules = [(account, username.strip().casefold())]
    if request is not None:
        rules.append((address, ratelimits.client_address(request)))
    return rules


class ThrottledLoginMixin:
    """For AuthenticationForm subclasses: check the limits first, count the failures."""

    throttled: Throttled | None = None

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        rules = _login_rules(self.request, username)
        try:
            ratelimits.check(rules)
        except Throttled as refusal:
            self.throttled = refusal
            raise forms.ValidationError(throttled_message(refusal.retry_after), code="throttled") from None
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                for rule, identity in rules:
                    ratelimits.count(rule, identity, sliding=True)
            raise
        ratelimits.forget(*rules[0])
        return cleaned


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    """The participants' sign-in form."""


class ThrottledPasswordResetForm(PasswordResetForm):
    """Password reset: every request counts, per e-mail address and per client address."""

    def __init__(self, *args, request: HttpRequest | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.throttled: Throttled | None = None

    def clean(self):
        cleaned = super().clean()
        email = (cleaned.get("email") or "").strip().casefold()
        if not email or self.request is None:
            return cleaned
        rules = [
            (Rule.from_setting("reset-email", "RATELIMIT_PASSWORD_RESETS_PER_EMAIL"), email),
            (
                Rule.from_setting("reset-address", "RATELIMIT_PASSWORD_RESETS_PER_ADDRESS"),
                ratelimits.client_address(self.request),
            ),
        ]
        try:
            ratelimits.check_and_count(rules)
        except Throttled as refusal:
            self.throttled = refusal
            raise forms.ValidationError(throttled_message(refusal.retry_after), code="throttled") from None
        return cleaned


def _refused(response: HttpResponse, form) -> HttpResponse:
    """A form refused by a limit answers 429 with Retry-After; other errors keep their 200."""
    if getattr(form, "throttled", None) is not None:
        response.status_code = 429
        response["Retry-After"] = str(form.throttled.retry_after)
    return response


class ThrottledLoginView(auth.LoginView):
    form_class = ThrottledAuthenticationForm

    def form_invalid(self, form):
        return _refused(super().form_invalid(form), form)


class ThrottledPasswordResetView(auth.PasswordResetView):
    form_class = ThrottledPasswordResetForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        return _refused(super().form_invalid(form), form)
