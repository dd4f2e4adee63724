from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What an operator watches and the task worker needs: heartbeats, recovery, the queue, health."""

    name = "operations"
    verbose_name = _("Operations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from operations import checks  # noqa: F401 -- registers the deployment checks
