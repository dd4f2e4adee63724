from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from operations.views import task_queue_view


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def task_queue_urls():
    return [path("reports/task-queue/", task_queue_view, name="task_queue")]


@hooks.register("register_reports_menu_item")
def task_queue_menu_item():
    return SuperuserMenuItem(_("Task queue"), reverse("task_queue"), name="task-queue", icon_name="cogs")
