"""Reader addresses built from each URL's reversed form, memoized per language.

A listing of twenty stories, the section navigation and the article page's links ask for
dozens of addresses per request; reverse() costs about as much as the rest of a link's
markup. Each URL name is reversed once per language, script prefix and URL configuration
with a placeholder, and its address is that form with the slug (and date) put in: the same
string reverse() gives, percent-encoded the same way. A per-process memo of what the URL
configuration and settings fix, not of anything a request reads from the database.
"""

import re
from urllib.parse import quote

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

# What reverse() leaves unescaped in a path (django.urls.resolvers).
_SAFE = RFC3986_SUBDELIMS + "/~:@"
# A slug every pattern of ours accepts ([-\w]+); anything else goes through reverse(),
# which refuses it as before.
_SLUG = re.compile(r"[-\w]+")
_PLACEHOLDER = "newsroom-slug-placeholder"
_DATE = {"year": "1999", "month": "12", "day": "31"}

_forms: dict[tuple, tuple[str, str] | None] = {}


def _form(name: str, language: str, dated: bool) -> tuple[str, str] | None:
    """(before, after) the slug in the address of `name` in `language`, or None when the
    reversed address does not have that simple shape (then reverse() answers each time)."""
    key = (name, language, dated, get_script_prefix(), get_urlconf())
    if key not in _forms:
        kwargs = {**(_DATE if dated else {}), "slug": _PLACEHOLDER}
        with translation.override(language):
            url = reverse(name, kwargs=kwargs)
        before, found, after = url.partition(_PLACEHOLDER)
        tail = "1999/12/31/" if dated else ""
        form = None
        if found and _PLACEHOLDER not in after and before.endswith(tail):
            form = (before[: len(before) - len(tail)], after)
        _forms[key] = form
    return _forms[key]


def address(name: str, language: str) -> str:
    """The address of the URL named `name` (without arguments) in `language`."""
    key = (name, language, None, get_script_prefix(), get_urlconf())
    if key not in _forms:
        with translation.override(language):
            _forms[key] = (reverse(name), "")
    return _forms[key][0]


def slug_address(name: str, slug: str, language: str) -> str:
    """The address of the URL named `name` with `slug`, in `language`: reverse(name,
    kwargs={"slug": slug}) under translation.override(language), without its cost."""
    form = _form(name, language, dated=False)
    if form is None or not _SLUG.fullmatch(slug):
        with translation.override(language):
            return reverse(name, kwargs={"slug": slug})
    return f"{form[0]}{quote(slug, safe=_SAFE)}{form[1]}"


def dated_address(name: str, when, slug: str, language: str) -> str:
    """The address of a dated URL (year, month, day and slug) in `language`."""
    form = _form(name, language, dated=True)
    if form is None or not _SLUG.fullmatch(slug):
        kwargs = {
            "year": when.year,
            "month": f"{when.month:02d}",
            "day": f"{when.day:02d}",
            "slug": slug,
        }
        with translation.override(language):
            return reverse(name, kwargs=kwargs)
    return (
        f"{form[0]}{when.year:04d}/{when.month:02d}/{when.day:02d}/"
        f"{quote(slug, safe=_SAFE)}{form[1]}"
    )


def _forget(**kwargs):
    # Tests that change the URL configuration or the languages get fresh forms.
    _forms.clear()


setting_changed.connect(_forget)
