"""Revisions of sections, tags, authors and image texts (newsroom/history.py), written by
their services in the same transaction as the change."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles import services
from articles.models import Tag
from media import services as media_services
from newsroom.history import ObjectRevision, object_revisions
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def test_each_write_of_a_tag_is_a_revision_with_who_and_what_it_said():
    editor = factories.user(superuser=True)
    tag = factories.tag(name_en="Floods", by=editor)

    services.tag_update(tag=tag, by=editor, name_en="Flooding", name_nl="Overstromingen")

    newest, first = list(object_revisions(tag))
    assert (first.number, first.action, first.data["name_en"]) == (1, "created", "Floods")
    assert (newest.number, newest.action) == (2, "changed")
    assert newest.data["name_en"] == "Flooding" and newest.data["name_nl"] == "Overstromingen"
    assert newest.created_by == editor


def test_a_deleted_section_keeps_its_revisions_with_what_it_was():
    section = factories.section(name_en="Weather")
    section_id = section.pk

    services.section_delete(section=section, by=factories.superuser())

    kept = ObjectRevision.objects.filter(
        content_type=ContentType.objects.get(model="section"), object_id=section_id
    ).order_by("-number")
    assert [r.action for r in kept] == ["deleted", "created"]
    assert kept[0].data["name_en"] == "Weather"


def test_authors_and_image_texts_keep_revisions():
    author = factories.author(name="Iris Vos")
    services.author_update(author=author, by=factories.superuser(), bio="Reporter.")
    picture = factories.image(alt_text_en="A dike")
    media_services.image_update(
        image=picture, by=factories.superuser(), alt_text_en="A dike at dawn"
    )

    assert [r.data["bio"] for r in object_revisions(author)] == ["Reporter.", ""]
    assert [r.data["alt_text_en"] for r in object_revisions(picture)] == [
        "A dike at dawn",
        "A dike",
    ]


def test_a_refused_write_leaves_no_revision():
    tag = factories.tag(name_en="Floods")
    factories.tag(name_en="Rain")

    with pytest.raises(ValidationError):
        services.tag_update(tag=tag, by=factories.superuser(), name_en="Rain")

    assert [r.action for r in object_revisions(Tag.objects.get(pk=tag.pk))] == ["created"]


def test_the_history_page_shows_what_each_revision_changed(client):
    editor = factories.user(superuser=True)
    tag = factories.tag(name_en="Floods", by=editor)
    services.tag_update(tag=tag, by=editor, name_en="Flooding")
    client.force_login(editor)

    html = client.get(reverse("admin:articles_tag_history", args=[tag.pk])).content.decode()

    assert "<del>Floods</del> → <ins>Flooding</ins>" in html
