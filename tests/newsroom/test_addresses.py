"""The memoized reader addresses are the ones reverse() gives, in every language."""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from newsroom.addresses import address, dated_address, slug_address
from newsroom.languages import language_codes

SLUGS = ["world", "klimaat-en-weer", "été_2026", "العالم", "x"]


@pytest.mark.parametrize("code", language_codes())
@pytest.mark.parametrize("slug", SLUGS)
def test_slug_addresses_are_what_reverse_gives(code, slug):
    for name in ("articles:section", "articles:tag", "articles:author", "articles:tag_feed"):
        with translation.override(code):
            expected = reverse(name, kwargs={"slug": slug})
        assert slug_address(name, slug, code) == expected


@pytest.mark.parametrize("code", language_codes())
def test_dated_and_plain_addresses_are_what_reverse_gives(code):
    when = datetime.date(2026, 3, 7)
    with translation.override(code):
        article = reverse(
            "articles:article",
            kwargs={"year": 2026, "month": "03", "day": "07", "slug": "été"},
        )
        home = reverse("articles:home")
    assert dated_address("articles:article", when, "été", code) == article
    assert address("articles:home", code) == home


def test_addresses_follow_the_script_prefix():
    set_script_prefix("/news/")
    try:
        assert slug_address("articles:tag", "climate", "en") == "/news/en/tags/climate/"
    finally:
        set_script_prefix("/")
    assert slug_address("articles:tag", "climate", "en") == "/en/tags/climate/"


def test_a_slug_no_address_takes_is_refused_as_reverse_refuses_it():
    with pytest.raises(NoReverseMatch):
        slug_address("articles:tag", "", "en")
    with pytest.raises(NoReverseMatch):
        slug_address("articles:tag", "a.b", "en")
