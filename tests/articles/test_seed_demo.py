"""manage.py seed_demo: what someone trying the demo notices."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from articles.models import Article, ArticleVariant, Author, Section, Tag, language_codes, localized
from media.models import Image

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
    organisation = Author.objects.get(is_organisation=True)
    assert organisation.name == "Newsroom staff"
    assert organisation.bylines.exists()


def test_images_have_alt_text_and_captions_in_every_language(output):
    images = Image.objects.all()
    assert images.count() == Article.objects.count()
    for image in images:
        assert (image.width, image.height) == (1600, 1000)
        assert image.credit
        for code in language_codes():
            assert localized(image, "alt_text", code), (image, code)
            assert localized(image, "caption", code), (image, code)
    assert len({image.content_hash for image in images}) == images.count()


def test_editor_can_log_in_with_the_printed_password(client, output):
    match = LOGIN_LINE.search(output)
    assert match, output
    url, password = match.groups()
    assert url == "http://127.0.0.1:8000/admin/"
    assert client.login(username="editor", password=password)
    assert client.get("/admin/").status_code == 200


def test_password_option_sets_a_known_password(client):
    seed("--password", "a-demo-password-4711")
    assert client.login(username="editor", password="a-demo-password-4711")


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


def test_running_twice_adds_nothing_and_keeps_the_password(client, output):
    password = LOGIN_LINE.search(output).group(2)
    counts = (Article.objects.count(), Image.objects.count(), Tag.objects.count())
    second = seed()
    assert (Article.objects.count(), Image.objects.count(), Tag.objects.count()) == counts
    assert "already there" in second
    assert client.login(username="editor", password=password)


def test_rerun_restores_a_deleted_demo_article_with_its_picture(output):
    story = Article.objects.get(source_language="nl")
    image = story.lead_image
    story.delete()
    seed()
    restored = Article.objects.get(source_language="nl")
    assert restored.lead_image == image
    assert restored in Article.objects.visible("nl")
    assert Image.objects.count() == Article.objects.count()
