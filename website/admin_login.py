"""Wagtail admin's sign-in form with the site's limits on guessing (WAGTAILADMIN_USER_LOGIN_FORM).

Kept apart from website.throttled_auth so that module imports nothing from Wagtail's admin.
"""

from wagtail.admin.forms.auth import LoginForm

from website.throttled_auth import ThrottledLoginMixin


class ThrottledAdminLoginForm(ThrottledLoginMixin, LoginForm):
    """Wagtail admin's sign-in form: refused while its account or address is blocked."""
