"""The site's languages, one language's value of a translated field, and the fallback policy.

Shared by both apps: `articles` and `media` read translated columns (`title_nl`, ...)
the same way, without modeltranslation's fallbacks. Where a reader page shows a text in
another language than the reader's, it does so through `reader_text()`: one policy, marked.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext, gettext_lazy
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    """The site languages' codes, the default first (as settings.LANGUAGES lists them)."""
    return [code for code, _name in settings.LANGUAGES]


def active_language() -> str:
    """The language of the request or override in force, else the default language.

    A regional variant of a site language ("nl-be") is that language: its columns and
    addresses are the site language's. The one place that reads a language code's parts.
    """
    code = translation.get_language() or settings.LANGUAGE_CODE
    if code not in language_codes():
        base = code.split("-")[0]
        if base in language_codes():
            return base
    return code


def language_order(language: str, original: str | None = None) -> list[str]:
    """`language` first, then `original` (when given), then the default, then the others."""
    order = [language, original or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE]
    order += language_codes()
    return list(dict.fromkeys(order))


def column(field: str, language: str) -> str:
    """The name of one language's column of a translated field: column("title", "nl")."""
    return build_localized_fieldname(field, language)


def columns(*fields: str) -> list[str]:
    """Every language's columns of the given translated fields."""
    return [column(field, code) for field in fields for code in language_codes()]


def localized(instance, field: str, language: str | None = None) -> str:
    """The value of a translated field in one language (the active one by default), or ""."""
    return getattr(instance, column(field, language or active_language()), None) or ""


def language_name(code: str) -> str:
    """The language's name as settings.LANGUAGES gives it, translated for the reader."""
    return str(dict(settings.LANGUAGES).get(code, code))


def text_direction(code: str) -> str:
    """ "rtl" or "ltr": what to put in a `dir` attribute for text in this language."""
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


# The visible mark on a text shown in another language than the reader's, in the reader's
# language. One phrase per language: a phrase built around the language's name does not
# translate word for word ("in het Engels", "en anglais", "auf Englisch").
FALLBACK_MARKERS = {
    "en": gettext_lazy("(in English)"),
    "nl": gettext_lazy("(in Dutch)"),
    "de": gettext_lazy("(in German)"),
    "fr": gettext_lazy("(in French)"),
    "ar": gettext_lazy("(in Arabic)"),
}


def fallback_marker(code: str) -> str:
    """ "(in English)" for text in `code`, said in the active language."""
    if code in FALLBACK_MARKERS:
        return str(FALLBACK_MARKERS[code])
    return gettext("(in %(language)s)") % {"language": language_name(code)}


@dataclass(frozen=True)
class ReaderText:
    """A translated field's text as a reader is shown it, and the language it is in.

    `fallback` is True when the text is not in the reader's language. As a string (so
    `{{ text }}` in a template) it is safe HTML, marked when it is a fallback: the text in a
    span with its own `lang` and `dir`, then the visible marker in the reader's language
    ("(in het Engels)"). In an attribute, where no marker fits, use `{{ text.text }}` and put
    `{{ text.lang }}` on the element.
    """

    text: str = ""
    language: str = ""
    fallback: bool = False

    def __bool__(self) -> bool:
        return bool(self.text)

    def __str__(self) -> str:
        return self.__html__()

    @property
    def lang(self) -> str:
        """The `lang` attribute the text needs: its language when that is not the page's."""
        return self.language if self.fallback else ""

    @property
    def marker(self) -> str:
        return fallback_marker(self.language) if self.fallback else ""

    @property
    def plain(self) -> str:
        """The text for plain-text places (a feed's title, a select's option): a fallback
        carries its marker in words, "Klimaat" or "Climate (in het Engels)"."""
        return f"{self.text} {self.marker}" if self.fallback else self.text

    @property
    def native(self) -> str:
        """The text only when it is in the reader's language, else "": for places where a
        marker does not fit and leaving the text out is safe (structured data, meta tags)."""
        return "" if self.fallback else self.text

    def __html__(self) -> str:
        if not self.fallback:
            return conditional_escape(self.text)
        return format_html(
            '<span lang="{}" dir="{}" class="fallback">{}</span> '
            '<span class="fallback-marker">{}</span>',
            self.language,
            text_direction(self.language),
            self.text,
            self.marker,
        )


def reader_text(
    instance, field: str, *, original: str | None = None, language: str | None = None
) -> ReaderText:
    """What a reader of `language` (the active one by default) is shown of a translated field.

    The one fallback policy of the reader pages: the text in the reader's language; else the
    original's (`original`: an article's source language; the default language when None);
    else any language's. A fallback is marked (ReaderText renders its `lang` and a visible,
    localized marker). Empty only when no language has text, so a content warning written
    in any language warns every reader.
    """
    language = language or active_language()
    for code in language_order(language, original):
        if text := localized(instance, field, code):
            return ReaderText(text, code, fallback=code != language)
    return ReaderText(language=language)
