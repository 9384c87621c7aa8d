"""A rich-text field the user may not change, shown as the story it is (issue 8, polish 1).

Django's read-only display prints a field's value as escaped text, so a translator read the
source body as a wall of `<p>` and `<figure data-placement=…>` tags. Here the body is shown
as readers would read it: sanitized again (the value may come from a pending change), with
its headings, quotes and lists, each placed item as a labelled box ("[Picture: alt text]"),
and the language's `lang` and `dir` on the box around it.

Django's AdminReadonlyField renders a form field's widget when the widget says `read_only`
(as contrib.auth's password hash does); ReadOnlyTextFormMixin adds such a field, disabled,
for each read-only rich-text field, so nothing of it is ever posted or saved.
"""

import re

import nh3
from django import forms
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django_prose_editor.fields import ProseEditorField

from media.models import Embed, Image
from newsroom.languages import language_codes, reader_text, text_direction

from .. import body as body_references

_COLUMN = re.compile(r"^(?P<base>\w+?)_(?P<code>[a-z]{2}(?:_[a-z]+)?)$")

# What the body editor can make (articles.models.BODY_EXTENSIONS), and nothing else: the
# placed items' <figure> references are replaced by their boxes before this runs.
_TAGS = {"p", "h2", "h3", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "br"}
_ATTRIBUTES = {"a": {"href"}, "div": {"class"}, "span": {"class", "lang", "dir"}}


def language_of(name: str) -> str | None:
    """The language of a translated column's name ("body_nl" → "nl"), or None."""
    match = _COLUMN.match(name)
    if match and match["code"] in language_codes():
        return match["code"]
    return None


def item_label(article, key: str, language: str) -> str:
    """The box that stands for placed item `key` in `language`'s text: what it is and its
    alt text (a picture) or title (a video), marked when in another language."""
    placement = None
    if article is not None and article.pk is not None:
        placement = next((p for p in article.placements.all() if p.key == key), None)
    parsed = body_references.parse_key(key)
    if placement is not None:
        item = placement.image or placement.embed
    elif parsed is not None:
        model = Image if parsed[0] == "image" else Embed
        item = model.objects.filter(pk=parsed[1]).first()
    else:
        item = None
    if isinstance(item, Image):
        kind, text = gettext("Picture"), reader_text(item, "alt_text", language=language)
    elif isinstance(item, Embed):
        text = reader_text(item, "title", language=language)
        kind, text = gettext("Video or link"), text or item.url
    else:
        kind, text = gettext("Missing item"), key
    return format_html(
        '<div class="nr-rendered__item">[{}: {}]</div>',
        kind,
        text.plain if hasattr(text, "plain") else text,
    )


def render_body(html: str, *, article, language: str) -> str:
    """`html` (a body) as safe HTML to read: sanitized, placed items as labelled boxes."""
    html = html or ""
    boxes = {}

    def box(match):
        marker = f"nrplacedbox{len(boxes)}"
        boxes[marker] = item_label(article, match[1], language)
        return f"<p>{marker}</p>"

    html = body_references.REFERENCE.sub(box, html)
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    for marker, label in boxes.items():
        clean = clean.replace(f"<p>{marker}</p>", label)
    if not clean.strip() or clean.strip() == "<p></p>":
        return mark_safe('<div class="nr-rendered nr-rendered--empty">–</div>')
    return format_html(
        '<div class="nr-rendered" lang="{}" dir="{}">{}</div>',
        language,
        text_direction(language),
        mark_safe(clean),  # noqa: S308 (cleaned by nh3 above; the boxes are format_html)
    )


class RenderedText(forms.Widget):
    """Shows a rich-text value as the story (render_body); never an input."""

    read_only = True  # AdminReadonlyField renders this widget instead of escaped text

    def __init__(self, *, article=None, language: str = "", attrs=None):
        super().__init__(attrs)
        self.article = article
        self.language = language

    def render(self, name, value, attrs=None, renderer=None):
        return render_body(value, article=self.article, language=self.language)


def is_rich_text(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 (a method or a form-only name: not rich text)
        return False
    return isinstance(field, ProseEditorField)


class ReadOnlyTextFormMixin:
    """ModelForm mixin: every rich-text field in `read_only_text` (names) is shown rendered
    (a disabled field whose widget is RenderedText; ModelAdmin leaves it out of the model
    form's fields, so it is never saved)."""

    read_only_text = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.read_only_text:
            self.fields[name] = forms.CharField(
                required=False,
                disabled=True,
                widget=RenderedText(article=self.instance, language=language_of(name) or ""),
            )
