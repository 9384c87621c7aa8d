"""manage.py move_image_files: pictures stored before unguessable names get them."""

import io
import re

import pytest
from django.core.management import call_command
from django.template import Context, Template

from media import services
from media.models import Image, Rendition
from tests.media import factories

pytestmark = pytest.mark.django_db

TOKEN = r"[A-Za-z0-9_-]{22}"
LEGACY = "images/2025/03/minister-resigns-embargo.jpg"


def _legacy_picture(media_root):
    """A picture as stored before unguessable names: a dated folder and the uploaded name
    for the original, its renditions under the image's id."""
    image = factories.image(size=(700, 500))
    services.renditions_purge(image=image)
    (media_root / "images/2025/03").mkdir(parents=True)
    (media_root / image.file.name).rename(media_root / LEGACY)
    Image.objects.filter(pk=image.pk).update(file=LEGACY)
    image = factories.processed(Image.objects.get(pk=image.pk))
    assert all(r.file.name.startswith(f"renditions/{image.pk}/") for r in image.renditions.all())
    return image


def _move(django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("move_image_files", stdout=out)
    return out.getvalue()


def test_an_old_picture_moves_to_unguessable_names_and_still_shows(
    media_root, django_capture_on_commit_callbacks
):
    image = _legacy_picture(media_root)
    original = (media_root / LEGACY).read_bytes()
    count = image.renditions.count()

    report = _move(django_capture_on_commit_callbacks)

    image = Image.objects.get(pk=image.pk)
    match = re.fullmatch(rf"images/({TOKEN})/{TOKEN}\.jpg", image.file.name)
    assert match, image.file.name
    assert (media_root / image.file.name).read_bytes() == original
    renditions = list(Rendition.objects.filter(image=image))
    assert len(renditions) == count
    for rendition in renditions:
        assert re.fullmatch(
            rf"renditions/{match[1]}/[A-Za-z0-9_-]{{12}}-{rendition.crop}-"
            rf"{rendition.width}x{rendition.height}\.(jpg|webp|avif)",
            rendition.file.name,
        ), rendition.file.name
        assert (media_root / rendition.file.name).is_file()
    # Nothing is left at the old addresses, and nothing but the moved files is stored.
    stored = factories.stored_files(media_root)
    assert not (media_root / LEGACY).exists()
    assert not [name for name in stored if "minister" in name or f"/{image.pk}/" in name]
    assert sorted(stored) == sorted([image.file.name, *(r.file.name for r in renditions)])
    # The page's picture points at the moved files (the manifest was rewritten).
    html = Template('{% load media_tags %}{% picture image "wide" %}').render(
        Context({"image": image})
    )
    assert f"/uploads/renditions/{match[1]}/" in html and f"/{image.pk}/" not in html
    assert "1 moved" in report


def test_running_it_again_or_on_new_pictures_changes_nothing(
    media_root, django_capture_on_commit_callbacks
):
    _legacy_picture(media_root)
    factories.processed(factories.image())
    _move(django_capture_on_commit_callbacks)
    before = factories.stored_files(media_root)
    names = sorted(Rendition.objects.values_list("file", flat=True))

    report = _move(django_capture_on_commit_callbacks)

    assert "2 images checked, 0 moved (0 files)" in report
    assert factories.stored_files(media_root) == before
    assert sorted(Rendition.objects.values_list("file", flat=True)) == names


def test_a_picture_whose_original_is_missing_is_reported_and_left_alone(
    media_root, django_capture_on_commit_callbacks
):
    image = _legacy_picture(media_root)
    (media_root / LEGACY).unlink()
    err = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("move_image_files", stdout=io.StringIO(), stderr=err)

    assert f"Image {image.pk} not moved" in err.getvalue()
    assert Image.objects.get(pk=image.pk).file.name == LEGACY
    assert all((media_root / r.file.name).is_file() for r in Rendition.objects.filter(image=image))
