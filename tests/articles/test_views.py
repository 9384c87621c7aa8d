"""The reader pages: what a reader of each language sees, and where the links go."""

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone, translation

from articles import services
from articles.models import Article, Byline, SlugHistory
from newsroom.languages import language_codes
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())


class PageParser(HTMLParser):
    """Collects what the tests look at: <html> attributes, <link>s and the language switcher."""

    def __init__(self):
        super().__init__()
        self.html = {}
        self.links = []
        self.switcher_links = []
        self.switcher_unavailable = []
        self._in_switcher = False
        self._in_unavailable = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html = attrs
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        elif self._in_switcher and tag == "a":
            self.switcher_links.append(attrs)
        elif self._in_switcher and "language-switcher__unavailable" in attrs.get("class", ""):
            self._in_unavailable = attrs
        elif self._in_unavailable is not None and tag == "span" and "lang" in attrs:
            self.switcher_unavailable.append({**self._in_unavailable, "lang": attrs["lang"]})
            self._in_unavailable = None

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def parse(response):
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


def url(article, language):
    return article.get_absolute_url(language)


def hreflangs(page):
    return {
        link["hreflang"]: link["href"]
        for link in page.links
        if link.get("rel") == "alternate" and "hreflang" in link
    }


def canonical(page):
    return next(link["href"] for link in page.links if link.get("rel") == "canonical")


# Visibility ---------------------------------------------------------------------------------


def _draft():
    return factories.article(languages=("en", "nl"), published=False)


def _scheduled():
    return factories.article(
        languages=("en", "nl"), published_at=timezone.now() + timedelta(days=1)
    )


def _archived():
    story = factories.article(languages=("en", "nl"))
    Article.objects.filter(pk=story.pk).update(status=Article.Status.ARCHIVED)
    return story


def _english_only_with_dutch_text_in_progress():
    # Dutch text exists, but the Dutch variant is not published.
    return factories.article(languages=("en",), title_nl="Nog niet klaar")


def _english_and_dutch():
    return factories.article(languages=("en", "nl"))


@pytest.mark.parametrize(
    ("make", "visible_in"),
    [
        (_draft, set()),
        (_scheduled, set()),
        (_archived, set()),
        (_english_only_with_dutch_text_in_progress, {"en"}),
        (_english_and_dutch, {"en", "nl"}),
    ],
    ids=["draft", "scheduled", "archived", "no-nl-variant", "nl-variant-published"],
)
def test_article_page_and_listings_show_an_article_only_where_it_is_visible(
    client, make, visible_in
):
    section = factories.section()
    tag = factories.tag()
    person = factories.author()
    story = make()
    Article.objects.filter(pk=story.pk).update(section=section)
    story.tags.add(tag)
    Byline.objects.create(article=story, author=person, position=0)
    story.refresh_from_db()

    for language in ("en", "nl"):
        title = getattr(story, f"title_{language}")
        # The address the article would have in this language (its slug there, or its id).
        article_response = client.get(url(story, language))
        assert article_response.status_code == (200 if language in visible_in else 404)
        with translation.override(language):
            listings = [
                f"/{language}/",
                section.get_absolute_url(),
                tag.get_absolute_url(),
                person.get_absolute_url(),
            ]
        for listing in listings:
            response = client.get(listing)
            assert response.status_code == 200, listing
            shown = title in response.content.decode()
            assert shown == (language in visible_in), (language, listing)


def test_english_slug_under_dutch_prefix_is_not_a_way_into_an_english_only_article(client):
    story = factories.article(languages=("en",))
    response = client.get(url(story, "en").replace("/en/", "/nl/", 1))
    assert response.status_code == 404


def test_english_slug_under_dutch_prefix_redirects_to_the_dutch_address(client):
    story = factories.article(languages=("en", "nl"))
    response = client.get(url(story, "en").replace("/en/", "/nl/", 1))
    assert response.status_code == 301
    assert response["Location"] == url(story, "nl")


def test_listing_never_fills_a_field_from_another_language(client):
    factories.article(
        languages=("en", "nl"),
        title_nl="Dijken houden stand",
        standfirst_nl="",
        standfirst_en="English only",
    )
    response = client.get("/nl/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dijken houden stand" in body
    assert "English only" not in body


# Redirects and not-found pages ---------------------------------------------------------------


def test_old_slug_answers_301_to_the_current_address(client):
    story = factories.article(languages=("en",), title_en="First headline")
    old_url = url(story, "en")
    previous = Article.objects.get(pk=story.pk)
    story.slug_en = "better-headline"
    story.save()
    services.article_saved(article=story, previous=previous)
    assert SlugHistory.objects.filter(slug="first-headline").exists()

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == url(story, "en")
    assert client.get(response["Location"]).status_code == 200


def test_right_slug_with_wrong_date_answers_301_to_the_canonical_address(client):
    story = factories.article(
        languages=("en",), published_at=datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
    )
    response = client.get(f"/en/2023/01/02/{story.slug_en}/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/2024/03/05/{story.slug_en}/"


def test_unknown_article_slug_gives_a_dutch_404_on_a_dutch_address(client):
    response = client.get("/nl/2024/01/01/bestaat-niet/")
    assert response.status_code == 404
    page = parse(response)
    assert page.html["lang"] == "nl"
    body = response.content.decode()
    assert "Pagina niet gevonden" in body
    assert 'href="/nl/"' in body


@pytest.mark.parametrize("path", ["/nl/sections/nope/", "/nl/tags/nope/", "/nl/authors/nope/"])
def test_unknown_section_tag_or_author_gives_a_localized_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_section_slug_of_another_language_redirects_to_the_dutch_slug(client):
    section = factories.section(name_en="World", name_nl="Wereld")
    response = client.get("/nl/sections/world/")
    assert response.status_code == 301
    assert response["Location"] == "/nl/sections/wereld/"
    assert section.slug_nl == "wereld"


def test_section_without_a_dutch_name_answers_at_its_english_slug_marked_english(client):
    factories.section(name_en="Science", name_nl=None, name_de=None, name_fr=None, name_ar=None)
    response = client.get("/nl/sections/science/")
    assert response.status_code == 200
    assert (
        '<h1><span lang="en" dir="ltr" class="fallback">Science</span> '
        '<span class="fallback-marker">(in het Engels)</span></h1>'
    ) in response.content.decode()


def test_tag_slug_of_another_language_redirects_and_fallback_name_is_marked(client):
    factories.tag(name_en="Elections", name_nl="Verkiezingen")
    factories.tag(name_en="Heatwave", name_nl=None, name_de=None, name_fr=None, name_ar=None)

    assert client.get("/nl/tags/elections/")["Location"] == "/nl/tags/verkiezingen/"
    response = client.get("/nl/tags/heatwave/")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_article_page_marks_a_tag_without_a_name_in_the_language_as_english(client):
    fallback = factories.tag(name_en="Heatwave", name_nl=None)
    story = factories.article(languages=("en", "nl"), tags=(fallback,))
    body = client.get(url(story, "nl")).content.decode()
    assert '<span lang="en" dir="ltr" class="fallback">Heatwave</span>' in body
    assert 'href="/nl/tags/heatwave/"' in body


@pytest.mark.parametrize("page", ["3", "0", "abc"])
def test_page_number_out_of_range_gives_404(client, settings, page):
    settings.NEWSROOM_PAGE_SIZE = 2
    section = factories.section()
    for _ in range(3):
        factories.article(section=section)
    assert client.get(f"/en/?page={page}").status_code == 404
    assert client.get(f"{section.get_absolute_url()}?page={page}").status_code == 404


def test_pagination_links_to_the_next_page_in_the_readers_language(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    stories = [factories.article(languages=("en", "nl")) for _ in range(5)]
    first = client.get("/nl/").content.decode()
    assert 'rel="next" href="?page=2"' in first
    second = client.get("/nl/?page=2")
    assert second.status_code == 200
    assert stories[2].title_nl in second.content.decode()  # newest first: 4, 3 | 2, 1 | 0
    assert canonical(parse(second)) == "http://testserver/nl/?page=2"


def test_the_last_page_links_newer_stories_only(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    stories = [factories.article(languages=("en", "nl")) for _ in range(5)]

    last = client.get("/nl/?page=3").content.decode()

    assert stories[0].title_nl in last
    assert 'rel="prev" href="?page=2"' in last and 'rel="next"' not in last
    assert "Pagina 3" in last  # the page's number, without counting every page


# Language switcher, hreflang, canonical --------------------------------------------------------


def test_switcher_links_to_published_variants_and_marks_the_others_unavailable(client):
    story = factories.article(languages=("en", "nl", "ar"), title_de="Nicht veröffentlicht")
    page = parse(client.get(url(story, "en")))

    linked = {a["hreflang"]: a["href"] for a in page.switcher_links}
    assert set(linked) == {"en", "nl", "ar"}
    assert linked["nl"].startswith(url(story, "nl"))
    assert all(a["lang"] == a["hreflang"] for a in page.switcher_links)
    current = [a for a in page.switcher_links if a.get("aria-current") == "page"]
    assert [a["hreflang"] for a in current] == ["en"]

    unavailable = {item["lang"]: item["title"] for item in page.switcher_unavailable}
    assert set(unavailable) == {"de", "fr"}
    assert unavailable["de"] == "Not available in German"

    for href in linked.values():
        assert client.get(href).status_code == 200, href


def test_switcher_shows_every_language_in_its_own_name(client):
    factories.article(languages=("en",))
    body = client.get("/en/").content.decode()
    for name in ("English", "Nederlands", "Deutsch", "Français", "العربيّة"):
        assert name in body


@pytest.mark.parametrize("kind", ["home", "section", "tag", "author"])
def test_listing_switcher_links_all_languages_and_every_link_answers(client, kind):
    section = factories.section(name_nl=None)  # Dutch falls back to the English slug
    tag = factories.tag()
    person = factories.author()
    factories.article(section=section, tags=(tag,), authors=(person,))
    with translation.override("en"):
        start = {
            "home": "/en/",
            "section": section.get_absolute_url(),
            "tag": tag.get_absolute_url(),
            "author": person.get_absolute_url(),
        }[kind]
    page = parse(client.get(start))

    assert {a["hreflang"] for a in page.switcher_links} == set(LANGUAGES)
    assert page.switcher_unavailable == []
    for link in page.switcher_links:
        assert client.get(link["href"]).status_code == 200, link["href"]
    assert set(hreflangs(page)) == {*LANGUAGES, "x-default"}
    # The home page's x-default is `/`, which picks the reader's language; the others have
    # no language-picking address, and x-default is their English page.
    expected = "http://testserver/" if kind == "home" else hreflangs(page)["en"]
    assert hreflangs(page)["x-default"] == expected


def test_switching_language_sets_the_cookie_that_the_root_redirect_follows(client, settings):
    story = factories.article(languages=("en", "nl"))
    page = parse(client.get(url(story, "en")))
    dutch = next(a["href"] for a in page.switcher_links if a["hreflang"] == "nl")

    response = client.get(dutch)

    assert response.status_code == 200
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/")["Location"] == "/nl/"


def test_a_plain_page_view_does_not_change_the_language_cookie(client, settings):
    story = factories.article(languages=("en", "nl"))
    response = client.get(url(story, "nl"))
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_article_hreflang_lists_the_visible_languages_and_english_as_x_default(client):
    story = factories.article(languages=("en", "nl", "fr"), title_de="Noch nicht")
    page = parse(client.get(url(story, "nl")))
    assert hreflangs(page) == {
        "en": f"http://testserver{url(story, 'en')}",
        "nl": f"http://testserver{url(story, 'nl')}",
        "fr": f"http://testserver{url(story, 'fr')}",
        "x-default": f"http://testserver{url(story, 'en')}",
    }
    assert canonical(page) == f"http://testserver{url(story, 'nl')}"


def test_x_default_is_the_source_language_when_there_is_no_english_version(client):
    story = factories.article(languages=("nl", "de"), source_language="nl")
    page = parse(client.get(url(story, "de")))
    assert set(hreflangs(page)) == {"nl", "de", "x-default"}
    assert hreflangs(page)["x-default"] == f"http://testserver{url(story, 'nl')}"


def test_canonical_of_a_switcher_visit_is_the_clean_address(client):
    story = factories.article(languages=("en",))
    page = parse(client.get(url(story, "en") + "?lang-switch"))
    assert canonical(page) == f"http://testserver{url(story, 'en')}"


# The page itself ------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("nl", "ltr"), ("en", "ltr")])
def test_html_element_carries_language_and_direction(client, language, direction):
    story = factories.article(languages=(language,), source_language=language)
    for path in (url(story, language), f"/{language}/"):
        page = parse(client.get(path))
        assert page.html == {"lang": language, "dir": direction}


def test_publication_date_is_localized(client):
    when = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
    story = factories.article(languages=("en", "nl"), published_at=when)
    english = client.get(url(story, "en")).content.decode()
    dutch = client.get(url(story, "nl")).content.decode()
    assert '<time datetime="2024-03-05T13:00:00+01:00">March 5, 2024' in english
    assert '<time datetime="2024-03-05T13:00:00+01:00">5 maart 2024' in dutch


def test_listing_dates_are_in_each_readers_language(client):
    # The same day in five languages, one after the other: a day's text is made once per
    # language and process, never handed to a reader of another language.
    when = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
    factories.article(languages=LANGUAGES, published_at=when)
    factories.article(languages=LANGUAGES, published_at=when + timedelta(minutes=1))  # the lead
    expected = {
        "en": "March 5, 2024",
        "nl": "5 maart 2024",
        "de": "5. März 2024",
        "fr": "5 mars 2024",
        "ar": "5 مارس، 2024",
        "en-again": "March 5, 2024",
    }
    for key, day in expected.items():
        home = client.get(f"/{key.split('-')[0]}/").content.decode()
        assert f'<time datetime="2024-03-05T13:00:00+01:00">{day}</time>' in home, key


def test_the_dateline_is_in_each_readers_language(client):
    # Django's Arabic formats have no date with a time (newsroom.formats.ar fills it in).
    story = factories.article(
        languages=LANGUAGES, published_at=datetime(2024, 3, 5, 14, 7, tzinfo=UTC)
    )
    expected = {
        "en": "March 5, 2024, 3:07 p.m.",
        "nl": "5 maart 2024 15:07",
        "de": "5. März 2024 15:07",
        "fr": "5 mars 2024 15:07",
        "ar": "5 مارس، 2024، 3:07 م",
    }
    for code, dateline in expected.items():
        page = client.get(url(story, code)).content.decode()
        assert f'<time datetime="2024-03-05T15:07:00+01:00">{dateline}</time>' in page, code


def test_byline_lists_authors_in_position_order_and_the_organisation(client):
    first = factories.author(name="Zoë First")
    second = factories.author(name="Adam Second")
    staff = factories.author(name="Newsroom staff", is_organisation=True)
    story = factories.article(authors=(first, second, staff))
    body = client.get(url(story, "en")).content.decode()
    assert body.index("Zoë First") < body.index("Adam Second") < body.index("Newsroom staff")
    assert f'href="{first.get_absolute_url()}" class="byline-author" rel="author"' in body
    assert f'href="{staff.get_absolute_url()}" class="byline-organisation">' in body


def test_content_warning_is_a_note_in_the_readers_language(client):
    story = factories.article(
        languages=("en", "nl"),
        content_warning_en="Contains violence.",
        content_warning_nl="Bevat geweld.",
    )
    body = client.get(url(story, "nl")).content.decode()
    assert 'role="note"' in body
    assert "Bevat geweld." in body
    assert "Contains violence." not in body


def test_dutch_page_shows_an_english_only_warning_in_english_marked_in_dutch(client):
    story = factories.article(languages=("en", "nl"), content_warning_en="Contains violence.")
    body = client.get(url(story, "nl")).content.decode()
    note = body[body.index('role="note"') :]
    note = note[: note.index("</div>")]
    assert (
        '<span lang="en" dir="ltr" class="fallback">Contains violence.</span> '
        '<span class="fallback-marker">(in het Engels)</span>'
    ) in note
    # The generic stand-in of old is gone: the reader gets the warning itself.
    assert "distressing" not in body


def test_warning_falls_back_to_the_articles_source_language_before_the_default(client):
    story = factories.article(
        languages=("de", "nl"),
        source_language="de",
        content_warning_de="Enthält Gewalt.",
        content_warning_en="Contains violence.",
    )
    body = client.get(url(story, "nl")).content.decode()
    assert (
        '<span lang="de" dir="ltr" class="fallback">Enthält Gewalt.</span> '
        '<span class="fallback-marker">(in het Duits)</span>'
    ) in body
    assert "Contains violence." not in body


def test_no_warning_note_when_the_article_has_no_warning(client):
    story = factories.article(languages=("en",))
    assert 'role="note"' not in client.get(url(story, "en")).content.decode()


def test_lead_image_caption_is_in_the_readers_language_or_the_original_marked(client):
    picture = factories.image(
        caption_en="Flooded street.", caption_ar="شارع غمرته المياه", credit="A. Photographer"
    )
    story = factories.article(languages=("en", "nl", "ar"), lead_image=picture)

    arabic = client.get(url(story, "ar")).content.decode()
    dutch = client.get(url(story, "nl"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert "<figure" in arabic and "شارع غمرته المياه" in arabic
    assert "Flooded street." not in arabic
    # No Dutch caption: the original, in its own language and marked as such (issue 9.5).
    assert (
        '<span lang="en" dir="ltr" class="fallback">Flooded street.</span> '
        '<span class="fallback-marker">(in het Engels)</span>'
    ) in dutch
    assert "A. Photographer" in dutch  # the credit is a name, the same in every language


def test_article_page_links_its_section_and_tags_in_the_readers_language(client):
    section = factories.section(name_en="World", name_nl="Wereld")
    elections = factories.tag(name_en="Elections", name_nl="Verkiezingen")
    story = factories.article(languages=("en", "nl"), section=section, tags=(elections,))
    body = client.get(url(story, "nl")).content.decode()
    assert 'href="/nl/sections/wereld/"' in body
    assert 'href="/nl/tags/verkiezingen/"' in body


def test_home_shows_the_newest_story_as_lead_and_the_others_as_latest(client):
    older = factories.article(published_at=timezone.now() - timedelta(days=2))
    newest = factories.article(
        published_at=timezone.now() - timedelta(hours=1), lead_image=factories.image()
    )
    body = client.get("/en/").content.decode()
    lead = body[body.index('class="lead-story"') : body.index('class="latest"')]
    assert newest.title_en in lead and "<picture" in lead
    assert older.title_en not in lead
    assert older.title_en in body[body.index('class="latest"') :]


# Query counts ---------------------------------------------------------------------------------


def _build(count, *, section, tag, person):
    for _ in range(count):
        factories.article(
            languages=("en", "nl"),
            section=section,
            tags=(tag, factories.tag()),
            authors=(person, factories.author()),
            lead_image=factories.image(caption_en="Caption"),
        )


def _dutch_listing(page, section, tag, person):
    """The address of the Dutch home, section, tag or author page (`page`)."""
    with translation.override("nl"):
        return {
            "home": "/nl/",
            "section": section.get_absolute_url(),
            "tag": tag.get_absolute_url(),
            "author": person.get_absolute_url(),
        }[page]


@pytest.mark.parametrize(
    ("page", "queries"),
    [
        # the page's articles and one more (+ lead image and its manifest of renditions;
        # on the home page the lead's section), section nav: nothing counts the listing
        ("home", 2),
        # section lookup, then as home
        ("section", 3),
        ("tag", 3),
        ("author", 3),
    ],
)
def test_listing_query_count_does_not_grow_with_the_number_of_articles(
    client, django_assert_num_queries, settings, page, queries
):
    settings.NEWSROOM_PAGE_CACHE = False  # counts what rendering the page costs
    section = factories.section()
    tag = factories.tag()
    person = factories.author()
    path = _dutch_listing(page, section, tag, person)
    for count in (3, 10):
        _build(count, section=section, tag=tag, person=person)
        client.get(path)  # first view makes the renditions
        with django_assert_num_queries(queries):
            response = client.get(path)
        assert response.status_code == 200


@pytest.mark.parametrize("page", ["home", "section", "tag", "author"])
def test_listings_read_only_the_readers_language_of_their_stories(client, settings, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.NEWSROOM_PAGE_CACHE = False
    section, tag, person = factories.section(), factories.tag(), factories.author()
    factories.article(
        languages=("en", "nl"),
        title_nl="Dijken worden verhoogd",
        standfirst_nl="Het water stijgt.",
        section=section,
        tags=(tag,),
        authors=(person,),
        lead_image=factories.image(
            alt_text_en="A dike at dusk",
            alt_text_nl="Een dijk bij schemering",
            caption_en="Caption",
            # In English only: shown to Dutch readers too, marked, as before.
            content_warning_en="Flooded homes",
        ),
    )
    path = _dutch_listing(page, section, tag, person)
    client.get(path)  # first view makes the renditions
    with CaptureQueriesContext(connection) as queries:
        body = client.get(path).content.decode()

    (listing,) = [q["sql"] for q in queries if '"articles_article"."title_nl"' in q["sql"]]
    for other in ("title_en", "standfirst_en", "seo_title_nl", "body_nl", "caption_en"):
        assert f'."{other}"' not in listing
    assert "Dijken worden verhoogd" in body
    assert "Het water stijgt." in body
    assert 'alt="Een dijk bij schemering"' in body
    assert re.search(r'<span lang="en" dir="ltr" class="fallback">Flooded homes</span>', body)


@pytest.mark.parametrize("size", [1, 4])
def test_article_page_query_count_is_fixed(client, django_assert_num_queries, settings, size):
    settings.NEWSROOM_PAGE_CACHE = False  # counts what rendering the page costs
    story = factories.article(
        languages=LANGUAGES,
        section=factories.section(),
        tags=[factories.tag() for _ in range(size)],
        authors=[factories.author() for _ in range(size)],
        lead_image=factories.image(caption_nl="Bijschrift"),
    )
    client.get(url(story, "nl"))  # first view makes the renditions
    # article (+section, lead image and its manifest of renditions), bylines+authors, tags,
    # variants, section nav, the notes in this language, related stories, the previous and
    # the next in the section (one query); a body that places no media asks for none
    with django_assert_num_queries(8) as done:
        response = client.get(url(story, "nl"))
    assert response.status_code == 200
    # Of the long bodies, only the page's language is read.
    read = "\n".join(query["sql"] for query in done.captured_queries)
    assert '"body_nl"' in read
    assert not [code for code in LANGUAGES if code != "nl" and f'"body_{code}"' in read]


@pytest.mark.parametrize("placed", [1, 3])
def test_article_page_query_count_does_not_grow_with_placed_images(
    client, django_assert_num_queries, settings, placed
):
    settings.NEWSROOM_PAGE_CACHE = False  # counts what rendering the page costs
    from articles.body import reference

    refs = "".join(reference(f"image-{factories.image().pk}") for _ in range(placed))
    story = factories.article(
        languages=LANGUAGES,
        body_en="<p>One.</p>" + refs + "<p>Two.</p><p>Three.</p>",
        body_nl="<p>Een.</p><p>Twee.</p>" + refs + "<p>Drie.</p>",
        lead_image=factories.image(),
    )
    assert story.placements.count() == placed
    client.get(url(story, "nl"))  # first view makes the renditions
    # as above, and the body's placed media (their renditions come with the images: their
    # manifests); no section and no tags: no related stories or neighbours to look up
    with django_assert_num_queries(7):
        response = client.get(url(story, "nl"))
    assert response.content.decode().count('class="placed placed--image"') == placed


# Malformed addresses -------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["²", "①", "٣", "9" * 5000, "9" * 19, "-1"])
def test_an_article_address_that_is_no_slug_and_no_id_answers_404(client, slug):
    factories.article()

    response = client.get(f"/en/2026/01/02/{slug}/")

    assert response.status_code == 404


def test_an_article_is_still_found_by_its_bare_id(client):
    story = factories.article()

    response = client.get(f"/en/2026/01/02/{story.pk}/")

    assert response.status_code == 301
    assert response["Location"] == url(story, "en")


@pytest.mark.parametrize("kind", ["sections", "tags", "authors"])
@pytest.mark.parametrize("slug", ["a%00b", "%00", "a.b", "x%0A"])
def test_a_listing_address_with_characters_no_slug_has_answers_404(client, kind, slug):
    factories.article(section=factories.section(), tags=(factories.tag(),))

    response = client.get(f"/en/{kind}/{slug}/")

    assert response.status_code == 404


# Valid HTML and metadata ---------------------------------------------------------------------


def test_machine_readable_dates_have_whole_seconds(client):
    section = factories.section()
    at = datetime(2026, 11, 30, 0, 17, 26, 655894, tzinfo=UTC)
    story = factories.article(section=section, published_at=at)
    factories.article(section=section, published_at=at - timedelta(hours=1))

    for address in ("/en/", url(story, "en"), section.get_absolute_url()):
        body = client.get(address).content.decode()
        stamps = re.findall(r'<time datetime="([^"]*)"', body)
        assert stamps, address
        assert set(stamps) <= {"2026-11-30T01:17:26+01:00", "2026-11-30T00:17:26+01:00"}


@pytest.mark.parametrize("kind", ["home", "section", "tag", "author"])
@pytest.mark.parametrize("code", ["en", "nl", "ar"])
def test_listing_pages_describe_themselves_to_search_engines(client, kind, code):
    section = factories.section(name_nl="Wereld & Klimaat")
    tag = factories.tag()
    person = factories.author(name="Ada Lovelace")
    factories.article(languages=LANGUAGES, section=section, tags=(tag,), authors=(person,))
    with translation.override(code):
        address = {
            "home": f"/{code}/",
            "section": section.get_absolute_url(),
            "tag": tag.get_absolute_url(),
            "author": person.get_absolute_url(),
        }[kind]

    body = client.get(address).content.decode()

    descriptions = re.findall(r'<meta name="description" content="([^"]+)">', body)
    assert len(descriptions) == 1
    assert "Newsroom" in descriptions[0]
    if kind == "section" and code == "nl":
        assert "Wereld &amp; Klimaat" in descriptions[0]
    if kind == "author":
        assert "Ada Lovelace" in descriptions[0]


def test_an_authors_biography_is_the_description_of_the_author_page(client):
    person = factories.author(name="Ada Lovelace", bio_en="Writes about engines.")
    factories.article(authors=(person,))

    body = client.get(person.get_absolute_url()).content.decode()

    assert '<meta name="description" content="Writes about engines.">' in body


@pytest.mark.postgres
@pytest.mark.parametrize(
    "address",
    [
        "/en/sections/a%00b/",
        "/en/tags/%00/",
        "/en/authors/author%00/",
        "/en/2026/01/02/" + "9" * 5000 + "/",
        "/en/2026/01/02/" + "9" * 19 + "/",
        "/en/2026/01/02/%00/",
    ],
)
def test_malformed_addresses_answer_404_on_postgresql(client, address):
    from django.db import connection

    assert connection.vendor == "postgresql"
    factories.article(section=factories.section(), tags=(factories.tag(),))

    assert client.get(address).status_code == 404
