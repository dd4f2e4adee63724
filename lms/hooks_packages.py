"""Admin wiring of interactive content: the package library as a snippet, and its delete guard."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from lms.admin_packages import InteractivePackageViewSet
from lms.models import InteractivePackage

register_snippet(InteractivePackageViewSet)


@hooks.register("before_delete_snippet")
def keep_packages_with_attempts(request, instances):
    """Learners' SCORM attempts keep their package (PROTECT): say so instead of failing."""
    packages = [instance for instance in instances if isinstance(instance, InteractivePackage)]
    kept = [package for package in packages if package.attempts.exists()]
    if not kept:
        return None
    messages.error(
        request,
        ngettext(
            "%(titles)s cannot be deleted: learners have SCORM attempts at it. Upload a new file "
            "to it instead.",
            "%(titles)s cannot be deleted: learners have SCORM attempts at them. Upload new files "
            "to them instead.",
            len(kept),
        )
        % {"titles": ", ".join(str(package) for package in kept)},
    )
    return redirect(InteractivePackage.snippet_viewset.get_url_name("list"))
