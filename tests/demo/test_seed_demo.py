"""manage.py seed_demo: what someone trying the demo notices."""

import re
from html import escape
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from articles import body
from articles.models import Article, ArticleVariant, Author, Placement, Section, Tag
from media.models import Embed, Image
from newsroom.languages import language_codes, localized

pytestmark = pytest.mark.django_db

LOGIN_LINE = re.compile(r"Editor login: (\S+)\s+user: editor\s+password: (\S+)")


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def output(django_db_setup, django_db_blocker):
    """Seed once for the whole module: a run takes seconds.

    The outer transaction is rolled back when the module is done; each test still runs in
    its own savepoint (pytest-django's usual per-test rollback), so tests cannot leak into
    each other or into other modules.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed()
        transaction.set_rollback(True)


def test_demo_has_articles_in_every_language(output):
    for code in language_codes():
        assert Article.objects.visible(code).count() >= 8, code
    assert Article.objects.count() >= 12


def test_sections_and_tags_are_named_in_every_language(output):
    assert Section.objects.count() >= 4
    for obj in [*Section.objects.all(), *Tag.objects.all()]:
        for code in language_codes():
            assert localized(obj, "name", code), (obj, code)
            assert localized(obj, "slug", code), (obj, code)


def test_some_articles_are_visible_in_english_but_not_in_german(output):
    english_only = Article.objects.visible("en").exclude(pk__in=Article.objects.visible("de"))
    assert english_only.count() >= 2
    story = english_only.first()
    assert story.is_published("en")
    assert not story.is_published("de")
    assert not localized(story, "title", "de")


def test_one_article_is_missing_in_arabic_only(output):
    missing = Article.objects.visible("en").exclude(pk__in=Article.objects.visible("ar"))
    assert missing.exists()
    assert any(story.is_published("de") for story in missing)


def test_scheduled_article_is_not_visible_yet(output):
    scheduled = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
    )
    assert scheduled.count() == 1
    story = scheduled.get()
    assert localized(story, "title", "en")
    for code in language_codes():
        assert story not in Article.objects.visible(code)
        assert not story.is_published(code)


def test_draft_is_not_visible(output):
    draft = Article.objects.get(status=Article.Status.DRAFT)
    for code in language_codes():
        assert draft not in Article.objects.visible(code)
    assert localized(draft, "title", "en")


def test_dutch_source_article_is_visible_in_dutch(output):
    story = Article.objects.get(source_language="nl")
    assert story in Article.objects.visible("nl")
    assert story.is_published("nl")
    assert "<h2>" in story.body_nl


def test_every_published_variant_has_title_and_slug(output):
    variants = ArticleVariant.objects.filter(state=ArticleVariant.State.PUBLISHED)
    assert variants.count() >= 45
    for variant in variants.select_related("article"):
        assert localized(variant.article, "title", variant.language), variant
        assert localized(variant.article, "slug", variant.language), variant
        assert localized(variant.article, "standfirst", variant.language), variant


def test_bodies_keep_subheadings_and_block_quotes_after_sanitizing(output):
    bodies = [localized(a, "body", "en") for a in Article.objects.all()]
    assert all(body.startswith("<p>") for body in bodies)
    assert sum("<h2>" in body for body in bodies) >= 10
    assert sum("<blockquote><p>" in body for body in bodies) >= 5
    arabic = Article.objects.visible("ar").first()
    assert re.search("[\u0600-\u06ff]", arabic.body_ar)


def test_articles_have_bylines_tags_and_a_lead_image(output):
    for story in Article.objects.all():
        assert 1 <= story.bylines.count() <= 2, story
        assert 2 <= story.tags.count() <= 4, story
        assert story.lead_image is not None, story
    organisation = Author.objects.get(kind=Author.Kind.NEWSROOM)
    assert organisation.name == "Newsroom staff"
    assert organisation.bylines.exists()


def used_images():
    """Pictures a demo article shows: its lead picture and the ones placed in its text."""
    return Image.objects.filter(
        Q(pk__in=Article.objects.values("lead_image")) | Q(placements__isnull=False)
    ).distinct()


def test_images_have_alt_text_and_captions_in_every_language(output):
    images = Image.objects.all()
    # Every picture in the library is used (none left over), and some are placed in the text.
    assert images.count() == used_images().count() >= Article.objects.count() + 3
    for image in images:
        assert (image.width, image.height) == (1600, 1000)
        assert image.credit
        for code in language_codes():
            assert localized(image, "alt_text", code), (image, code)
            assert localized(image, "caption", code), (image, code)
    assert len({image.content_hash for image in images}) == images.count()


# django-axes throttles logins per address, so authenticate() needs a request (any will do).
def test_editor_can_log_in_with_the_printed_password(client, output):
    match = LOGIN_LINE.search(output)
    assert match, output
    url, password = match.groups()
    assert url == "http://127.0.0.1:8000/admin/"
    assert client.login(request=HttpRequest(), username="editor", password=password)
    assert client.get("/admin/").status_code == 200


def test_password_option_sets_a_known_password(client):
    seed("--password", "a-demo-password-4711")
    assert client.login(request=HttpRequest(), username="editor", password="a-demo-password-4711")


def test_editors_can_publish_and_translators_cannot(output):
    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff and not editor.is_superuser
    assert editor.has_perm("articles.publish_article")
    assert editor.has_perm("articles.add_article")
    assert editor.has_perm("articles.delete_tag")
    assert editor.has_perm("media.add_image")

    translators = Group.objects.get(name="Translators")
    translator = get_user_model().objects.create_user(username="tr", is_staff=True)
    translator.groups.add(translators)
    assert translator.has_perm("articles.change_article")
    assert translator.has_perm("articles.change_articlevariant")
    assert translator.has_perm("articles.view_section")
    assert not translator.has_perm("articles.publish_article")
    assert not translator.has_perm("articles.add_article")
    assert not translator.has_perm("articles.delete_article")


def test_if_empty_does_nothing_on_a_second_run(output):
    counts = (Article.objects.count(), Image.objects.count(), Author.objects.count())
    second = seed("--if-empty")
    assert (Article.objects.count(), Image.objects.count(), Author.objects.count()) == counts
    assert "left it alone" in second
    assert "manage.py changepassword editor" in second
    assert not LOGIN_LINE.search(second)


def counts():
    return [
        model.objects.count() for model in (Article, Image, Tag, Embed, Placement, ArticleVariant)
    ]


def test_running_twice_adds_nothing_and_keeps_the_password(client, output):
    password = LOGIN_LINE.search(output).group(2)
    before = counts()
    second = seed()
    assert counts() == before
    assert "already there" in second
    assert client.login(request=HttpRequest(), username="editor", password=password)


def test_rerun_restores_a_deleted_demo_article_with_its_picture(output):
    story = Article.objects.get(source_language="nl")
    image = story.lead_image
    story.delete()
    seed()
    restored = Article.objects.get(source_language="nl")
    assert restored.lead_image == image
    assert restored in Article.objects.visible("nl")
    assert Image.objects.count() == used_images().count()


def test_rerun_restores_a_deleted_article_with_its_placed_video_and_reuses_the_video(output):
    placement = Placement.objects.filter(embed__isnull=False).select_related("article").first()
    article, embed, key = placement.article, placement.embed, placement.key
    before = counts()
    article.delete()
    second = seed()
    assert "Created 1 articles with 0 new pictures, 0 new videos" in second
    assert counts() == before
    restored = Placement.objects.get(embed=embed)
    assert restored.key == key
    assert restored.article.title_en == article.title_en
    # The same body with its reference in the same place, in every language.
    for code in language_codes():
        assert localized(restored.article, "body", code) == localized(article, "body", code)


# What a reader of the demo sees of the picture desk.


class BodyItems(HTMLParser):
    """The top-level items of the article body: ("block", tag) or ("placed", figure classes)."""

    BLOCKS = {"p", "h2", "h3", "blockquote", "ul", "ol", "figure", "div"}  # div: a subheading
    VOID = {"br", "hr", "img", "source", "link", "meta", "wbr", "input"}

    def __init__(self):
        super().__init__()
        self.items, self.depth, self.body_depth = [], 0, None

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.depth += 1
        classes = (dict(attrs).get("class") or "").split()
        if self.body_depth is None and "article__body" in classes:
            self.body_depth = self.depth
        elif self.body_depth is not None and self.depth == self.body_depth + 1:
            if "placed" in classes:
                self.items.append(("placed", dict(attrs).get("data-placement")))
            elif tag in self.BLOCKS:
                self.items.append(("block", tag))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self.body_depth is not None and self.depth == self.body_depth:
            self.body_depth = -1  # done: nothing after the body counts
        self.depth -= 1


def placed_positions(html):
    """{placement key: how many body blocks come before it} as the reader sees the page."""
    parser = BodyItems()
    parser.feed(html)
    positions, blocks = {}, 0
    for kind, value in parser.items:
        if kind == "block":
            blocks += 1
        else:
            positions[value] = blocks
    return positions


def reader_page(client, article, language):
    response = client.get(article.get_absolute_url(language))
    assert response.status_code == 200, (article, language)
    return response.content.decode()


def placed_articles():
    return Article.objects.visible("en").filter(placements__isnull=False).distinct()


def test_placed_items_sit_after_the_same_paragraph_in_dutch_and_english(client, output):
    articles = list(placed_articles())
    assert len(articles) >= 5
    for article in articles:
        # Where the source body puts each reference (the demo places them after the same
        # paragraph in every language).
        _prefix, blocks = body.split_blocks(article.body_en)
        expected, count = {}, 0
        for block in blocks:
            if keys := body.references(block):
                expected[keys[0]] = count
            else:
                count += 1
        assert set(expected) == {p.key for p in article.placements.all()}
        for language in ("en", "nl"):
            assert placed_positions(reader_page(client, article, language)) == expected, (
                article,
                language,
            )


def test_placed_pictures_have_their_own_alt_text_caption_and_credit(client, output):
    pictures = Placement.objects.filter(image__isnull=False).exclude(
        image__content_warning_en__gt=""
    )
    assert pictures.count() >= 2
    for placement in pictures:
        for language in ("en", "ar"):
            page = reader_page(client, placement.article, language)
            image = placement.image
            figure = re.search(
                rf'<figure class="placed placed--image" data-placement="{placement.key}">'
                r"(.*?)</figure>",
                page,
                re.S,
            ).group(1)
            assert f'alt="{escape(getattr(image, f"alt_text_{language}"))}"' in figure
            caption = getattr(placement, f"caption_override_{language}") or getattr(
                image, f"caption_{language}"
            )
            assert escape(caption) in figure
            assert "Newsroom demo illustration" in figure


def test_one_article_replaces_a_pictures_caption_in_some_languages(client, output):
    placement = Placement.objects.get(caption_override_en__gt="")
    article = placement.article
    english, french = reader_page(client, article, "en"), reader_page(client, article, "fr")
    assert escape(placement.caption_override_en) in english
    assert escape(placement.image.caption_en) not in english
    # French has no replacement caption in this story: the library's French caption shows.
    assert not placement.caption_override_fr
    assert escape(placement.image.caption_fr) in french


def test_videos_show_a_local_placeholder_and_load_nothing_from_the_provider(client, output):
    providers = set()
    for placement in Placement.objects.filter(embed__isnull=False).select_related("embed"):
        embed = placement.embed
        providers.add(embed.provider)
        for language in ("en", "ar"):
            page = reader_page(client, placement.article, language)
            assert 'class="embed__placeholder"' in page
            assert escape(getattr(embed, f"title_{language}")) in page
            assert escape(getattr(embed, f"caption_{language}")) in page
            assert "<iframe" not in page
            # Only the no-JavaScript link (an href) names the provider; nothing is loaded.
            loaded = re.findall(r'\s(?:src|srcset)="([^"]*)"', page)
            assert loaded and not [url for url in loaded if re.search("youtube|vimeo", url)]
    assert providers == {Embed.Provider.YOUTUBE, Embed.Provider.VIMEO}


WARNING = re.compile(r'<details class="media-warning media-warning--(\w+)">(.*?)</details>', re.S)


def test_warned_picture_and_video_are_hidden_behind_their_warning(client, output):
    warned = Placement.objects.filter(
        Q(image__content_warning_en__gt="") | Q(embed__content_warning_en__gt="")
    )
    assert {p.image_id is not None for p in warned} == {True, False}
    for placement in warned:
        item = placement.image or placement.embed
        for language in ("en", "ar"):
            page = reader_page(client, placement.article, language)
            warnings = WARNING.findall(page)
            assert len(warnings) == 1, warnings
            kind, inside = warnings[0]
            text = getattr(item, f"content_warning_{language}")
            assert text and escape(text) in inside
            if placement.image_id:
                assert kind == "image"
                alt = escape(getattr(item, f"alt_text_{language}"))
                assert f'alt="{alt}"' in inside
                assert page.count(f'alt="{alt}"') == 1  # nowhere outside the warning
            else:
                assert kind == "embed"
                assert 'class="embed__placeholder"' in inside


def test_one_article_carries_a_content_warning_in_all_its_languages(client, output):
    article = Article.objects.visible("en").get(content_warning_en__gt="")
    languages = article.published_languages()
    assert len(languages) == 5
    for language in languages:
        text = localized(article, "content_warning", language)
        assert text, language
        page = reader_page(client, article, language)
        assert re.search(r'class="content-warning"[^>]*>.*?' + re.escape(escape(text)), page, re.S)


def test_a_placed_items_caption_is_an_editors_save_in_the_storys_history(output):
    """The demo writes captions as the editor would: a save of the article whose placement
    inline fills them in, recorded as a revision by the demo's editor."""
    from articles.models import Revision

    placement = Placement.objects.exclude(caption_override_en__isnull=True).exclude(
        caption_override_en=""
    )[0]
    saved = Revision.objects.filter(article=placement.article, kind=Revision.Kind.SAVED)
    holding = [
        revision
        for revision in saved
        if any(
            row["key"] == placement.key
            and row["caption_override"]["en"] == placement.caption_override_en
            for row in revision.data["placements"]
        )
    ]

    assert holding, "no saved revision holds the caption"
    assert {revision.created_by.username for revision in holding} == {"editor"}
