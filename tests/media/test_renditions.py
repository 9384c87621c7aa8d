"""Renditions: the width ladder, the crops around the focal point, storage and reuse."""

import io

import pytest
from django.db import transaction
from PIL import Image as PILImage
from PIL import features

from media import renditions as pillow
from media import services
from media.models import Image, Rendition
from tests.media import factories


def test_ladder_stops_at_the_picture_width_and_never_upscales():
    assert pillow.ladder(4000) == [320, 640, 960, 1280, 1920]
    assert pillow.ladder(1000) == [320, 640, 960, 1000]
    assert pillow.ladder(200) == [200]


def test_the_16_9_crop_has_the_1200_width_social_sites_ask_for_where_the_ladder_reaches():
    wide = [w for w, _h in pillow.plan((4000, 3000), "wide", (0.5, 0.5))]
    square = [w for w, _h in pillow.plan((4000, 3000), "square", (0.5, 0.5))]

    assert wide == [320, 640, 960, 1200, 1280, 1920]
    assert square == [320, 640, 960, 1280, 1920]
    assert pillow.plan((4000, 3000), "wide", (0.5, 0.5), [320, 640]) == [(320, 180), (640, 360)]
    assert [w for w, _h in pillow.plan((1100, 900), "wide", (0.5, 0.5))] == [320, 640, 960, 1100]


@pytest.mark.parametrize("focal", [(0, 0), (1, 1), (0.1, 0.9), (0.5, 0.5), (0.93, 0.07)])
@pytest.mark.parametrize("size", [(4000, 3000), (3000, 4000), (1000, 1000), (640, 100)])
@pytest.mark.parametrize("ratio", [(16, 9), (1, 1)])
def test_crop_keeps_the_focal_point_inside(focal, size, ratio):
    left, top, right, bottom = pillow.crop_box(size, ratio, focal)

    assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
    assert left <= focal[0] * size[0] <= right
    assert top <= focal[1] * size[1] <= bottom
    assert abs((right - left) / (bottom - top) - ratio[0] / ratio[1]) < 0.02
    # The largest such box: it spans the whole width or the whole height.
    assert right - left == size[0] or bottom - top == size[1]


def test_crop_is_centred_on_the_focal_point_when_it_fits():
    assert pillow.crop_box((4000, 3000), (1, 1), (0.5, 0.5)) == (500, 0, 3500, 3000)
    assert pillow.crop_box((4000, 3000), (1, 1), (0.3, 0.5)) == (0, 0, 3000, 3000)
    assert pillow.crop_box((4000, 3000), (1, 1), (0.6, 0.5)) == (900, 0, 3900, 3000)


def test_rendered_pixels_follow_the_focal_point():
    # Left half red, right half blue: a square crop around a point on the right is blue.
    img = PILImage.new("RGB", (1600, 900), (255, 0, 0))
    img.paste((0, 0, 255), (800, 0, 1600, 900))
    data = factories.encode(img, "JPEG", quality=95)

    (output,) = pillow.render(
        io.BytesIO(data), crops=["square"], formats=["jpeg"], focal=(0.95, 0.5), widths=[320]
    )
    with PILImage.open(io.BytesIO(output.data)) as square:
        r, g, b = square.convert("RGB").getpixel((160, 160))
        assert b > 200 and r < 60


@pytest.mark.django_db
def test_ladder_and_crops_have_the_right_sizes_and_formats():
    image = factories.image(size=(1400, 1000))
    formats = {"webp", "jpeg"} | ({"avif"} if features.check("avif") else set())

    expected = {
        "full": [(320, 229), (640, 457), (960, 686), (1280, 914), (1400, 1000)],
        # the 16:9 crop also in the 1200 width social sites ask for (SHARE_WIDTHS)
        "wide": [(320, 180), (640, 360), (960, 540), (1200, 675), (1280, 720), (1400, 788)],
        "square": [(320, 320), (640, 640), (960, 960), (1000, 1000)],
    }
    for crop, sizes in expected.items():
        made = services.image_renditions(image=image, crop=crop)
        assert {(r.width, r.height, r.format) for r in made} == {
            (w, h, f) for w, h in sizes for f in formats
        }
        for rendition in made:
            with rendition.file.open("rb") as f, PILImage.open(f) as stored:
                assert stored.size == (rendition.width, rendition.height)
                assert stored.format == rendition.format.upper()


@pytest.mark.django_db
def test_renditions_are_made_once_and_reused(django_assert_num_queries):
    image = factories.image(size=(700, 500))
    first = services.image_renditions(image=image, crop="wide")
    files = sorted(r.file.name for r in first)

    image = Image.objects.with_renditions().get(pk=image.pk)
    with django_assert_num_queries(0):
        again = services.image_renditions(image=image, crop="wide")
    assert sorted(r.file.name for r in again) == files
    assert Rendition.objects.filter(image=image).count() == len(files)


@pytest.mark.django_db
def test_missing_source_file_gives_no_renditions_instead_of_an_error():
    image = factories.image()
    image.file.storage.delete(image.file.name)

    assert services.image_renditions(image=image, crop="wide") == []


@pytest.mark.django_db
def test_moving_the_focal_point_remakes_the_crops():
    image = factories.image(size=(1200, 600))
    old = {r.file.name for r in services.image_renditions(image=image, crop="square")}
    full = {r.file.name for r in services.image_renditions(image=image, crop="full")}

    services.image_set_focal_point(image=image, x=0.9, y=0.5, by=factories.superuser())

    assert not Rendition.objects.filter(file__in=old).exists()
    assert set(Rendition.objects.filter(crop="full").values_list("file", flat=True)) == full
    new = services.image_renditions(image=image, crop="square")
    assert new and not {r.file.name for r in new} & old


@pytest.mark.django_db(transaction=True)
def test_deleting_an_image_deletes_its_files_after_commit(media_root):
    image = factories.image()
    services.image_renditions(image=image, crop="wide")
    assert len(factories.stored_files(media_root)) > 1

    with transaction.atomic():
        image.delete()
        # Still there until the deletion is committed.
        assert len(factories.stored_files(media_root)) > 1
    assert factories.stored_files(media_root) == []


@pytest.mark.django_db
def test_rolled_back_deletion_keeps_the_files(media_root, django_capture_on_commit_callbacks):
    image = factories.image()
    before = factories.stored_files(media_root)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.delete()
    assert callbacks  # scheduled for the commit, which never comes
    assert factories.stored_files(media_root) == before


@pytest.mark.django_db
def test_deleting_runs_file_cleanup_on_commit(media_root, django_capture_on_commit_callbacks):
    image = factories.image()
    services.image_renditions(image=image, crop="square")

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert factories.stored_files(media_root) == []


@pytest.mark.django_db
def test_an_upload_makes_every_crops_renditions_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = factories.image(size=(1000, 700))

    crops = set(Rendition.objects.filter(image=image).values_list("crop", flat=True))
    assert crops == set(pillow.CROPS)
    # A reader's first visit then finds everything made: no writes, no Pillow work.
    image = Image.objects.with_renditions().get(pk=image.pk)
    before = Rendition.objects.count()
    for crop in pillow.CROPS:
        services.image_renditions(image=image, crop=crop)
    assert Rendition.objects.count() == before


@pytest.mark.django_db
def test_a_failed_upload_transaction_makes_no_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            factories.image(size=(1000, 700))
            raise RuntimeError("the editor's save failed after the upload")

    assert callbacks == []
    assert not Rendition.objects.exists()
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_moving_the_focal_point_remakes_the_crops_after_commit(django_capture_on_commit_callbacks):
    image = factories.image(size=(1200, 600))

    with django_capture_on_commit_callbacks(execute=True):
        services.image_set_focal_point(image=image, x=0.1, y=0.5, by=factories.superuser())

    assert Rendition.objects.filter(image=image, crop="square").exists()
    assert Rendition.objects.filter(image=image, crop="wide").exists()


@pytest.mark.django_db
def test_a_picture_made_before_the_share_width_keeps_working_until_make_renditions_adds_it():
    from django.core.management import call_command

    image = factories.processed(factories.image(size=(1400, 1000)))
    # As stored before the 16:9 crop had its 1200 width: no such rendition, nor in the manifest.
    Rendition.objects.filter(image=image, crop="wide", width=1200).delete()
    manifest = Image.objects.get(pk=image.pk).renditions_ready
    wide = [row for row in manifest["crops"]["wide"] if row[0] != 1200]
    crops = {**manifest["crops"], "wide": wide}
    Image.objects.filter(pk=image.pk).update(renditions_ready={**manifest, "crops": crops})
    image = Image.objects.get(pk=image.pk)
    count = Rendition.objects.count()

    shown = services.picture_renditions(image=image, crop="wide")

    assert sorted({r.width for r in shown}) == [320, 640, 960, 1280, 1400]
    assert Rendition.objects.count() == count  # a reader's page makes nothing

    call_command("make_renditions", stdout=io.StringIO())

    image = Image.objects.get(pk=image.pk)
    shown = services.picture_renditions(image=image, crop="wide")
    assert sorted({r.width for r in shown}) == [320, 640, 960, 1200, 1280, 1400]
