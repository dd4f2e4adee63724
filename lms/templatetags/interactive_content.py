from django import template

from lms.content.frame import frame_for

register = template.Library()


@register.simple_tag(takes_context=True)
def interactive_frame(context, block):
    """``{% interactive_frame block as frame %}``: the learner's frame for an interactive block, or None."""
    request = context.get("request")
    page = context.get("page")
    # Outside a lesson (a block preview in the admin) there is no learner to make a grant for.
    if request is None or page is None or getattr(block, "id", None) is None:
        return None
    # serve_lesson has checked that this learner may open this lesson.
    may_open = True if getattr(request, "lesson_opened", None) == page.pk else None
    parent_origin = f"{request.scheme}://{request.get_host()}"
    return frame_for(request.user, page, block.id, parent_origin, may_open=may_open)
