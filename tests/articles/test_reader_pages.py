"""The article page as a reader expects it: related stories, previous and next in the
section, reading time, anchors on subheadings, the print stylesheet, and the 404 that
points to the story's other language versions."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation

from articles import selectors, services
from articles.models import Article, Section
from articles.templatetags.articles_tags import reading_minutes, subheading_anchors
from tests import factories

pytestmark = pytest.mark.django_db


def ago(hours):
    return timezone.now() - timedelta(hours=hours)


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status
    return response.content.decode()


# -- Related stories --


def test_related_stories_share_tags_most_shared_first_and_stop_at_four():
    a, b = factories.tag(), factories.tag()
    article = factories.article(tags=[a, b])
    both = factories.article(tags=[a, b], published_at=ago(5))
    ones = [factories.article(tags=[a], published_at=ago(h)) for h in (2, 3, 4, 6)]
    factories.article(tags=[factories.tag()])  # shares nothing

    related = selectors.related_articles(article, "en")

    assert related == [both, *ones[:3]]


def test_related_stories_are_only_those_visible_in_that_language():
    tag = factories.tag()
    article = factories.article(languages=("en", "nl"), tags=[tag])
    english_only = factories.article(languages=("en",), tags=[tag])
    dutch = factories.article(languages=("en", "nl"), tags=[tag], published_at=ago(3))
    factories.article(languages=("en", "nl"), tags=[tag], published=False)
    factories.article(
        languages=("en", "nl"), tags=[tag], published_at=timezone.now() + timedelta(days=1)
    )

    assert selectors.related_articles(article, "nl") == [dutch]
    assert set(selectors.related_articles(article, "en")) == {english_only, dutch}


def test_the_page_lists_related_stories_in_one_query(client, django_assert_num_queries):
    tag = factories.tag()
    article = factories.article(languages=("en", "nl"), tags=[tag])
    for hours in range(2, 8):
        factories.article(
            languages=("en", "nl"), tags=[tag], title_nl=f"Verwant {hours}", published_at=ago(hours)
        )
    article = Article.objects.prefetch_related("tags").get(pk=article.pk)  # as the page has it
    with django_assert_num_queries(1):
        related = selectors.related_articles(article, "nl")
    html = page(client, article.get_absolute_url("nl"))
    assert len(related) == 4
    section = re.search(r'<section class="related".*?</section>', html, re.S)[0]
    assert section.count("<li>") == 4
    assert "Verwant 2" in section and "Verwant 7" not in section


# -- Previous and next in the section --


def test_previous_and_next_skip_stories_not_visible_in_that_language(client):
    section = factories.section()
    older = factories.article(languages=("en", "nl"), section=section, published_at=ago(10))
    factories.article(languages=("en",), section=section, published_at=ago(8))
    article = factories.article(languages=("en", "nl"), section=section, published_at=ago(6))
    english_newer = factories.article(languages=("en",), section=section, published_at=ago(4))
    newer = factories.article(languages=("en", "nl"), section=section, published_at=ago(2))
    factories.article(languages=("en", "nl"), section=factories.section(), published_at=ago(3))

    assert selectors.section_neighbours(article, "nl") == (older, newer)
    assert selectors.section_neighbours(article, "en")[1] == english_newer
    html = page(client, article.get_absolute_url("nl"))
    pager = re.search(r'<nav class="section-pager".*?</nav>', html, re.S)[0]
    assert older.get_absolute_url("nl") in pager and newer.get_absolute_url("nl") in pager
    assert english_newer.get_absolute_url("en") not in html


def test_the_first_story_in_a_section_has_no_previous():
    section = factories.section()
    first = factories.article(section=section, published_at=ago(5))
    second = factories.article(section=section, published_at=ago(1))
    assert selectors.section_neighbours(first, "en") == (None, second)
    assert selectors.section_neighbours(factories.article(), "en") == (None, None)


def test_stories_published_at_the_same_moment_follow_each_other_in_order_of_creation():
    section = factories.section()
    when = ago(3)
    first, second, third = (factories.article(section=section, published_at=when) for _ in range(3))
    factories.article(section=section, published_at=ago(5))

    assert selectors.section_neighbours(second, "en") == (first, third)
    assert selectors.section_neighbours(third, "en") == (second, None)
    assert selectors.section_neighbours(first, "en")[1] == second


# -- The section navigation --


def test_the_section_navigation_follows_every_change_to_a_section(client, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    world = factories.section(name_en="World", name_nl="Wereld")
    sport = factories.section(name_en="Sport")

    def navigation(address):
        html = page(client, address)
        return re.search(r'<nav class="section-nav".*?</nav>', html, re.S)[0]

    assert ">World<" in navigation("/en/") and ">Wereld<" in navigation("/nl/")
    # Changed without a service (no event): the navigation is made again all the same.
    Section.objects.filter(pk=world.pk).update(name_en="Abroad", position=9)
    english = navigation("/en/")
    assert ">Abroad<" in english and ">World<" not in english
    assert english.index(">Sport<") < english.index(">Abroad<")
    assert 'aria-current="page"' in navigation(sport.get_absolute_url())
    assert 'aria-current="page"' not in navigation("/en/")


# -- Reading time --


def test_reading_time_counts_words_at_two_hundred_a_minute(client):
    assert reading_minutes("<p>" + "word " * 1000 + "</p>") == 5
    assert reading_minutes("") == 1
    article = factories.article(
        languages=("en", "nl"), body_en="<p>" + "word " * 600 + "</p>", body_nl="<p>kort</p>"
    )
    assert "3 minute read" in page(client, article.get_absolute_url("en"))
    assert "1 minuut leestijd" in page(client, article.get_absolute_url("nl"))


# -- Anchors on subheadings --


HEADINGS = (
    "<h2>The flood</h2><p>x</p><h3>The flood</h3><h2>Main</h2><h2>★</h2><h2>De <em>dijk</em></h2>"
)


def test_subheadings_get_unique_stable_ids_and_an_accessible_link():
    html = subheading_anchors(HEADINGS)
    ids = re.findall(r'<h[23] id="([^"]+)"', html)
    assert ids == ["the-flood", "the-flood-2", "main-2", "section", "de-dijk"]
    assert len(set(ids)) == len(ids)
    assert subheading_anchors(HEADINGS) == html  # the same text, the same ids
    first = re.search(r'<div class="subheading">.*?</div>', html)[0]
    assert '<a class="subheading__anchor" href="#the-flood">' in first
    assert '<span aria-hidden="true">#</span>' in first
    assert '<span class="visually-hidden">Link to the part “The flood”</span>' in first
    assert '<h2 id="de-dijk">De <em>dijk</em></h2>' in html


def test_the_article_page_anchors_arabic_subheadings(client):
    article = factories.article(
        languages=("en", "ar"), body_ar="<h2>الفيضان</h2><p>نص.</p><h2>الفيضان</h2>"
    )
    html = page(client, article.get_absolute_url("ar"))
    assert '<h2 id="الفيضان">' in html and '<h2 id="الفيضان-2">' in html
    assert 'href="#الفيضان-2"' in html


# -- Print --


def test_pages_link_a_print_stylesheet_that_hides_the_site_around_the_story(client):
    html = page(client, factories.article().get_absolute_url("en"))
    assert re.search(
        r'<link rel="stylesheet" href="/static/newsroom/print\.css" media="print">', html
    )
    css = (Path(settings.BASE_DIR) / "newsroom/static/newsroom/print.css").read_text()
    hidden = css.split("{ display: none")[0]
    for selector in (".language-switcher", ".section-nav", ".site-header nav", '[role="search"]'):
        assert selector in hidden


# -- The 404 that helps --


def test_a_story_missing_in_dutch_links_its_english_and_german_versions(client):
    article = factories.article(languages=("en", "de"), title_nl="Niet af", slug_nl="niet-af")
    dutch_address = article.get_absolute_url("nl")  # its Dutch slug, not published

    html = page(client, dutch_address, status=404)

    available = re.search(r'<p class="available-in">.*?</p>', html, re.S)[0]
    links = re.findall(
        r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+" dir="ltr">([^<]+)</a>', available
    )
    assert links == [
        (article.get_absolute_url("en"), "en", "English"),
        (article.get_absolute_url("de"), "de", "Deutsch"),
    ]
    assert "Het is beschikbaar in: <a" in html
    assert "</a> en <a" in html


def test_another_languages_slug_also_finds_the_versions(client):
    article = factories.article(languages=("en", "ar"), slug_en="floods")
    path = article.get_absolute_url("en").replace("/en/", "/nl/")
    html = page(client, path, status=404)
    arabic = translation.get_language_info("ar")["name_local"]
    link = f'<a href="{article.get_absolute_url("ar")}" lang="ar" hreflang="ar" dir="rtl">'
    assert link + arabic + "</a>" in html


def test_a_draft_or_unknown_story_gets_the_plain_404(client):
    draft = factories.article(languages=("en", "nl"), published=False, slug_en="draft")
    for path in ("/nl/2026/01/01/draft/", "/nl/2026/01/01/nothing-here/"):
        html = page(client, path, status=404)
        assert "available-in" not in html
    assert draft.pk


def test_an_unpublished_language_version_is_not_offered_on_the_404(client):
    article = factories.article(languages=("en",), title_de="Entwurf")
    services.variant_set_state(
        article=article, language="de", state="in_progress", by=factories.superuser()
    )
    html = page(client, article.get_absolute_url("en").replace("/en/", "/fr/"), status=404)
    assert 'lang="de"' not in re.search(r'<p class="available-in">.*?</p>', html, re.S)[0]
