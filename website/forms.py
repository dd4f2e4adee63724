"""Forms of the public site."""

from django import forms
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
