"""The page frame every reader page shares (newsroom.pages), used without any app's views."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation

from newsroom.languages import language_codes
from newsroom.pages import (
    LANG_SWITCH,
    language_switcher,
    listing_page,
    page_links,
    page_urls,
    paginate,
    redirect_permanently,
    render_page,
)

ROOT = Path(settings.BASE_DIR)
HOMES = {"en": "/en/", "nl": "/nl/", "de": "/de/", "fr": "/fr/", "ar": "/ar/"}


def test_page_urls_reverse_a_named_page_in_every_language():
    assert page_urls("articles:home") == HOMES
    slugs = {code: {"slug": f"world-{code}"} for code in HOMES}
    assert page_urls("articles:section", slugs)["nl"] == "/nl/sections/world-nl/"


def test_switcher_links_every_language_and_marks_the_missing_and_the_current():
    urls = {**HOMES, "fr": None}

    items = {item["code"]: item for item in language_switcher(urls, "nl")}

    assert list(items) == language_codes()
    assert items["de"]["url"] == f"/de/?{LANG_SWITCH}"
    assert items["fr"]["url"] is None
    assert items["nl"]["current"] == "page" and items["en"]["current"] == ""
    assert items["ar"]["dir"] == "rtl" and items["de"]["name"] == "Deutsch"


def test_switcher_leading_elsewhere_marks_the_current_language_true_not_page():
    items = language_switcher(HOMES, "de", same_page=False)

    assert [item["current"] for item in items] == ["", "", "true", "", ""]


def test_page_links_give_canonical_alternates_and_x_default():
    request = RequestFactory().get("/nl/")
    urls = {**HOMES, "fr": None}

    with translation.override("nl"):
        links = page_links(request, urls, x_default="en")

    assert links["canonical_url"] == "http://testserver/nl/"
    assert [(a["hreflang"], a["href"]) for a in links["alternates"]] == [
        ("en", "http://testserver/en/"),
        ("nl", "http://testserver/nl/"),
        ("de", "http://testserver/de/"),
        ("ar", "http://testserver/ar/"),
        ("x-default", "http://testserver/en/"),
    ]


def test_page_two_is_its_own_canonical_without_alternates():
    request = RequestFactory().get("/nl/?page=2")

    with translation.override("nl"):
        links = page_links(request, HOMES, x_default="en", page_number=2)

    assert links["canonical_url"] == "http://testserver/nl/?page=2"
    assert links["alternates"] == []


@pytest.mark.django_db
def test_a_switcher_link_stores_the_language_and_is_not_cached():
    factory = RequestFactory()

    with translation.override("de"):
        switched = render_page(factory.get(f"/de/?{LANG_SWITCH}"), "404.html", {})
        plain = render_page(factory.get("/de/"), "404.html", {})

    assert switched.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    assert "no-store" in switched["Cache-Control"]
    assert settings.LANGUAGE_COOKIE_NAME not in plain.cookies
    assert not plain.has_header("Cache-Control")


def test_permanent_redirect_keeps_the_query_string():
    request = RequestFactory().get(f"/nl/old/?{LANG_SWITCH}")

    response = redirect_permanently(request, "/nl/new/")

    assert response.status_code == 301
    assert response["Location"] == f"/nl/new/?{LANG_SWITCH}"


@pytest.mark.parametrize(("query", "number"), [("", 1), ("?page=2", 2), ("?page=3", 3)])
def test_paginate_gives_the_asked_page(settings, query, number):
    settings.NEWSROOM_PAGE_SIZE = 2

    page = paginate(RequestFactory().get(f"/en/{query}"), list(range(5)))

    assert page.number == number
    assert list(page.object_list) == list(range(5))[(number - 1) * 2 : number * 2]


@pytest.mark.parametrize("query", ["?page=4", "?page=0", "?page=two"])
def test_a_page_number_that_is_no_page_is_not_found(settings, query):
    settings.NEWSROOM_PAGE_SIZE = 2

    with pytest.raises(Http404):
        paginate(RequestFactory().get(f"/en/{query}"), list(range(5)))


@pytest.mark.parametrize(
    ("query", "items", "has_next"),
    [("", [0, 1], True), ("?page=2", [2, 3], True), ("?page=3", [4], False)],
)
def test_a_listing_page_knows_an_older_page_follows_without_counting(
    settings, query, items, has_next
):
    settings.NEWSROOM_PAGE_SIZE = 2

    page = listing_page(RequestFactory().get(f"/en/{query}"), list(range(5)))

    assert page.object_list == items
    assert page.has_next is has_next
    assert page.has_previous is (page.number > 1)


@pytest.mark.parametrize(
    "query", ["?page=4", "?page=0", "?page=two", "?page=²", "?page=" + "9" * 40]
)
def test_a_listing_page_number_that_is_no_page_is_not_found(settings, query):
    settings.NEWSROOM_PAGE_SIZE = 2

    with pytest.raises(Http404):
        listing_page(RequestFactory().get(f"/en/{query}"), list(range(5)))


def test_an_empty_listing_still_has_its_first_page(settings):
    page = listing_page(RequestFactory().get("/en/"), [])

    assert page.object_list == [] and not page.has_other_pages


def test_the_project_package_imports_no_apps_views():
    """The frame is the project's: newsroom/ never reaches into an app's views module."""
    for module in (ROOT / "newsroom").glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {
            a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names
        }
        app_views = {
            name
            for name in imported
            if name and name.split(".")[0] in ("articles", "media") and "views" in name
        }
        assert app_views == set(), module.name
