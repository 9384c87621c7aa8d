"""Every section, tag, author and article has an address, whatever its name is made of."""

import importlib

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Author, Section, Tag, slug_for
from newsroom.languages import language_codes
from tests import factories
from tests.articles.test_admin_articles import ADD_URL, _form_data

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())
# Names with no letters or digits: slugify() leaves nothing of them.
NO_LETTERS = ["★", "🌍", "!!!", "—"]


def _all_languages(field, text):
    return {f"{field}_{code}": text for code in LANGUAGES}


@pytest.mark.parametrize("name", NO_LETTERS)
def test_a_section_named_without_letters_gets_an_id_based_address(name):
    section = Section.objects.create(**_all_languages("name", name))

    assert section.slug_en == f"section-{section.pk}"
    for code in LANGUAGES:
        with translation.override(code):
            assert section.get_absolute_url() == f"/{code}/sections/section-{section.pk}/"
    section.refresh_from_db()
    assert section.slug_en == f"section-{section.pk}"


@pytest.mark.parametrize("name", NO_LETTERS)
def test_a_tag_named_without_letters_gets_an_id_based_address(name):
    tag = Tag.objects.create(**_all_languages("name", name))

    tag.refresh_from_db()
    assert slug_for(tag, "ar") == f"tag-{tag.pk}"
    with translation.override("ar"):
        assert tag.get_absolute_url() == f"/ar/tags/tag-{tag.pk}/"


def test_only_the_language_without_letters_falls_back():
    section = Section.objects.create(name_en="★", name_nl="Sterren")

    assert section.slug_en == f"section-{section.pk}"
    assert section.slug_nl == "sterren"
    assert section.slug_de is None  # no German name: German shows the English address


def test_an_author_named_without_letters_gets_an_id_based_address():
    author = Author.objects.create(name="★")

    author.refresh_from_db()
    assert author.slug == f"author-{author.pk}"
    assert author.get_absolute_url() == f"/en/authors/author-{author.pk}/"


def test_a_headline_without_letters_gets_an_id_based_address_that_answers(client):
    story = factories.article(languages=("en", "ar"), title_en="🔥🔥🔥", title_ar="🔥")

    story.refresh_from_db()
    assert story.slug_en == story.slug_ar == f"article-{story.pk}"
    for code in ("en", "ar"):
        response = client.get(story.get_absolute_url(code))
        assert response.status_code == 200, response.get("Location")
        assert "🔥" in response.content.decode()


def test_slugs_made_from_names_always_reverse():
    names = ["Wereld & Klimaat", "²", "Ünïcødé_", "العالم", "中文 新闻", "Ωmega—", "a" * 300, "_x_"]
    for name in names:
        section = Section.objects.create(name_en=name[:100])
        tag = Tag.objects.create(name_en=name[:100])
        story = factories.article(title_en=name[:255])
        for obj in (section, tag, story):
            assert obj.get_absolute_url()


# -- Reader pages stay up --


@pytest.mark.parametrize("name", NO_LETTERS)
@pytest.mark.parametrize("code", ["en", "nl", "ar"])
def test_reader_pages_answer_with_a_section_and_tag_named_without_letters(client, name, code):
    section = Section.objects.create(**_all_languages("name", name))
    tag = Tag.objects.create(**_all_languages("name", name))
    story = factories.article(languages=("en", "nl", "ar"), section=section, tags=(tag,))

    with translation.override(code):
        section_url, tag_url = section.get_absolute_url(), tag.get_absolute_url()
    for address in (f"/{code}/", story.get_absolute_url(code), section_url, tag_url):
        response = client.get(address)
        assert response.status_code == 200, address
        assert f'href="{section_url}"' in response.content.decode()
    assert client.get(f"/{code}/sections/no-such-section/").status_code == 404


def _without_any_slug(section):
    """A row as an older version left it: a name with no letters, and no slug at all."""
    Section.objects.filter(pk=section.pk).update(**{f"slug_{code}": None for code in LANGUAGES})


def test_the_section_navigation_leaves_out_a_section_without_an_address(client):
    broken = Section.objects.create(name_en="★")
    _without_any_slug(broken)
    world = factories.section(name_en="World")
    story = factories.article(section=world)

    for address in ("/en/", story.get_absolute_url("en"), "/en/no-such-page/"):
        response = client.get(address)
        assert response.status_code in (200, 404), address
        body = response.content.decode()
        assert f'href="{world.get_absolute_url()}"' in body
        assert ">★<" not in body


def test_the_migration_gives_old_rows_without_an_address_one():
    migration = importlib.import_module("articles.migrations.0003_addresses_for_every_name")
    section = Section.objects.create(name_en="★", name_nl="Sterren")
    Section.objects.filter(pk=section.pk).update(slug_en=None)
    author = Author.objects.create(name="!!!")
    Author.objects.filter(pk=author.pk).update(slug="")
    story = factories.article(title_en="🔥🔥🔥")
    Article.objects.filter(pk=story.pk).update(slug_en=None)
    tag = Tag.objects.create(name_en="—")
    Tag.objects.filter(pk=tag.pk).update(slug_en=None)

    migration.fill_fallback_slugs(apps, None)

    for obj in (section, author, story, tag):
        obj.refresh_from_db()
    assert (section.slug_en, section.slug_nl) == (f"section-{section.pk}", "sterren")
    assert author.slug == f"author-{author.pk}"
    assert story.slug_en == f"article-{story.pk}"
    assert tag.slug_en == f"tag-{tag.pk}"


# -- The admin says what it did --


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("model", ["section", "tag"])
def test_admin_says_where_a_name_without_letters_can_be_found(admin_client, model):
    data = {**_all_languages("name", ""), **_all_languages("slug", ""), "name_en": "★"}
    if model == "section":
        data["position"] = "0"

    response = admin_client.post(reverse(f"admin:articles_{model}_add"), data, follow=True)

    obj = {"section": Section, "tag": Tag}[model].objects.get()
    plural = {"section": "sections", "tag": "tags"}[model]
    expected = (
        "“★” has no letters or digits for its address; it is reachable at "
        f"http://testserver/en/{plural}/{model}-{obj.pk}/"
    )
    assert expected in _messages(response)


def test_admin_says_where_an_author_named_without_letters_can_be_found(admin_client):
    data = {"name": "🌍", "slug": "", "kind": "person", **_all_languages("bio", ""), "user": ""}

    response = admin_client.post(reverse("admin:articles_author_add"), data, follow=True)

    author = Author.objects.get()
    assert author.slug == f"author-{author.pk}"
    assert (
        f"“🌍” has no letters or digits for its address; it is reachable at "
        f"http://testserver/en/authors/author-{author.pk}/"
    ) in _messages(response)


def test_admin_says_where_a_headline_without_letters_can_be_found(admin_client):
    data = _form_data(admin_client, ADD_URL, title_en="🔥🔥🔥", body_en="<p>Hot.</p>")

    response = admin_client.post(ADD_URL, data, follow=True)

    story = Article.objects.get()
    assert story.slug_en == f"article-{story.pk}"
    assert any(
        message.startswith("“🔥🔥🔥” has no letters or digits for its address")
        and message.endswith(f"/article-{story.pk}/")
        for message in _messages(response)
    ), _messages(response)


def test_admin_says_nothing_about_a_name_with_letters(admin_client):
    data = {**_all_languages("name", ""), **_all_languages("slug", ""), "name_en": "World"}
    data["position"] = "0"

    response = admin_client.post(reverse("admin:articles_section_add"), data, follow=True)

    assert not any("no letters or digits" in message for message in _messages(response))
