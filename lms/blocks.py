"""The learning blocks a lesson is made of: text, library material, tracked videos and knowledge checks.

Block ids are kept by wagtail-localize in every translation, so ``<block type>:<id>``
names the same activity in every language.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

LEARNING = _("Learning")


class PackageChooserBlock(SnippetChooserBlock):
    """The package an interactive block chose, kept per content generation (website.kept_content):
    every lesson page asked the database for it again. A package's save or deletion starts a new
    generation (lms.content.choice)."""

    def __init__(self, **kwargs):
        super().__init__("lms.InteractivePackage", **kwargs)

    def deconstruct(self):
        # As the plain chooser it is in the migrations: what is stored does not change.
        _path, _args, kwargs = super().deconstruct()
        return "wagtail.snippets.blocks.SnippetChooserBlock", ("lms.InteractivePackage",), kwargs

    def bulk_to_python(self, values):
        from website import kept_content

        ids = tuple(values)
        chosen = super().bulk_to_python
        return kept_content.for_generation("chosen packages", ids, lambda: chosen(list(ids)))


class LibraryMaterialBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        label=_("Material or video"), page_type=["website.MaterialPage", "website.VideoPage"]
    )

    class Meta:
        label = _("Material from the library")
        icon = "doc-full-inverse"
        group = LEARNING
        description = _("A page from the shared library, shown in the lesson in the learner's language.")
        template = "lms/blocks/library_material.html"


class TrackedVideoBlock(blocks.StructBlock):
    video = blocks.PageChooserBlock(label=_("Video"), page_type="website.VideoPage")

    class Meta:
        label = _("Video with watch tracking")
        icon = "media"
        group = LEARNING
        description = _("A library video whose watched share counts towards the lesson.")
        template = "lms/blocks/tracked_video.html"

    def clean(self, value):
        value = super().clean(value)
        video = value.get("video")
        if video is not None and not video.specific.video_file_id:
            raise StructBlockValidationError(
                block_errors={
                    "video": ValidationError(
                        _("Only uploaded video files can be tracked; this video is an embedded link.")
                    )
                }
            )
        return value


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("Feedback"), max_length=500, required=False, help_text=_("Shown when this answer is chosen.")
    )


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind of question"),
        choices=[
            ("single", _("Single choice")),
            ("multiple", _("Multiple choice")),
            ("true_false", _("True or false")),
        ],
        default="single",
    )
    prompt = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(AnswerOptionBlock(), label=_("Answers"), required=False, default=[])
    statement_is_true = blocks.BooleanBlock(
        label=_("The statement is true"), required=False, help_text=_("For true-or-false questions.")
    )
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_("Shown after answering, or once the check is passed: the check's setting decides."),
    )

    def clean(self, value):
        value = super().clean(value)
        kind, options = value["kind"], value["options"]
        correct = [option for option in options if option["correct"]]
        message = None
        if kind in ("single", "multiple") and len(options) < 2:
            message = _("Give at least two answers to choose from.")
        elif kind == "single" and len(correct) != 1:
            message = _("A single-choice question has exactly one correct answer.")
        elif kind == "multiple" and not correct:
            message = _("Mark at least one answer as correct.")
        elif kind == "true_false" and options:
            message = _(
                "A true-or-false question has no answers to list; tick whether the statement is true."
            )
        if message:
            raise StructBlockValidationError(block_errors={"options": ValidationError(message)})
        return value


class KnowledgeCheckBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        min_value=0,
        max_value=100,
        default=80,
        help_text=_("Share of questions right."),
    )
    explanations = blocks.ChoiceBlock(
        label=_("Show explanations"),
        choices=[
            ("once_passed", _("Only once the check is passed")),
            ("always", _("After every attempt")),
        ],
        default="once_passed",
        help_text=_("Explanations usually tell the right answer; shown at once, they give it away."),
    )

    class Meta:
        label = _("Knowledge check")
        icon = "tick-inverse"
        group = LEARNING
        description = _("Questions with feedback; passing them can complete the lesson.")
        template = "lms/blocks/knowledge_check.html"


class InteractiveContentBlock(blocks.StructBlock):
    """An H5P or SCORM package; each reader gets the package in their language where there is one."""

    package = PackageChooserBlock(label=_("Package"))
    max_attempts = blocks.IntegerBlock(
        label=_("Most attempts"),
        min_value=0,
        max_value=100,
        default=0,
        required=False,
        help_text=_("For SCORM: how many attempts a learner may start. 0 for no limit."),
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        min_value=1,
        max_value=100,
        default=100,
        required=False,
        help_text=_(
            "For H5P content that reports a score without saying whether it was passed: "
            "the share of the maximum score that passes."
        ),
    )

    class Meta:
        label = _("Interactive content (H5P or SCORM)")
        icon = "form"
        group = LEARNING
        description = _("An uploaded H5P exercise or SCORM package; its results count towards the lesson.")
        template = "lms/blocks/interactive_content.html"

    def clean(self, value):
        value = super().clean(value)
        package = value.get("package")
        if package is not None and not package.ready:
            raise StructBlockValidationError(
                block_errors={
                    "package": ValidationError(
                        _("This package is not ready: %(status)s") % {"status": package.get_status_display()}
                    )
                }
            )
        return value


class LessonBlocks(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ul", "ol", "h3", "h4"],
        group=LEARNING,
        description=_("Running text with links and lists."),
        preview_value="<p>In this lesson you meet the people you will work with.</p>",
        template="website/blocks/paragraph.html",
    )
    library_material = LibraryMaterialBlock()
    tracked_video = TrackedVideoBlock()
    knowledge_check = KnowledgeCheckBlock()
    interactive = InteractiveContentBlock()
