"""The site's languages, and one language's value of a translated field.

Shared by both apps: `articles` and `media` read translated columns (`title_nl`, ...)
the same way, without modeltranslation's fallbacks.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    """The site languages' codes, the default first (as settings.LANGUAGES lists them)."""
    return [code for code, _name in settings.LANGUAGES]


def active_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


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
