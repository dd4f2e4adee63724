"""Admin wiring of practice placements: one menu group with placements and their conversations."""

from wagtail import hooks

from placements.admin_views import placement_viewsets


@hooks.register("register_admin_viewset")
def register_placement_viewsets():
    return placement_viewsets
