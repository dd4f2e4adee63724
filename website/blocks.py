"""The one content StreamBlock shared by page types: one block class per kind of content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

TEXT = _("Text")
MEDIA = _("Media")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        label = _("Heading")
        icon = "title"
        group = TEXT
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "What a peer support worker does", "level": "h2"}
        template = "website/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        label = _("Image")
        icon = "image"
        group = MEDIA
        description = _("An image with alternative text for screen readers and an optional caption.")
        template = "website/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        label = _("Quote")
        icon = "openquote"
        group = TEXT
        description = _("A quotation, for example from a participant, with who said it.")
        preview_value = {
            "quote": "Hope was the first thing I was offered that I could use.",
            "attribution": "A peer support worker",
        }
        template = "website/blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("note", _("Note")), ("tip", _("Tip")), ("important", _("Important"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        label = _("Callout")
        icon = "warning"
        group = TEXT
        description = _("A boxed note, tip or important message set apart from the text.")
        preview_value = {
            "tone": "tip",
            "title": "Before you share your story",
            "text": "<p>Ask yourself whom the story is for.</p>",
        }
        template = "website/blocks/callout.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        label = _("Document download")
        icon = "doc-full"
        group = MEDIA
        description = _("A link to download a document, with its file type and size.")
        template = "website/blocks/document.html"


class VideoBlock(blocks.StructBlock):
    video = blocks.PageChooserBlock(label=_("Video"), page_type="website.VideoPage")

    class Meta:
        label = _("Video")
        icon = "media"
        group = MEDIA
        description = _("A video from the library, shown in the reader's language with its captions.")
        template = "website/blocks/video.html"


class ContentBlocks(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ul", "ol", "h3", "h4"],
        group=TEXT,
        description=_("Running text with links and lists."),
        preview_value="<p>Peer support workers use their own experience of recovery.</p>",
        template="website/blocks/paragraph.html",
    )
    image = FigureBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    document = DocumentDownloadBlock()
    video = VideoBlock()
