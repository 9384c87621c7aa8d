from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles import search, services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(django_capture_on_commit_callbacks):
    """factories.article, with the events dispatched as after a real commit (the index hooks)."""

    def make(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return factories.article(**fields)

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as if it committed: its events reach the index hooks."""

    def run(write, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return write(by=factories.superuser(), **kwargs)

    return run


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [result["article"].title for result in response.context["results"]]


def test_search_finds_words_in_title_standfirst_and_body(client, story):
    story(title_en="Harbour strike ends")
    story(standfirst_en="Dockers vote to go back to the harbour.")
    story(body_en="<p>The <strong>harbour</strong> master said little.</p>")
    story(title_en="Elections in spring")

    assert len(titles(client, "/en/search/?q=harbour")) == 3
    assert len(titles(client, "/en/search/?q=HARBOUR")) == 3


def test_every_word_of_the_query_must_occur(client, story):
    story(title_en="Harbour strike ends")
    story(title_en="Harbour reopens")

    assert titles(client, "/en/search/?q=harbour+strike") == ["Harbour strike ends"]


def test_tags_in_the_body_are_not_words(client, story):
    story(body_en='<p><a href="https://example.org/strong">A link</a></p>')

    assert titles(client, "/en/search/?q=strong") == []
    assert titles(client, "/en/search/?q=href") == []


def test_search_never_shows_an_article_not_visible_in_that_language(client, story):
    story(title_en="Glacier draft", published=False)
    story(title_en="Glacier scheduled", published_at=timezone.now() + timedelta(hours=2))
    story(languages=("nl",), source_language="nl", title_nl="Glacier in Dutch only")
    # English text exists, but only the Dutch version is published.
    half = story(languages=("nl",), source_language="nl", title_nl="Gletsjer")
    services.article_update(article=half, by=factories.superuser(), title_en="Glacier pending")
    story(title_en="Glacier visible")

    assert titles(client, "/en/search/?q=glacier") == ["Glacier visible"]
    assert titles(client, "/nl/search/?q=glacier") == ["Glacier in Dutch only"]


def test_an_unpublished_article_leaves_the_results(client, story, committed):
    article = story(title_en="Volcano erupts")
    assert titles(client, "/en/search/?q=volcano") == ["Volcano erupts"]

    committed(services.article_unpublish, article=article)

    assert titles(client, "/en/search/?q=volcano") == []


def test_the_index_follows_edits_and_deletions(client, story, committed):
    article = story(title_en="Comet seen over the city")

    committed(services.article_update, article=article, title_en="Meteor seen over the city")
    # A pending change: readers, and so search, still get the live headline.
    assert titles(client, "/en/search/?q=comet") == ["Comet seen over the city"]
    assert titles(client, "/en/search/?q=meteor") == []

    committed(services.article_publish, article=article)
    assert titles(client, "/en/search/?q=comet") == []
    assert titles(client, "/en/search/?q=meteor") == ["Meteor seen over the city"]

    committed(services.article_delete, article=article)
    assert titles(client, "/en/search/?q=meteor") == []


def test_a_translation_published_later_is_found_in_its_language(client, story, committed):
    article = story(title_en="Bridge opens")
    services.article_update(
        article=article,
        by=factories.superuser(),
        title_de="Brücke öffnet",
        body_de="<p>Die neue Brücke ist offen.</p>",
    )
    committed(services.article_publish, article=article, languages=["de"])
    assert titles(client, "/de/search/?q=brücke") == []  # written, not yet a published version

    committed(services.variant_set_state, article=article, language="de", state="published")

    assert titles(client, "/de/search/?q=Brücke") == ["Brücke öffnet"]


@pytest.mark.parametrize(
    "stored, typed",
    [
        ("أحمد يزور المدينة", "احمد"),  # hamza above, typed without
        ("احمد يزور المدينة", "أحمد"),  # and the other way round
        ("مُحَمَّد في القاهرة", "محمد"),  # diacritics in the text
        ("محمد في القاهرة", "مُحَمَّد"),  # diacritics in the query
        ("مسـؤول كبير", "مسوول"),  # tatweel and hamza on waw
    ],
)
def test_arabic_is_found_whatever_its_hamza_diacritics_or_tatweel(client, story, stored, typed):
    story(languages=("ar",), source_language="ar", title_ar=stored)

    assert titles(client, f"/ar/search/?q={typed}") == [stored]


def test_the_snippet_marks_the_match_and_escapes_everything_else(client, story):
    story(body_en="<p>Use &lt;script&gt; tags with care, said the harbour master.</p>")

    html = client.get("/en/search/?q=harbour").content.decode()

    assert "<mark>harbour</mark>" in html
    assert "script&gt; tags" in html
    assert "<script>" not in html


def test_a_long_body_gives_a_short_snippet_around_the_match(client, story):
    filler = "Nothing much happened that day in the port. " * 40
    story(body_en=f"<p>{filler}Then the lighthouse fell. {filler}</p>")

    result = client.get("/en/search/?q=lighthouse").context["results"][0]

    assert "<mark>lighthouse</mark>" in result["snippet"]
    assert len(result["snippet"]) < 400


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "harbour\x00",
        "'; DROP TABLE articles_article; --",
        "<script>alert(1)</script>",
        "x" * 10_000,
        "!!!",
        "a & | !b",
        "(",
        '"unclosed',
        "-",
        "𝕳𝖆𝖗𝖇𝖔𝖚𝖗",
        "%",
        "_",
    ],
)
def test_hostile_or_odd_queries_get_a_friendly_page(client, story, query):
    story(title_en="Harbour strike ends")

    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "\x00" not in html


def test_an_empty_query_asks_for_words(client):
    html = client.get("/en/search/").content.decode()

    assert "Type one or more words to search the stories." in html


def test_a_query_of_punctuation_only_says_there_is_nothing_to_look_for(client):
    html = client.get("/en/search/?q=!!!").content.decode()

    assert "Your search has no letters or digits to look for." in html


def test_a_very_long_query_is_cut_and_the_reader_told(client, story):
    story(title_en="Harbour strike ends")

    response = client.get("/en/search/", {"q": "harbour " + "x" * 10_000})

    assert response.context["query"].text == ("harbour " + "x" * 10_000)[:200]
    assert "Your search was cut to its first 200 characters." in response.content.decode()


def test_results_filter_by_section_and_date(client, story):
    world, climate = factories.section(name_en="World"), factories.section(name_en="Climate")
    now = timezone.now()
    story(title_en="Flood warning old", section=world, published_at=now - timedelta(days=10))
    story(title_en="Flood warning world", section=world, published_at=now - timedelta(hours=2))
    story(title_en="Flood warning climate", section=climate, published_at=now - timedelta(hours=2))
    today = timezone.localdate(now - timedelta(hours=2)).isoformat()

    assert titles(client, "/en/search/?q=flood&section=world") == [
        "Flood warning world",
        "Flood warning old",
    ]
    assert titles(client, f"/en/search/?q=flood&section=world&from={today}") == [
        "Flood warning world"
    ]
    old = timezone.localdate(now - timedelta(days=9)).isoformat()
    assert titles(client, f"/en/search/?q=flood&to={old}") == ["Flood warning old"]


def test_an_invalid_date_or_section_is_ignored_not_an_error(client, story):
    story(title_en="Flood warning")

    response = client.get("/en/search/?q=flood&from=yesterday&to=2024-13-45&section=nowhere")

    assert response.status_code == 200
    assert [r["article"].title for r in response.context["results"]] == ["Flood warning"]
    # Not shown back: a date input's value must be a date (valid HTML).
    assert 'value="yesterday"' not in response.content.decode()
    assert 'value="2024-13-45"' not in response.content.decode()


def test_results_are_paginated_keeping_the_query(client, story, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for n in range(5):
        story(title_en=f"Storm report {n}")

    first = client.get("/en/search/?q=storm&section=")
    assert len(first.context["results"]) == 2
    assert 'href="?q=storm&amp;section=&amp;page=2"' in first.content.decode()
    assert len(client.get("/en/search/?q=storm&page=3").context["results"]) == 1
    assert client.get("/en/search/?q=storm&page=4").status_code == 404


def test_search_pages_are_not_indexed_by_search_engines(client):
    assert (
        '<meta name="robots" content="noindex, follow">'
        in client.get("/en/search/").content.decode()
    )


@pytest.mark.parametrize("size", [1, 6])
def test_search_query_count_does_not_grow_with_results(
    client, story, django_assert_num_queries, size
):
    for n in range(size):
        story(
            title_en=f"Storm report {n}",
            tags=[factories.tag()],
            authors=[factories.author()],
            lead_image=factories.image(),
        )

    client.get("/en/search/?q=storm")  # the listing's picture renditions are made once

    # sections (form), count, results (pictures from each image's manifest), section nav
    with django_assert_num_queries(4):
        response = client.get("/en/search/?q=storm")
    assert len(response.context["results"]) == size


@pytest.mark.parametrize("path", ["/en/", "/ar/", "/nl/search/?q=x", "/en/no-such-page/"])
def test_every_page_has_a_labelled_search_box_in_its_header(client, path):
    html = client.get(path).content.decode()
    header = html.split('<header class="site-header">')[1].split("</header>")[0]

    assert 'role="search"' in header
    assert 'method="get"' in header
    assert '<label class="visually-hidden" for="site-search-q">' in header
    assert 'id="site-search-q" name="q"' in header
    language = path.split("/")[1]
    assert f'action="/{language}/search/"' in header


def test_the_search_box_speaks_the_readers_language(client):
    html = client.get("/de/").content.decode()

    assert "Website durchsuchen" in html


def test_parse_query_folds_and_dedupes_words():
    query = search.parse_query("  Harbour\x00 harbour, HARBOUR! إسلام ")

    assert query.words == ("harbour", "اسلام")
    assert query.text == "Harbour harbour, HARBOUR! إسلام"


def test_plain_text_ends_words_at_block_tags_only():
    assert search.plain_text("<p>one</p><p>t<strong>w</strong>o &amp; three</p>") == (
        "one two & three"
    )


# -- PostgreSQL: stemming per language, ranking, the stored vector --


@pytest.mark.postgres
@pytest.mark.parametrize(
    "language, stored, typed",
    [
        ("en", "Marathon runners keep running", "run"),
        ("nl", "De verkiezingen in het voorjaar", "verkiezing"),
        ("de", "Alte Häuser am Fluss", "Haus"),
        ("fr", "Les élections municipales", "élection"),
    ],
)
def test_postgresql_finds_an_inflected_form_in_each_language(
    client, story, language, stored, typed
):
    assert connection.vendor == "postgresql"
    story(languages=(language,), source_language=language, **{f"title_{language}": stored})
    # Visible in another language only: never found here.
    story(
        languages=("ar",),
        source_language="ar",
        title_ar="x",
        **{f"title_{language}": f"{stored} (hidden)"},
    )

    found = titles(client, f"/{language}/search/?q={typed}")

    assert found == [stored]
    html = client.get(f"/{language}/search/?q={typed}").content.decode()
    assert "<mark>" not in html or "</mark>" in html


@pytest.mark.postgres
def test_postgresql_ranks_a_title_match_above_a_body_match(client, story):
    story(
        title_en="Weather today",
        body_en="<p>A note on tides.</p>",
        published_at=timezone.now() - timedelta(minutes=5),
    )
    story(title_en="Tides", published_at=timezone.now() - timedelta(days=3))

    assert titles(client, "/en/search/?q=tides") == ["Tides", "Weather today"]


@pytest.mark.postgres
def test_postgresql_stores_a_weighted_vector_per_language(story):
    from articles.models import ArticleSearch

    article = story(languages=("en", "de"), title_en="Harbour", title_de="Hafen")

    vectors = dict(ArticleSearch.objects.filter(article=article).values_list("language", "vector"))
    assert "'harbour':1A" in vectors["en"]
    assert "'haf':1A" in vectors["de"]


@pytest.mark.postgres
def test_postgresql_snippet_highlights_the_inflected_word(client, story):
    story(body_en="<p>Three <em>running</em> &amp; a dog &lt;b&gt; crossed the line.</p>")

    result = client.get("/en/search/?q=run").context["results"][0]

    assert "<mark>running</mark>" in result["snippet"]
    assert "&amp; a dog &lt;b&gt;" in result["snippet"]
