"""The History page of a section, tag, author or image lists its revisions with what each
changed (newsroom/admin.py ObjectRevisionHistoryMixin)."""

import pytest
from django.urls import reverse

from articles import services
from media import services as media_services
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_tags_history_shows_what_each_revision_changed(
    client, django_capture_on_commit_callbacks
):
    editor = factories.user(superuser=True, first_name="Elif", last_name="Kaya")
    with django_capture_on_commit_callbacks(execute=True):
        tag = factories.tag(name_en="Floods", by=editor)
        services.tag_update(tag=tag, by=editor, name_en="Flooding")
    client.force_login(editor)

    html = client.get(reverse("admin:articles_tag_history", args=[tag.pk])).content.decode()

    assert "<del>Floods</del> → <ins>Flooding</ins>" in html
    assert "Elif Kaya" in html


def test_an_images_history_shows_its_changed_alt_text(
    client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    editor = factories.user(superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        picture = factories.image(alt_text_nl="Een dijk", by=editor)
        media_services.image_update(image=picture, by=editor, alt_text_nl="Een dijk bij dageraad")
    client.force_login(editor)

    html = client.get(reverse("admin:media_image_history", args=[picture.pk])).content.decode()

    assert "<del>Een dijk</del> → <ins>Een dijk bij dageraad</ins>" in html
