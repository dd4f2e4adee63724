"""Download and upload of a translation's PO file, in place of wagtail-localize's own views.

The translation editor's "Download PO file" / "Upload PO file" post to these URLs (same
paths, matched first), so every upload goes through ``website.po_files``' checks.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from website.po_files import PoImportError, export_po, import_po, po_filename


def _translation_for(request: HttpRequest, translation_id: int) -> Translation:
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    return translation


def download_po(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = _translation_for(request, translation_id)
    response = HttpResponse(
        str(export_po(translation)), content_type="text/x-gettext-translation; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{po_filename(translation)}"'
    return response


@require_POST
def upload_po(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = _translation_for(request, translation_id)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
    else:
        try:
            result = import_po(translation, upload.read(), user=request.user)
        except PoImportError as error:
            messages.error(
                request,
                _("The PO file was not imported, nothing was changed: %(problems)s")
                % {"problems": " ".join(error.problems)},
            )
        else:
            messages.success(
                request,
                ngettext(
                    "Imported %(count)s translated string into “%(page)s”.",
                    "Imported %(count)s translated strings into “%(page)s”.",
                    result.translated,
                )
                % {"count": result.translated, "page": get_latest_str(translation.get_target_instance())},
            )
            if result.skipped:
                messages.warning(
                    request,
                    _("Skipped strings the page no longer has: %(strings)s")
                    % {"strings": "; ".join(s[:60] for s in result.skipped[:10])},
                )
    return redirect(get_valid_next_url_from_request(request) or translation.get_target_instance_edit_url())
