"""Forms of the public site."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, _unicode_ci_compare
from django.utils.translation import gettext_lazy as _


class LocalInformationForm(forms.Form):
    """What a partner institution prints in a brochure's local information area.

    Nothing is stored: the form only fills in the printable copy.
    """

    organisation = forms.CharField(label=_("Your organisation"), max_length=120)
    contact = forms.CharField(label=_("Contact person, phone and e-mail"), max_length=200, required=False)
    address = forms.CharField(label=_("Address and opening hours"), max_length=200, required=False)
    message = forms.CharField(
        label=_("Local information"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example where peer support workers in your service can be met."),
    )


class EmailOrUsernameAuthenticationForm(AuthenticationForm):
    """Sign in with an e-mail address or a username.

    Accounts from a cohort's CSV have their address as username; accounts made by hand
    often do not. An address that belongs to exactly one active account signs in as
    that account; anything else is tried as a username, so the error never says which.
    """

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mail address or username")
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean_username(self) -> str:
        # Resolved before clean(), so what checks the password (and counts failures) sees one name.
        typed = (self.cleaned_data.get("username") or "").strip()
        if "@" in typed:
            return username_for_address(typed) or typed
        return typed


def username_for_address(typed: str) -> str | None:
    """The username of the one active account whose username or address is ``typed``."""
    users = get_user_model().objects.filter(is_active=True)
    by_username = users.filter(username__iexact=typed)
    if by_username.count() == 1:
        return by_username.get().get_username()
    by_email = users.filter(email__iexact=typed)
    if by_email.count() == 1:
        return by_email.get().get_username()
    return None


class FirstPasswordResetForm(PasswordResetForm):
    """Password reset that also reaches accounts that have never had a password.

    Django's form leaves out accounts with an unusable password (meant for accounts
    managed elsewhere); here those are the invited and imported participants, who set
    their first password this way. Inactive accounts are still left out.
    """

    def get_users(self, email):
        email_field = get_user_model().get_email_field_name()
        users = get_user_model()._default_manager.filter(
            **{f"{email_field}__iexact": email, "is_active": True}
        )
        # Django's own comparison, so addresses that only match after case folding tricks do not.
        return (user for user in users if _unicode_ci_compare(getattr(user, email_field), email))
