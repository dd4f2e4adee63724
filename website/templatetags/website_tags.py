from django import template
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page

from website import kept_content
from website.languages import best_translation, translated_name

register = template.Library()


@register.filter
def caption_tracks(video, language: str):
    """A video's caption tracks as (track, is_default) pairs, the reader's language first."""
    return video.caption_tracks(language)


@register.filter
def in_reader_language(page: Page | None, language: str):
    """The live translation of ``page`` a reader of ``language`` should get, or None."""
    if page is None:
        return None
    copies = getattr(page, "reader_copies", {})  # SitePage.get_context looks its body's videos up at once
    if language in copies:
        return copies[language]
    if page.live and page.locale.language_code == language:
        return page  # the reader's own language comes first in every chain: nothing to look up
    best = best_translation(page, language)
    return best.specific if best else None


@register.filter
def language_name(code: str) -> str:
    """The name of a site language in the active language (see ``translated_name``)."""
    return translated_name(code)


class KeptPerGenerationNode(template.Node):
    def __init__(self, name: str, key: template.base.FilterExpression, nodelist: template.NodeList):
        self.name, self.key, self.nodelist = name, key, nodelist

    def render(self, context) -> str:
        key = self.key.resolve(context)
        if not key:  # None, or nothing to resolve (a view's switcher): rendered each time
            return self.nodelist.render(context)
        return mark_safe(  # noqa: S308 (the block's own output, escaped as it rendered)
            kept_content.for_generation(
                f"fragment:{self.name}",
                (key, translation.get_language()),
                lambda: str(self.nodelist.render(context)),
                request=context.get("request"),
            )
        )


@register.tag
def kept_per_generation(parser, token):
    """``{% kept_per_generation "name" key %}...{% endkept_per_generation %}``: the block rendered
    once per content generation, per ``key`` and interface language, and kept (website.kept_content).

    Only for a block that shows nothing but what ``key`` stands for (e.g. ``languages.kept_as``:
    a page's translations) and interface text: never a reader, a form or a nonce. An empty key
    (a draft's, a view's) renders the block every time.
    """
    try:
        _tag, name, key = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("kept_per_generation takes a quoted name and a key.") from None
    if not (name[0] == name[-1] and name[0] in "\"'"):
        raise template.TemplateSyntaxError("kept_per_generation's name must be quoted.")
    nodelist = parser.parse(("endkept_per_generation",))
    parser.delete_first_token()
    return KeptPerGenerationNode(name[1:-1], parser.compile_filter(key), nodelist)
