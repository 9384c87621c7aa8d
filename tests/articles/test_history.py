"""Sections, tags, authors and the texts of images and embeds keep revisions too: who
changed them, when, and every language's text as it then stood."""

import pytest
from django.core.exceptions import PermissionDenied

from articles import services
from articles.models import ObjectRevision, Section
from media import services as media_services
from tests import factories
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db


def _revisions(obj, model=None):
    model = model or type(obj)
    return list(
        ObjectRevision.objects.filter(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
            object_id=obj.pk,
        ).order_by("number")
    )


def test_a_section_keeps_each_saved_name_with_who_and_when(django_capture_on_commit_callbacks):
    editor = factories.user(superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        section = factories.section(name_en="Climate", name_nl="Klimaat", by=editor)
        services.section_update(section=section, by=editor, name_nl="Klimaat en milieu")

    first, second = _revisions(section)
    assert (first.number, second.number) == (1, 2)
    assert first.data["name_nl"] == "Klimaat" and second.data["name_nl"] == "Klimaat en milieu"
    assert first.created_by == editor and second.created_at >= first.created_at


def test_a_deleted_tag_keeps_its_history(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tag = factories.tag(name_en="Rivers")
        tag_id = tag.pk
        services.tag_delete(tag=tag, by=factories.superuser())

    rows = list(ObjectRevision.objects.filter(object_id=tag_id, content_type__model="tag"))
    assert sorted((r.number, r.deleted) for r in rows) == [(1, False), (2, True)]
    assert all(r.data["name_en"] == "Rivers" for r in rows)


def test_an_author_and_an_images_texts_keep_revisions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        author = factories.author(name="Ann Writer")
        services.author_update(author=author, by=factories.superuser(), bio_nl="Verslaggever.")
        image = media_factories.image(alt_text_en="A crane")
        media_services.image_update(
            image=image, by=factories.superuser(), alt_text_en="A yellow crane at the harbour"
        )
        embed = media_factories.embed(title_en="The launch")

    assert [r.data["bio_nl"] for r in _revisions(author)] == [None, "Verslaggever."]
    assert [r.data["alt_text_en"] for r in _revisions(image)] == [
        "A crane",
        "A yellow crane at the harbour",
    ]
    assert _revisions(embed)[0].data["title_en"] == "The launch"


def test_a_refused_change_records_no_revision(django_capture_on_commit_callbacks):
    section = factories.section()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        services.section_update(section=section, by=factories.user(), name_en="Hacked")

    assert _revisions(section, Section) == []
