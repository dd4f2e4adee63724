from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    """Group supervision of peer workers: groups, sessions, attendance, notes and certificates."""

    name = "supervision"
    verbose_name = _("Group supervision")

    def ready(self) -> None:
        # Supervision certificates are printed with their own layout (hours, period, topics),
        # wherever they are downloaded from, including the learner's list of certificates.
        from lms.certificate_pdf import register_layout
        from lms.models import CertificateKind
        from supervision.certificate_pdf import render_supervision_pdf

        register_layout(CertificateKind.SUPERVISION, render_supervision_pdf)

        from lms.privacy import register_export_section
        from supervision.privacy import supervision_export

        register_export_section("supervision", supervision_export)
